import { closeSync, constants, openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { MonteCarloAborted } from '../montecarlo/runMonteCarlo.js';
import { EXIT } from './exitCodes.js';
import type { CliIo } from './cliIo.js';
import { OutputError, systemReason } from './outputError.js';
import { outputTarget, type OutputTarget } from './outputTarget.js';
import { writeAtomic } from '../node/writeAtomic.js';

// A reader that stops early (`head`) closes the pipe or socket: the rest is unwanted, not a failure.
const READER_GONE = new Set(['EPIPE', 'ECONNRESET']);

/**
 * Writes a command's output where outputTarget decided (stdout when there is no --out): a regular file
 * whole or not at all, a stream as it is. Throws OutputError (exit 1) when the write fails, and
 * MonteCarloAborted on Ctrl-C while waiting for a pipe's reader. Bytes go to files and streams, not to CliIo's text streams.
 */
export async function writeOutput(io: CliIo, target: OutputTarget | undefined, text: string | Uint8Array): Promise<void> {
  if (target === undefined || target.to === 'descriptor') {
    // The streams of CliIo carry text; a command that makes bytes (a PNG) asks for a file before it runs.
    if (typeof text !== 'string') throw new OutputError('binary output (a PNG) goes to a file: give --out NAME.png', EXIT.usage);
    return target === undefined || target.fd === 1 ? io.stdout(text) : io.stderr(text);
  }
  const fail = (e: unknown) => new OutputError(`cannot write '${target.shown}': ${systemReason(e)}`, EXIT.runtime);
  if (target.to === 'stream') {
    try {
      await (target.type === 'socket' ? writeSocket(target.path, text) : writeStream(target.path, target.type === 'fifo', text, io.interrupt));
    } catch (e) {
      if (e instanceof MonteCarloAborted || e instanceof OutputError) throw e;
      if (!READER_GONE.has((e as NodeJS.ErrnoException).code ?? '')) throw fail(e);
    }
    return;
  }
  // The runs may have taken minutes: look again (a file may have appeared there, or turned read-only).
  const now = outputTarget(target.request);
  if (now.to !== 'file') return writeOutput(io, now, text);
  try {
    writeAtomic(now.path, text, now.mode);
  } catch (e) {
    throw fail(e);
  }
}

// Into what is there, as the shell's `>` would, but never creating a file (the name was a device or a pipe).
async function writeStream(path: string, isFifo: boolean, text: string | Uint8Array, interrupt: AbortSignal | undefined): Promise<void> {
  const handle = await openStream(path, isFifo, interrupt);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** Opens a device, pipe or descriptor for writing, as the shell's `>` would, never creating a file. */
// Opening a named pipe waits for a reader, off the main thread, so Ctrl-C still ends the command: then
// this process opens the pipe for reading itself, which ends the wait, and writes nothing.
export async function openStream(path: string, isFifo: boolean, interrupt: AbortSignal | undefined): Promise<FileHandle> {
  const opening = open(path, constants.O_WRONLY | constants.O_APPEND);
  if (!isFifo || interrupt === undefined) return opening;
  const release = () => {
    try {
      closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
    } catch {
      // Nothing to release: the open has failed or finished.
    }
  };
  if (interrupt.aborted) release();
  else interrupt.addEventListener('abort', release, { once: true });
  try {
    const handle = await opening;
    if (interrupt.aborted) {
      await handle.close();
      throw new MonteCarloAborted();
    }
    return handle;
  } finally {
    interrupt.removeEventListener('abort', release);
  }
}

// A Unix socket takes no open(): connect to it and send the text.
function writeSocket(path: string, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    socket.once('error', (e) => {
      socket.destroy();
      reject(e);
    });
    socket.once('connect', () =>
      socket.end(text, () => {
        socket.destroy();
        resolve();
      }),
    );
  });
}

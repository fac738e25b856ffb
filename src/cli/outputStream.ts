import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ByteSink } from '../runtable/byteSink.js';
import type { CliIo } from './cliIo.js';
import { EXIT } from './exitCodes.js';
import { OutputError, systemReason } from './outputError.js';
import { outputTarget, type OutputTarget } from './outputTarget.js';
import { openStream } from './writeOutput.js';

/**
 * Output written as it is made, for output too big to hold (a run table): into a temporary file renamed
 * over --out when the command succeeds (so a file is whole or not there), straight into a device or pipe,
 * or to stdout. `abort` removes what a failed command began; writes are synchronous, so memory holds one
 * chunk at a time.
 */
export interface OutputStream {
  readonly sink: ByteSink;
  /** Finishes the output: closes the file and renames it into place. */
  commit(): void;
  /** Gives up the output: closes and removes the temporary file. Safe to call after commit (does nothing). */
  abort(): void;
}

/** Says why output that streams cannot go to this target (a socket takes no partial writes here), or undefined. */
export function streamProblem(target: OutputTarget | undefined, binary: boolean): string | undefined {
  if (target === undefined || target.to === 'descriptor') {
    return binary ? 'a Parquet file is binary: give --out FILE.parquet, not the terminal or stdout' : undefined;
  }
  if (target.to === 'stream' && target.type === 'socket') return `cannot write '${target.shown}': a run table streams to files, pipes and devices, not sockets`;
  return undefined;
}

const encoder = new TextEncoder();

/** Opens the output where outputTarget decided (stdout when undefined), for writing as it is made. */
export async function openOutputStream(io: CliIo, target: OutputTarget | undefined, interrupt?: AbortSignal): Promise<OutputStream> {
  if (target === undefined || target.to === 'descriptor') {
    const write = target?.to === 'descriptor' && target.fd === 2 ? io.stderr : io.stdout;
    const decoder = new TextDecoder();
    return { sink: { write: (chunk) => write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })) }, commit: () => {}, abort: () => {} };
  }
  if (target.to === 'stream') {
    const shown = target.shown;
    const fail = (e: unknown) => new OutputError(`cannot write '${shown}': ${systemReason(e)}`, EXIT.runtime);
    let handle;
    try {
      handle = await openStream(target.path, target.type === 'fifo', interrupt);
    } catch (e) {
      if (e instanceof OutputError || !(e instanceof Error) || !('code' in e)) throw e;
      throw fail(e);
    }
    const fd = handle.fd;
    let closed = false;
    const close = () => {
      if (!closed) closeSync(fd);
      closed = true;
    };
    return {
      sink: { write: (chunk) => writeAll(fd, chunk, fail) },
      commit: close,
      abort: close,
    };
  }
  // The runs may take minutes: look again at the end (a file may have appeared, or turned read-only).
  const path = target.path;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fail = (e: unknown) => new OutputError(`cannot write '${target.shown}': ${systemReason(e)}`, EXIT.runtime);
  let fd: number;
  try {
    rmSync(tmp, { force: true });
    // Exclusive creation: never write through a link or a file left under that name.
    fd = openSync(tmp, 'wx');
  } catch (e) {
    throw fail(e);
  }
  let state: 'open' | 'done' = 'open';
  return {
    sink: { write: (chunk) => writeAll(fd, chunk, fail) },
    commit: () => {
      if (state !== 'open') return;
      state = 'done';
      try {
        closeSync(fd);
        const now = outputTarget(target.request);
        if (now.to !== 'file') throw new OutputError(`cannot write '${target.shown}': it is no longer a regular file`, EXIT.runtime);
        if (now.mode !== undefined) chmodSync(tmp, now.mode);
        renameSync(tmp, now.path);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e instanceof OutputError ? e : fail(e);
      }
    },
    abort: () => {
      if (state !== 'open') return;
      state = 'done';
      try {
        closeSync(fd);
      } finally {
        rmSync(tmp, { force: true });
      }
    },
  };
}

// writeSync may write less than asked (a pipe); write the rest.
function writeAll(fd: number, chunk: Uint8Array | string, fail: (e: unknown) => Error): void {
  const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (e) {
    throw fail(e);
  }
}

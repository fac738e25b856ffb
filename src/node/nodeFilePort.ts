import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FilePort, ReadOutcome } from '../scenario/filePort.js';

/** The most bytes a scenario or targets file may hold (4 MiB): real ones are a few kilobytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

// O_NONBLOCK keeps open() from waiting for a writer should a fifo replace the file after it was checked.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `MAX_FILE_BYTES` as strict UTF-8, saying plainly (`cannot read FILE: why`)
 * when it is missing, a folder, a device, fifo or socket, too big, or not text; never reads past the limit.
 */
export function readTextFile(path: string, limit = MAX_FILE_BYTES): ReadOutcome {
  const fail = (why: string): ReadOutcome => ({ ok: false, message: `cannot read ${path}: ${why}` });
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    return fail(errnoReason(e));
  }
  // Said from stat, before anything is read: /dev/zero or a fifo would never end.
  const notRegular = notRegularReason(stats, limit);
  if (notRegular) return fail(notRegular);
  let bytes: Buffer;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return fail(errnoReason(e));
  }
  try {
    // The path may have changed since stat: check what was opened, then read at most limit + 1 bytes.
    const reopened = notRegularReason(fstatSync(fd), limit);
    if (reopened) return fail(reopened);
    bytes = readAtMost(fd, limit + 1);
  } catch (e) {
    return fail(errnoReason(e));
  } finally {
    closeSync(fd);
  }
  if (bytes.length > limit) return fail(`it grew past the ${sizeText(limit)} limit while being read`);
  if (bytes.includes(0)) return fail('it is not text (it holds binary bytes)');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('it is not UTF-8 text');
  }
}

function notRegularReason(stats: Stats, limit: number): string | undefined {
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (!stats.isFile()) return `it is ${kindOf(stats)}, not a regular file`;
  if (stats.size > limit) {
    // Rounded, a file just over the limit looks like the limit itself: give its bytes too.
    const exact = stats.size < 1024 ? '' : ` (${stats.size.toLocaleString('en-US')} bytes)`;
    return `it is ${sizeText(stats.size)}${exact}, over the ${sizeText(limit)} limit for a scenario or targets file`;
  }
  return undefined;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a fifo (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function readAtMost(fd: number, max: number): Buffer {
  const buffer = Buffer.alloc(Math.min(max, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, max - total), null);
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    total += n;
    if (total >= max) break;
  }
  return Buffer.concat(chunks, total);
}

/** Writes a byte count as a user reads it: `512 bytes`, `20.0 MiB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file (a part of its path is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'its symbolic links go round in a loop';
    case 'ENAMETOOLONG':
      return 'its name is too long';
    case 'EAGAIN':
      return 'it is not a regular file (reading it would wait for a writer)';
    default:
      return `the system refused (${code ?? String(e)})`;
  }
}

/** The file port the command line uses: the real file system, paths relative to each scenario's folder. */
export const nodeFilePort: FilePort = {
  read: (path) => readTextFile(path),
  // join, not resolve: a path the user gave relative stays relative, so messages name files as they typed them.
  resolve: (from, target) => (isAbsolute(target) ? target : join(dirname(from), target)),
  // The real path, so a symbolic link cannot make a cycle of extends look like a chain of new files.
  identity: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  },
};

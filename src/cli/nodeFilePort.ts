import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FilePort, ReadOutcome } from '../scenario/filePort.js';

/** Reads a file as strict UTF-8, saying plainly when it is missing, a folder, or not text. */
export function readTextFile(path: string): ReadOutcome {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return { ok: false, message: `no such file '${path}'` };
  }
  if (isDirectory) return { ok: false, message: `'${path}' is a folder, not a file` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, message: `cannot read '${path}' (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.includes(0)) return { ok: false, message: `'${path}' is not text (it holds binary bytes)` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `'${path}' is not UTF-8 text` };
  }
}

/** The file port the command line uses: the real file system, paths relative to each scenario's folder. */
export const nodeFilePort: FilePort = {
  read: readTextFile,
  // join, not resolve: a path the user gave relative stays relative, so messages name files as they typed them.
  resolve: (from, target) => (isAbsolute(target) ? target : join(dirname(from), target)),
  identity: (path) => resolve(path),
};

import { dirname, isAbsolute, join } from 'node:path';
import type { FilePort } from './filePort.js';

/** A scenario file's name and text, already read. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/**
 * Serves a scenario chain from texts already in memory (a worker thread's copy, an edited scenario),
 * resolving `extends` as the command line's file port does, so file names in messages stay the same.
 */
export function memoryFilePort(sources: readonly SourceText[]): FilePort {
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  return {
    read: (path) => {
      const text = texts.get(path);
      return text === undefined ? { ok: false, message: `cannot read ${path}: no such file` } : { ok: true, text };
    },
    resolve: (from, target) => (isAbsolute(target) ? target : join(dirname(from), target)),
    identity: (path) => path,
  };
}

import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a regular file whole or not at all: into a new temporary file beside it, then renamed over it; a
 * replaced file's permissions (`mode`) carry over. On any failure the temporary file is removed.
 */
export function writeAtomic(path: string, text: string | Uint8Array, mode?: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    // Exclusive creation: never write through a link or a file left under that name. One left by an
    // earlier process of the same id, stopped mid-write, is stale.
    try {
      writeFileSync(tmp, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      rmSync(tmp, { force: true });
      writeFileSync(tmp, text, { flag: 'wx' });
    }
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

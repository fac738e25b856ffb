import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Returns where a changed scenario is saved: `<name>-edited.yaml` beside the original, or `-edited-2`, `-3`... if taken. */
export function editedFileName(original: string, exists: (path: string) => boolean): string {
  const stem = basename(original).replace(/\.ya?ml$/i, '');
  for (let n = 1; ; n++) {
    const candidate = join(dirname(original), `${stem}-edited${n === 1 ? '' : `-${n}`}.yaml`);
    if (!exists(candidate)) return candidate;
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

// Filesystems without hard links say so with one of these.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes a file that must not exist yet, whole or not at all: into a temporary file beside it, flushed to
 * disk, then hard-linked to its name, which fails rather than replace a file that appeared meanwhile (a
 * rename would replace it). The temporary file is removed in every case. Throws EEXIST if the name is taken.
 */
export function writeNewFile(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      if (!NO_LINKS.has(code(e) ?? '')) throw e;
      // No hard links here: exclusive creation still never replaces a file, though a crash may leave half of one.
      try {
        writeFileSync(path, text, { flag: 'wx' });
      } catch (e2) {
        if (code(e2) !== 'EEXIST') rmSync(path, { force: true });
        throw e2;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Saves an edited scenario beside the file it was edited from, under the first free `editedFileName`, and
 * returns the path written: never over the original, what it extends or any other file.
 */
export function saveEdited(text: string, original: string): string {
  for (;;) {
    const path = editedFileName(original, existsSync);
    try {
      writeNewFile(path, text);
      return path;
    } catch (e) {
      if (code(e) !== 'EEXIST') throw e;
    }
  }
}

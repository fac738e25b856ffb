import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT } from './exitCodes.js';
import { OutputError, systemReason } from './outputError.js';
import { nameProblem, type OutputKind } from './outputKind.js';

/** A file the command reads, which its output must never replace, and what it is to the command. */
export interface InputFile {
  readonly file: string;
  /** How messages name it: `a scenario file`, `the targets file`. */
  readonly role: string;
}

/** What a command asks of --out: the name given, the kind of text it writes, --force, and the files it reads. */
export interface OutputRequest {
  readonly out: string;
  readonly kind: OutputKind;
  readonly force: boolean;
  readonly inputs: readonly InputFile[];
}

/**
 * Where --out goes: this process's stdout or stderr; a stream (a character device such as /dev/null, a
 * named pipe, a socket, another open descriptor) written into as it is; or a regular file, replaced whole
 * by a rename, at its real path (through any symbolic links, which stay links).
 */
export type OutputTarget =
  | { readonly to: 'descriptor'; readonly fd: 1 | 2 }
  | { readonly to: 'stream'; readonly type: 'device' | 'fifo' | 'socket' | 'descriptor'; readonly path: string; readonly shown: string }
  | { readonly to: 'file'; readonly path: string; readonly shown: string; readonly mode?: number; readonly request: OutputRequest };

// An open descriptor by its /proc or /dev/fd name (what /dev/stdout links to): `self` or a process id, and the number.
const DESCRIPTOR = /^\/(?:proc\/(self|thread-self|\d+)(?:\/task\/\d+)?\/fd|dev\/fd)\/(\d+)$/;

type End =
  | { readonly type: 'descriptor'; readonly path: string; readonly fd: number; readonly own: boolean }
  | { readonly type: 'existing'; readonly path: string; readonly stat: Stats }
  | { readonly type: 'missing'; readonly path: string };

/**
 * Decides where --out goes and checks, before the command runs, everything that can be checked: the name,
 * the folder, what is there now, that it is no file the command reads, that its name suits the output and
 * that it may be written. Throws OutputError (exit 2) saying why not.
 */
export function outputTarget(r: OutputRequest): OutputTarget {
  const shown = r.out;
  const refuse = (reason: string) => new OutputError(`cannot write '${shown}': ${reason}`, EXIT.usage);
  if (shown.trim() === '') throw new OutputError(`--out '${shown}': expected a file name`, EXIT.usage);
  if (/[\\/]$/.test(shown)) throw refuse('it names a folder; expected a file name');
  const end = follow(resolve(shown), refuse);

  if (end.type === 'descriptor') {
    if (end.own && (end.fd === 1 || end.fd === 2)) return { to: 'descriptor', fd: end.fd };
    let st: Stats;
    try {
      st = statSync(end.path);
    } catch (e) {
      throw refuse(systemReason(e));
    }
    if (st.isDirectory()) throw refuse('it is a folder; expected a file name');
    return { to: 'stream', type: 'descriptor', path: end.path, shown };
  }

  if (end.type === 'existing') {
    const st = end.stat;
    if (st.isDirectory()) throw refuse('it is a folder; expected a file name');
    if (st.isCharacterDevice()) return { to: 'stream', type: 'device', path: end.path, shown };
    if (st.isFIFO()) return { to: 'stream', type: 'fifo', path: end.path, shown };
    if (st.isSocket()) return { to: 'stream', type: 'socket', path: end.path, shown };
    if (!st.isFile()) throw refuse('it is a block device; output goes to files, pipes, sockets and character devices such as /dev/null');
    const input = r.inputs.find((i) => sameFile(i.file, st));
    if (input !== undefined) {
      const which = input.file === shown ? '' : ` (${input.file})`;
      throw refuse(`it is ${input.role} of this command${which}; refusing to overwrite it`);
    }
    if (!r.force) {
      const problem = nameProblem(shown, r.kind, true) ?? (basename(end.path) === basename(shown) ? undefined : nameProblem(end.path, r.kind, true));
      if (problem !== undefined) throw refuse(problem);
    }
    if (!writable(end.path, st)) throw refuse('it is read-only; make it writable (chmod u+w) or choose another name');
    const folder = realFolder(dirname(end.path), dirname(end.path), refuse);
    return { to: 'file', path: join(folder, basename(end.path)), shown, mode: st.mode & 0o7777, request: r };
  }

  // A new file: its folder must exist and take files, and its name must not say another kind of output.
  const folderShown = end.path === resolve(shown) ? dirname(shown) : dirname(end.path);
  const folder = realFolder(dirname(end.path), folderShown, refuse);
  if (!r.force) {
    const problem = nameProblem(shown, r.kind, false) ?? (basename(end.path) === basename(shown) ? undefined : nameProblem(end.path, r.kind, false));
    if (problem !== undefined) throw refuse(problem);
  }
  return { to: 'file', path: join(folder, basename(end.path)), shown, request: r };
}

// Follows symbolic links one at a time, as the system would, stopping at an open descriptor's /proc name
// (whose "link" is no path), at what is there, or at the name of a file not there yet.
function follow(start: string, refuse: (reason: string) => Error): End {
  let p = start;
  for (let hop = 0; hop < 40; hop++) {
    const d = DESCRIPTOR.exec(p);
    if (d !== null) {
      const own = d[1] === undefined || d[1] === 'self' || d[1] === 'thread-self' || d[1] === String(process.pid);
      return { type: 'descriptor', path: p, fd: Number(d[2]), own };
    }
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { type: 'missing', path: p };
      throw refuse(systemReason(e));
    }
    if (!st.isSymbolicLink()) return { type: 'existing', path: p, stat: st };
    // A link's text is read from the folder the link is in, through that folder's own links.
    p = resolve(realpathSync(dirname(p)), readlinkSync(p));
  }
  throw refuse('too many symbolic links (ELOOP)');
}

// The real path of the folder a file goes into, which must exist and take new files (the temporary file
// and the rename need that, even to replace a file).
function realFolder(folder: string, shown: string, refuse: (reason: string) => Error): string {
  let st: Stats;
  try {
    st = statSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(`the folder '${shown}' does not exist; create it first`);
    if (code === 'ENOTDIR') throw refuse(`'${shown}' is not a folder`);
    throw refuse(`the folder '${shown}': ${systemReason(e)}`);
  }
  if (!st.isDirectory()) throw refuse(`'${shown}' is not a folder`);
  if (!writable(folder, st)) throw refuse(`the folder '${shown}' is read-only`);
  return realpathSync(folder);
}

// Writable by this user, and by somebody: root may write anything, but a file or folder with no write
// permission for anyone was made read-only on purpose.
function writable(path: string, st: Stats): boolean {
  if ((st.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// The same file by identity (device and inode), however it is spelt or hard-linked.
function sameFile(file: string, st: Stats): boolean {
  try {
    const other = statSync(file);
    return other.dev === st.dev && other.ino === st.ino;
  } catch {
    return false;
  }
}

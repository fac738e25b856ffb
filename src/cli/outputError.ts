import { EXIT } from './exitCodes.js';

/**
 * Why --out cannot be written, said as `cannot write 'FILE': reason`: a refusal found before anything runs
 * ends the command with exit 2 (a usage error), a write that fails afterwards with exit 1.
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT.usage | typeof EXIT.runtime,
  ) {
    super(message);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENXIO: 'nothing is reading it (no such device or address)',
  ECONNREFUSED: 'nothing is listening on it',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
};

/** A system error in words, with its code for searching: `no space left on the device (ENOSPC)`. */
export function systemReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

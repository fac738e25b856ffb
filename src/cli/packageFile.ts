import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The defaults belong to the package, not to wherever the command is run from: from src/cli or dist/cli,
// the package root is two folders up.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the package, named relative to the working directory when it lies below it (as a user would type it). */
export function packageFile(path: string): string {
  const absolute = join(PACKAGE_ROOT, path);
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

import type fcModule from 'fast-check';

/** What `import 'brigadas/testing'` says when fast-check, a peer dependency of this entry, is not installed. */
export const FAST_CHECK_MISSING = 'brigadas/testing needs fast-check: npm install --save-dev fast-check';

/** Turns a failed import of fast-check into the error to throw: plain words when it is missing, else the error itself. */
export function fastCheckImportError(e: unknown): Error {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'ERR_MODULE_NOT_FOUND' && String(message).includes('fast-check')) return new Error(FAST_CHECK_MISSING, { cause: e });
  return e instanceof Error ? e : new Error(String(e));
}

// A static import of a missing package fails while modules are linked, with a raw ERR_MODULE_NOT_FOUND that
// does not say what to do; imported here, the failure can be said plainly.
let loaded: typeof fcModule;
try {
  loaded = (await import('fast-check')).default;
} catch (e) {
  throw fastCheckImportError(e);
}

/** fast-check, loaded once for the testing kit's arbitraries. */
const fc: typeof fcModule = loaded;
export default fc;

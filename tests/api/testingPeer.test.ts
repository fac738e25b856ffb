// fast-check is an optional peer dependency of brigadas/testing: without it, importing the entry fails with
// plain words that say what to install, not a raw ERR_MODULE_NOT_FOUND.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAST_CHECK_MISSING, fastCheckImportError } from '../../src/testing/fastCheck.js';
import { ROOT } from '../cli/harness.js';

// A resolve hook that makes fast-check missing, as in a project that did not install it.
const HIDE_FAST_CHECK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  if (specifier === 'fast-check') {
    const e = new Error("Cannot find package 'fast-check' imported from " + context.parentURL);
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(specifier, context);
}\`));
`)}`;

describe('brigadas/testing without fast-check', () => {
  it('the message says what to install', () => {
    const missing = Object.assign(new Error("Cannot find package 'fast-check' imported from /x/dist/testing/fastCheck.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const e = fastCheckImportError(missing);
    expect(e.message).toBe('brigadas/testing needs fast-check: npm install --save-dev fast-check');
    expect(e.message).toBe(FAST_CHECK_MISSING);
    expect(e.cause).toBe(missing);
    // Anything else (a broken fast-check, another missing package) is passed on as it is.
    const other = Object.assign(new Error("Cannot find package 'pure-rand'"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(fastCheckImportError(other)).toBe(other);
  });

  it('importing the built entry without fast-check rejects with that message; brigadas itself still loads', () => {
    expect(existsSync(`${ROOT}/dist/testing/index.js`), 'run `npm run build` first').toBe(true);
    const script = `
      const brigadas = await import('brigadas');
      console.log('brigadas loads:', typeof brigadas.simulate);
      try { await import('brigadas/testing'); console.log('loaded'); }
      catch (e) { console.log('error:', e.constructor.name, e.message); }`;
    const r = spawnSync(process.execPath, ['--import', HIDE_FAST_CHECK, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`brigadas loads: function\nerror: Error ${FAST_CHECK_MISSING}\n`);
  });
});

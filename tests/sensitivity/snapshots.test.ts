// The sensitivity charts people read, from small designs on the hand-made scenario. When the wording or the
// model changes on purpose, review the diff and update with `npx vitest run tests/sensitivity -u`.
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { cli, repoPath, ROOT } from '../cli/harness.js';

const prefix = relative(process.cwd(), ROOT);
const canonical = (text: string) => (prefix === '' ? text : text.split(`${prefix}/`).join(''));
const TINY = repoPath('tests/sensitivity/fixtures/tiny.yaml');

for (const [method, samples] of [
  ['tornado', '10'],
  ['morris', '10'],
  ['sobol', '50'],
] as const) {
  it(`sensitivity tests/sensitivity/fixtures/tiny.yaml --metric cumulativeDefections --year 2015 --method ${method} --samples ${samples}`, async () => {
    const r = await cli('sensitivity', TINY, '--metric', 'cumulativeDefections', '--year', '2015', '--method', method, '--samples', samples);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(canonical(r.stdout)).toMatchSnapshot();
  });
}

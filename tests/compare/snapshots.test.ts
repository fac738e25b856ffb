// The compare table people read, from a small run. When the wording or the model changes on purpose, review
// the diff and update with `npx vitest run tests/compare -u`.
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { cli, repoPath, ROOT } from '../cli/harness.js';

const prefix = relative(process.cwd(), ROOT);
const canonical = (text: string) => (prefix === '' ? text : text.split(`${prefix}/`).join(''));

it('compare scenarios/baseline.yaml scenarios/parole-reinstated-2027.yaml --runs 20 --seed 3', async () => {
  const r = await cli('compare', repoPath('scenarios/baseline.yaml'), repoPath('scenarios/parole-reinstated-2027.yaml'), '--runs', '20', '--seed', '3');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(canonical(r.stdout)).toMatchSnapshot();
});

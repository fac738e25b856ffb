// Snapshots of the text people read: help, the table of a small run, and the exact wording of typical errors.
// When wording changes on purpose, review the diff and update with `npx vitest run tests/cli -u`.
// The table comes from scenarios/baseline.yaml, so changing the baseline changes it too.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoPath, ROOT, type CliResult } from './harness.js';

// Paths in snapshots are written relative to the repository root, whatever folder the tests run from.
const prefix = relative(process.cwd(), ROOT);
const canonical = (text: string) => (prefix === '' ? text : text.split(`${prefix}/`).join(''));

const BAD = ['unknown-lever.yaml', 'unknown-top-key.yaml', 'unknown-event-host.yaml', 'string-in-distribution.yaml', 'expr-import.yaml', 'cycle-a.yaml'];

describe('help', () => {
  it('brigadas --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchSnapshot();
  });

  it('brigadas run --help', async () => {
    const r = await cli('run', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchSnapshot();
  });

  for (const command of ['runs', 'discover', 'chart', 'report']) {
    it(`brigadas ${command} --help`, async () => {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatchSnapshot();
    });
  }
});

describe('table output', () => {
  it('run scenarios/baseline.yaml --runs 20 --seed 3', async () => {
    const r = await cli('run', repoPath('scenarios/baseline.yaml'), '--runs', '20', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(canonical(r.stdout)).toMatchSnapshot();
  });
});

describe('error wording', () => {
  const shown = (r: CliResult) => `exit ${r.code}\n${canonical(r.stderr)}`;

  for (const fixture of BAD) {
    it(`run tests/fixtures/bad/${fixture}`, async () => {
      const r = await cli('run', repoPath(`tests/fixtures/bad/${fixture}`), '--runs', '1');
      expect(shown(r)).toMatchSnapshot();
    });
  }

  it('run scenarios/baseline.yaml --runs abc', async () => {
    expect(shown(await cli('run', repoPath('scenarios/baseline.yaml'), '--runs', 'abc'))).toMatchSnapshot();
  });
});

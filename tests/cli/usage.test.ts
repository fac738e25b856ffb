// Mistakes in how the command is called (exit 2) and failures while running (exit 1): a clear one-line
// message, nothing half-written, no stack trace.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';
import { cli, repoPath, STACK_LINE, tempDir } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
// Self-contained (the baseline extends it), so a copy runs on its own.
const PRIORS = repoPath('scenarios/priors.yaml');

/** Checks a usage error: exit 2, nothing on stdout, the given words on stderr, no stack trace. */
function expectUsage(r: { code: number; stdout: string; stderr: string }, ...says: RegExp[]): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  for (const pattern of says) expect(r.stderr).toMatch(pattern);
}

describe('bad options (exit 2)', () => {
  it('--runs 0', async () => {
    expectUsage(await cli('run', BASELINE, '--runs', '0'), /--runs <n>' argument '0' is invalid/, /expected a whole number of runs from 1 to \d+/);
  });

  it('--runs abc', async () => {
    expectUsage(await cli('run', BASELINE, '--runs', 'abc'), /argument 'abc' is invalid/, /expected a whole number of runs from 1 to \d+ \(got 'abc'\)/);
  });

  it('--runs 2.5 (not whole)', async () => {
    expectUsage(await cli('run', BASELINE, '--runs', '2.5'), /expected a whole number of runs/);
  });

  it('--seed x', async () => {
    expectUsage(await cli('run', BASELINE, '--seed', 'x'), /--seed <s>' argument 'x' is invalid/, /expected a whole number such as 1 or 20261125 \(got 'x'\)/);
  });

  it('--format xml', async () => {
    expectUsage(await cli('run', BASELINE, '--format', 'xml'), /argument 'xml' is invalid/, /table, json, csv/);
  });

  it('an unknown command', async () => {
    expectUsage(await cli('simulate', BASELINE), /unknown command 'simulate'/, /brigadas --help/);
  });

  it('run without a scenario', async () => {
    expectUsage(await cli('run'), /missing required argument 'scenario'/);
  });

  it('--version prints the version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(VERSION).toBe(pkg.version);
  });
});

describe('--out', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('in a missing folder: exit 2 and nothing written', async () => {
    const out = join(dir, 'missing', 'report.json');
    const r = await cli('run', BASELINE, '--runs', '2', '--out', out);
    expectUsage(r, /^brigadas: cannot write '.*report\.json': the folder '.*missing' does not exist; create it first\n$/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('pointing at the scenario file itself: exit 2, scenario unchanged', async () => {
    const scenario = join(dir, 'base.yaml');
    copyFileSync(PRIORS, scenario);
    const before = readFileSync(scenario);
    const r = await cli('run', scenario, '--runs', '2', '--out', scenario);
    expectUsage(r, /^brigadas: cannot write '.*base\.yaml': it is a scenario file of this command; refusing to overwrite it\n$/);
    expect(readFileSync(scenario).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['base.yaml']);
  });

  it('pointing at the file the scenario extends, spelt another way: exit 2, both unchanged', async () => {
    const parent = join(dir, 'parent.yaml');
    const child = join(dir, 'child.yaml');
    copyFileSync(PRIORS, parent);
    writeFileSync(child, 'extends: parent.yaml\nname: child\n');
    const before = readFileSync(parent);
    const r = await cli('run', child, '--runs', '2', '--out', join(dir, '.', 'sub', '..', 'parent.yaml'));
    expectUsage(r, /^brigadas: cannot write '.*parent\.yaml': it is a scenario file of this command( \(.*parent\.yaml\))?; refusing to overwrite it\n$/);
    expect(readFileSync(parent).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['child.yaml', 'parent.yaml']);
  });

  it('pointing at a folder: exit 2', async () => {
    expectUsage(await cli('run', BASELINE, '--runs', '2', '--out', dir), /is a folder; expected a file name/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('runtime failure (exit 1)', () => {
  // A writer that fails, as a closed or full output would.
  const failingIo = (stderr: (t: string) => void) => ({
    stdout: () => {
      throw new Error('output device gone');
    },
    stderr,
  });

  it('is said in one line with a hint, without a stack trace', async () => {
    let stderr = '';
    const code = await main(['run', BASELINE, '--runs', '2'], failingIo((t) => void (stderr += t)));
    expect(code).toBe(1);
    expect(stderr).toBe('brigadas: internal error: output device gone\n(run again with --debug for details)\n');
  });

  it('shows the stack trace only with --debug', async () => {
    let stderr = '';
    const code = await main(['--debug', 'run', BASELINE, '--runs', '2'], failingIo((t) => void (stderr += t)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^brigadas: internal error: output device gone\n/);
    expect(stderr).toMatch(STACK_LINE);
  });
});

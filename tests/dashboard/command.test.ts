import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoPath, ROOT, tempDir } from '../cli/harness.js';

describe('brigadas dashboard off a terminal', () => {
  it('prints the table `brigadas run` prints', async () => {
    const dash = await cli('dashboard', repoPath('scenarios/baseline.yaml'), '--runs', '20', '--seed', '3');
    const run = await cli('run', repoPath('scenarios/baseline.yaml'), '--runs', '20', '--seed', '3');
    expect(dash.code).toBe(0);
    expect(dash.stdout).toBe(run.stdout);
    expect(dash.stdout).toContain('medians; beneath each, the 90% interval');
  });

  it('with --compare, prints the table `brigadas compare` prints for the same runs and seed', async () => {
    const [base, alt] = [repoPath('scenarios/baseline.yaml'), repoPath('scenarios/parole-reinstated-2027.yaml')];
    const dash = await cli('dashboard', base, '--compare', alt, '--runs', '20', '--seed', '3');
    const compare = await cli('compare', base, alt, '--runs', '20', '--seed', '3');
    expect(dash.code).toBe(0);
    expect(dash.stdout).toBe(compare.stdout);
    expect(dash.stdout).toContain('compare against baseline');
  });

  it('checks a --compare scenario first: one of another horizon is a usage error', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const other = join(dir, 'short.yaml');
      writeFileSync(other, `extends: ${resolve(ROOT, 'scenarios/baseline.yaml')}\nname: short\nstart: 2003-02\n`);
      const r = await cli('dashboard', repoPath('scenarios/baseline.yaml'), '--compare', other, '--runs', '5');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('must cover the same months');
    } finally {
      cleanup();
    }
  });

  it('reports a scenario it cannot read like every command (exit 2)', async () => {
    const r = await cli('dashboard', repoPath('tests/dashboard/no-such.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});

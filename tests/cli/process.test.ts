// The real executable (`node bin/brigadas.js`, built into dist/ by `npm test`): exit codes as the shell sees
// them, and no stack trace ever reaching stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, repoPath, ROOT, STACK_LINE } from './harness.js';

describe('node bin/brigadas.js', () => {
  it('exits 0 and prints a table for a good run', () => {
    const r = cliProcess('run', 'scenarios/baseline.yaml', '--runs', '5', '--seed', '3');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^brigadas \S+ {2}scenario: baseline \(scenarios\/baseline\.yaml\)\n/);
  });

  it('prints the same JSON bytes as the in-process command (same scenario, seed and runs)', async () => {
    const args = ['--runs', '50', '--seed', '7', '--format', 'json'];
    const real = cliProcess('run', 'scenarios/baseline.yaml', ...args);
    const inProcess = await cli('run', repoPath('scenarios/baseline.yaml'), ...args);
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(inProcess.stdout);
  });

  it('exits 3 with a located message for an invalid scenario', () => {
    const r = cliProcess('run', 'tests/fixtures/bad/unknown-lever.yaml', '--runs', '5');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tests\/fixtures\/bad\/unknown-lever\.yaml:4:10: unknown key 'levers\.parolOpen'; did you mean 'paroleOpen'\?/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 2 for a file it cannot read (missing, binary, a device) and 3 for an alias bomb, without a stack trace', () => {
    for (const file of ['tests/fixtures/bad/does-not-exist.yaml', 'tests/fixtures/bad/binary.yaml', '/dev/zero']) {
      const r = cliProcess('validate', file);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(new RegExp(`^brigadas: cannot read ${file.replace(/\./g, '\\.')}: [^\n]+\n$`));
    }
    const r = cliProcess('validate', 'tests/fixtures/bad/alias-bomb.yaml');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^tests\/fixtures\/bad\/alias-bomb\.yaml:\d+:\d+: /);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 2 for a bad option, without a stack trace', () => {
    const r = cliProcess('run', 'scenarios/baseline.yaml', '--seed', 'x');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/expected a whole number/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('stops quietly when the reader closes the pipe early (`| head -1`)', () => {
    // The CSV (~200 kB) is larger than a pipe's buffer, so brigadas is still writing when head exits.
    const command = `"${process.execPath}" "${join(ROOT, 'bin', 'brigadas.js')}" run scenarios/baseline.yaml --runs 5 --format csv | head -1`;
    const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('metric,year,mean,p5,p25,p50,p75,p95\n');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/EPIPE/);
  });
});

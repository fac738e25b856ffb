import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess, ROOT, STACK_LINE, tempDir } from './harness.js';

describe('brigadas run on worker threads', () => {
  it('prints byte-identical JSON for --workers 1, 2 and 3 on the same seed', () => {
    const outputs = [1, 2, 3].map((w) => cliProcess('run', 'scenarios/baseline.yaml', '--runs', '600', '--seed', '9', '--format', 'json', '--workers', String(w)));
    for (const r of outputs) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(outputs[1].stdout).toBe(outputs[0].stdout);
    expect(outputs[2].stdout).toBe(outputs[0].stdout);
  });

  it('prints byte-identical sensitivity JSON for --workers 1 and 2 (points evaluated in this thread or on the pool)', () => {
    const args = ['sensitivity', 'scenarios/baseline.yaml', '--metric', 'cumulativeDefections', '--year', '2030', '--method', 'sobol', '--samples', '12', '--seed', '4', '--format', 'json'];
    const [one, two] = [1, 2].map((w) => cliProcess(...args, '--workers', String(w)));
    for (const r of [one, two]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(one.stdout).method).toBe('sobol');
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints byte-identical compare JSON for --workers 1, 2 and 3 (chunks of every scenario in this thread or on one pool)', () => {
    const args = ['compare', 'scenarios/baseline.yaml', 'scenarios/parole-reinstated-2027.yaml', 'scenarios/retention-cap-50.yaml', '--runs', '300', '--seed', '5', '--format', 'json'];
    const [one, two, three] = [1, 2, 3].map((w) => cliProcess(...args, '--workers', String(w)));
    for (const r of [one, two, three]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(one.stdout).alternatives).toHaveLength(2);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  });

  it('prints byte-identical calibrate JSON and calibrated scenario for --workers 1 and 2 (target cells sent back by the pool)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const runs = [1, 2].map((w) => {
        const out = join(dir, `calibrated-${w}.yaml`);
        const r = cliProcess('calibrate', 'scenarios/priors.yaml', '--draws', '400', '--keep', '0.25', '--seed', '3', '--format', 'json', '--workers', String(w), '--out', out);
        return { r, text: readFileSync(out, 'utf8').replaceAll(`calibrated-${w}`, 'calibrated') };
      });
      for (const { r } of runs) {
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
      }
      expect(JSON.parse(runs[0].r.stdout).draws).toBe(400);
      expect(runs[1].r.stdout).toBe(runs[0].r.stdout);
      expect(runs[1].text).toBe(runs[0].text);
    } finally {
      cleanup();
    }
  });

  it('refuses --workers 0 and --workers x as usage errors', () => {
    for (const bad of ['0', 'x']) {
      const r = cliProcess('run', 'scenarios/baseline.yaml', '--workers', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/worker threads/);
    }
  });

  it('stops promptly on Ctrl-C (SIGINT) during a long calibrate --out FILE on the pool, exits 130 and leaves no FILE', async () => {
    await expectInterruptLeavesNothing('calibrated.yaml', (out) => ['calibrate', 'scenarios/priors.yaml', '--draws', '1000000', '--workers', '2', '--out', out]);
  });

  it('stops promptly on Ctrl-C (SIGINT) during a long run --out FILE, exits 130 and leaves no FILE', async () => {
    await expectInterruptLeavesNothing('result.json', (out) => ['run', 'scenarios/baseline.yaml', '--runs', '1000000', '--workers', '2', '--format', 'json', '--out', out]);
  });
});

// Starts the CLI with the arguments `args(out)` for an output file `file` in an empty folder, interrupts it with
// SIGINT once its workers are going, and checks it stops promptly, exits 130 and leaves the folder empty.
async function expectInterruptLeavesNothing(file: string, args: (out: string) => string[]): Promise<void> {
  const { dir, cleanup } = tempDir();
  try {
    const out = join(dir, file);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'brigadas.js'), ...args(out)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // Give it time to start its workers and get going, then interrupt.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const interruptedAt = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const seconds = (performance.now() - interruptedAt) / 1000;
    expect(code).toBe(130);
    // Generous bound: "promptly" means the current chunks, not the million runs.
    expect(seconds).toBeLessThan(10);
    expect(stderr).toMatch(/interrupted/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    cleanup();
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoPath, tempDir } from './harness.js';

// `sensitivity --points FILE` writes the design's points as a run table: one row per model run.
describe('sensitivity --points', () => {
  it('writes every point the tornado ran, whose first rows average to the base the report prints', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'points.csv');
      const r = await cli('sensitivity', repoPath('scenarios/baseline.yaml'), '-m', 'healthWorkersAbroad', '-y', '2030', '--samples', '4', '--format', 'json', '--points', file, '--quiet');
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as { modelRuns: number; base: number; factors: string[] };
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const header = lines[0].split(',');
      expect(header.slice(0, 2)).toEqual(['point', 'run']);
      expect(header.at(-1)).toBe('healthWorkersAbroad_2030');
      expect(header).toHaveLength(report.factors.length + 3);
      expect(lines).toHaveLength(report.modelRuns + 1);
      // The tornado's first batch is the base: every factor at its median, runs 0..N-1, averaged.
      const base = lines.slice(1, 5).map((l) => Number(l.split(',').at(-1)));
      expect(base.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(report.base, 6);
      expect(lines.slice(1, 5).map((l) => l.split(',')[1])).toEqual(['0', '1', '2', '3']);
    } finally {
      cleanup();
    }
  });

  it('refuses a name that says no run-table format, and leaves nothing when the analysis fails', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const bad = await cli('sensitivity', repoPath('scenarios/baseline.yaml'), '-m', 'healthWorkersAbroad', '-y', '2030', '--points', join(dir, 'points.txt'));
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--points '.*points\.txt': expected a file name ending in \.csv, \.json or \.parquet/);
      const undefinedMetric = await cli('sensitivity', repoPath('scenarios/baseline.yaml'), '-m', 'retentionShare', '-y', '2003', '--samples', '2', '--points', join(dir, 'p.csv'), '--quiet');
      expect(existsSync(join(dir, 'p.csv'))).toBe(undefinedMetric.code === 0);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      cleanup();
    }
  });
});

// Commands whose memory grows with their size refuse up front, before running anything, when their estimate
// is above the budget: exit 2, nothing on stdout, the memory needed and what would fit on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess, STACK_LINE, tempDir } from './harness.js';

function expectRefusal(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).toMatch(pattern);
}

describe('refused for memory before running', () => {
  it('sensitivity --method sobol --samples 1000000 (hours of runs): the figure and the most samples that fit', () => {
    const r = cliProcess('sensitivity', 'scenarios/baseline.yaml', '--metric', 'cumulativeDefections', '--year', '2035', '--method', 'sobol', '--samples', '1000000');
    expectRefusal(r, /^brigadas: sensitivity --method sobol --samples 1000000 with 57 factors would need about 57\.1 GB of memory, above the limit of 4\.0 GB; use --samples \d+ or fewer\n$/);
  });

  it('calibrate --draws 1000000 of a large targets file', () => {
    const { dir, cleanup } = tempDir();
    try {
      // The shipped targets seven times over, each copy with ids of its own.
      const [header, ...rows] = readFileSync('data/history.csv', 'utf8').trimEnd().split('\n');
      const copies = Array.from({ length: 7 }, (_, k) => rows.map((row) => row.replace(/^([^,]+),/, `$1x${k},`)));
      const file = join(dir, 'targets.csv');
      writeFileSync(file, `${[header, ...copies.flat()].join('\n')}\n`);
      const r = cliProcess('calibrate', 'scenarios/priors.yaml', '--draws', '1000000', '--targets', file);
      expectRefusal(r, /calibrate --draws 1000000 with 567 targets and 57 uncertain parameters would need about 5\.1 GB of memory, above the limit of 4\.0 GB; use --draws \d+ or fewer/);
    } finally {
      cleanup();
    }
  });

  it('compare of 21 scenarios of 10,000 runs (exact summaries keep every run)', () => {
    const r = cliProcess('compare', 'scenarios/baseline.yaml', ...Array.from({ length: 20 }, () => 'scenarios/baseline.yaml'), '--runs', '10000');
    expectRefusal(r, /comparing 21 scenarios of 10000 runs would need about 5\.2 GB of memory, above the limit of 4\.0 GB; compare fewer alternatives at a time/);
  });
});

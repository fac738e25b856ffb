import { describe, expect, it } from 'vitest';
import { parseYears } from '../../src/cli/parseYears.js';
import { cli, repoPath } from './harness.js';

describe('--years', () => {
  it('reads years and spans, sorted and without repeats', () => {
    expect(parseYears('2030')).toEqual([2030]);
    expect(parseYears('2035, 2026..2028,2027')).toEqual([2026, 2027, 2028, 2035]);
  });

  it('refuses what is not a year, a span that runs backwards and more than a table holds', () => {
    expect(() => parseYears('next year')).toThrow(/expected years such as 2030, 2026..2030/);
    expect(() => parseYears('2030..2026')).toThrow(/ends before it starts/);
    expect(() => parseYears('2003..2040')).toThrow(/at most 12 years/);
  });

  it('shows the years asked for in the comparison table: a reopened parole programme approves at once in 2027', async () => {
    const r = await cli('compare', repoPath('scenarios/baseline.yaml'), repoPath('scenarios/parole-reinstated-2027.yaml'), '--runs', '100', '--years', '2026..2028', '--quiet');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('paroleApprovals'));
    // metric, year, baseline, alternative, difference, interval, P(>0): the block's three rows are the years asked for.
    const rows = lines.slice(at, at + 3).map((l) => l.replace(/^paroleApprovals/, '').trim().split(/\s+/));
    expect(rows.map((cells) => cells[0])).toEqual(['2026', '2027', '2028']);
    expect(rows.map((cells) => Number(cells[1]))).toEqual([0, 0, 0]);
    // Known from the first programme and with a pool built up since 2017: hundreds approved in its first year.
    expect(Number(rows[1][2])).toBeGreaterThan(500);
    expect(lines[at + 3]).not.toMatch(/^\s+2029/);
  });

  it('refuses years outside the scenario and years with a format that holds every year, before any run', async () => {
    const outside = await cli('run', repoPath('scenarios/baseline.yaml'), '--years', '2050', '--format', 'table');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--years 2050: outside the scenario's years 2003-2040/);
    const csv = await cli('compare', repoPath('scenarios/baseline.yaml'), repoPath('scenarios/parole-never.yaml'), '--years', '2030', '--format', 'csv');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/--years chooses the table's columns; --format csv holds every year already/);
  });
});

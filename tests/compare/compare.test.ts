// brigadas compare: each scenario's report, the run-by-run differences on common random numbers, and usage errors.
import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/compare/compareScenarios.js';
import { cli, repoPath, runJson, STACK_LINE } from '../cli/harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const PAROLE = repoPath('scenarios/parole-reinstated-2027.yaml');
const TINY = repoPath('tests/sensitivity/fixtures/tiny.yaml');
const STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

async function compareJson(...argv: string[]): Promise<CompareReport> {
  const r = await cli('compare', ...argv, '--format', 'json');
  if (r.code !== 0) throw new Error(`compare exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CompareReport;
}

describe('compare --format json', () => {
  it('holds each scenario run report and the differences keyed by alternative, then metric', async () => {
    const report = await compareJson(BASELINE, PAROLE, '--runs', '30', '--seed', '4');
    expect(Object.keys(report)).toEqual(['brigadas', 'seed', 'runs', 'years', 'baseline', 'alternatives', 'scenarios', 'differences']);
    expect(report.baseline).toBe('baseline');
    expect(report.alternatives).toEqual(['parole reinstated in 2027']);
    expect(Object.keys(report.scenarios)).toEqual(['baseline', 'parole reinstated in 2027']);
    // Each scenario's entry is exactly what `brigadas run --format json` prints for the same runs and seed.
    expect(report.scenarios.baseline).toEqual(await runJson(BASELINE, 30, 4));
    expect(report.scenarios['parole reinstated in 2027']).toEqual(await runJson(PAROLE, 30, 4));
    const diff = report.differences['parole reinstated in 2027'];
    expect(Object.keys(diff)).toEqual(Object.keys(report.scenarios.baseline.metrics));
    for (const m of Object.values(diff)) {
      expect(Object.keys(m)).toEqual(['unit', 'kind', ...STATS, 'probabilityPositive']);
      for (const k of [...STATS, 'probabilityPositive'] as const) expect(m[k]).toHaveLength(report.years.length);
    }
  });

  it('shares random numbers: differences are exactly 0 before the policy starts, and parole approvals rise after', async () => {
    const report = await compareJson(BASELINE, PAROLE, '--runs', '40', '--seed', '2');
    const diff = report.differences['parole reinstated in 2027'];
    const before = report.years.filter((y) => y < 2027).map((y) => report.years.indexOf(y));
    for (const [name, m] of Object.entries(diff)) {
      for (const y of before) {
        for (const k of STATS) expect(m[k][y] === null || m[k][y] === 0, `${name} ${k} ${report.years[y]}`).toBe(true);
        expect(m.probabilityPositive[y] === null || m.probabilityPositive[y] === 0).toBe(true);
      }
    }
    const approvals = diff.paroleApprovals;
    for (const year of [2028, 2030, 2035, 2040]) {
      const y = report.years.indexOf(year);
      expect(approvals.probabilityPositive[y]).toBeGreaterThanOrEqual(0.95);
      expect(approvals.p50[y]).toBeGreaterThan(0);
    }
  });

  it('a scenario compared with itself differs by exactly zero, under a second key', async () => {
    const report = await compareJson(BASELINE, BASELINE, '--runs', '10');
    expect(report.alternatives).toEqual(['baseline (2)']);
    for (const m of Object.values(report.differences['baseline (2)'])) {
      for (const k of [...STATS, 'probabilityPositive'] as const) for (const v of m[k]) expect(v === null || v === 0).toBe(true);
    }
  });
});

describe('compare --format table and csv', () => {
  it('prints zero differences when a scenario is compared with itself', async () => {
    const r = await cli('compare', BASELINE, BASELINE, '--runs', '10');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\S*\s+20\d\d\s/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = row.trim().split(/\s{2,}/);
      // metric (on a group's first row), year, baseline, alternative, difference, interval, P(>0)
      expect(cells.slice(-3), row).toEqual([expect.stringMatching(/^(\$0|0|0\.0%)$/), expect.stringMatching(/^(\$0|0|0\.0%) to (\$0|0|0\.0%)$/), '0']);
    }
  });

  it('CSV has one tidy row per scenario or difference, metric and year', async () => {
    const json = await compareJson(BASELINE, PAROLE, '--runs', '5');
    const r = await cli('compare', BASELINE, PAROLE, '--runs', '5', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,quantity,metric,year,mean,p5,p25,p50,p75,p95,probabilityPositive');
    const metrics = Object.keys(json.differences['parole reinstated in 2027']).length;
    expect(lines).toHaveLength(1 + 3 * metrics * json.years.length);
    expect(lines).toContain(`parole reinstated in 2027,difference,paroleApprovals,2003,0,0,0,0,0,0,0`);
  });
});

describe('compare usage errors (exit 2) and invalid scenarios (exit 3)', () => {
  const expectUsage = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(pattern);
  };

  it('scenarios with different horizons', async () => {
    expectUsage(await cli('compare', BASELINE, TINY, '--runs', '2'), /must cover the same months: 'baseline' runs 2003-01 to 2040-12, 'tiny' runs 2010-01 to 2015-12/);
  });

  it('no alternative', async () => {
    expectUsage(await cli('compare', BASELINE), /compare needs an alternative: a scenario file after the baseline, or --sweep/);
  });

  it('--runs 0 and --format xml', async () => {
    expectUsage(await cli('compare', BASELINE, PAROLE, '--runs', '0'), /expected a whole number of runs/);
    expectUsage(await cli('compare', BASELINE, PAROLE, '--format', 'xml'), /table, json, csv/);
  });

  it('--out onto a scenario file', async () => {
    expectUsage(await cli('compare', BASELINE, PAROLE, '--runs', '1', '--out', BASELINE), /is a scenario file of this command; refusing to overwrite it/);
  });

  it('an invalid scenario is exit 3 with its location', async () => {
    const r = await cli('compare', BASELINE, repoPath('tests/fixtures/bad/unknown-lever.yaml'), '--runs', '1');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unknown-lever\.yaml:\d+:\d+: unknown key 'levers\.parolOpen'/);
  });

  it('a value out of range in some run of an alternative is exit 3, located where it is written', async () => {
    const r = await cli('compare', BASELINE, repoPath('tests/compare/fixtures/share-out-of-range.yaml'), '--runs', '20');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/priors\.yaml:\d+:\d+: hosts\.venezuela\.retention must be between 0 and 1 .* from venezuelaRetention = 1\.\d+/);
  });
});

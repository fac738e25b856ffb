// Policy sanity: each lever scenario does what its name says, compared with the baseline under common random
// numbers (the same seed and runs give each run the same draws in every scenario).
// Runs: 200, seed 7. Tolerances: exact (0) where the runs are identical by construction, 1e-9 for the cap.
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath, runJson, STATS, type JsonReport } from '../cli/harness.js';

const RUNS = 200;
const SEED = 7;
const run = (name: string) => runJson(repoPath(`scenarios/${name}.yaml`), RUNS, SEED);

let baseline: JsonReport;
beforeAll(async () => {
  baseline = await run('baseline');
});

describe('parole-never', () => {
  it('approves no parole in any year, in any run (every statistic is 0)', async () => {
    const r = await run('parole-never');
    const m = r.metrics.paroleApprovals;
    for (const s of STATS) expect(m[s], s).toEqual(r.years.map(() => 0));
    // The baseline does approve parole, so the check above is not vacuous.
    expect(Math.max(...(baseline.metrics.paroleApprovals.p50 as number[]))).toBeGreaterThan(0);
  });
});

describe('parole-reinstated-2027', () => {
  let r: JsonReport;
  beforeAll(async () => {
    r = await run('parole-reinstated-2027');
  });

  it('approves parole (p50 > 0) every year from 2028', () => {
    const m = r.metrics.paroleApprovals;
    r.years.forEach((year, y) => {
      if (year >= 2028) expect(m.p50[y], String(year)).toBeGreaterThan(0);
    });
  });

  it("equals the baseline's paroleApprovals exactly before 2027", () => {
    r.years.forEach((year, y) => {
      if (year < 2027) for (const s of STATS) expect(r.metrics.paroleApprovals[s][y], `${s} ${year}`).toBe(baseline.metrics.paroleApprovals[s][y]);
    });
  });

  it('equals the baseline in every metric before 2027 (common random numbers)', () => {
    expect(r.years).toEqual(baseline.years);
    const before = r.years.filter((year) => year < 2027).length;
    for (const [name, m] of Object.entries(baseline.metrics)) {
      for (const s of STATS) expect(r.metrics[name][s].slice(0, before), `${name}.${s}`).toEqual(m[s].slice(0, before));
    }
  });
});

describe('retention-cap-50', () => {
  it('keeps retentionShare p95 at or below 0.5 (+1e-9) from 2027', async () => {
    const r = await run('retention-cap-50');
    const m = r.metrics.retentionShare;
    r.years.forEach((year, y) => {
      if (year >= 2027) {
        expect(m.p95[y], String(year)).not.toBeNull();
        expect(m.p95[y] as number, String(year)).toBeLessThanOrEqual(0.5 + 1e-9);
      }
    });
    // Without the cap the state keeps well over half, so the cap is what holds it down.
    const y2030 = baseline.years.indexOf(2030);
    expect(baseline.metrics.retentionShare.p50[y2030] as number).toBeGreaterThan(0.5);
  });
});

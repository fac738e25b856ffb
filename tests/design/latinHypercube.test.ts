import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignPlan } from '../../src/design/designPlan.js';
import { parameterQuantile } from '../../src/design/parameterQuantile.js';

const lhs = (runs: number, seed: number, names: readonly string[]): DesignPlan => ({ kind: 'lhs', runs, seed, names });
const column = (plan: DesignPlan, index: number, order?: readonly number[]): number[] => {
  const out = new Array<number>(plan.runs);
  for (const run of order ?? out.keys()) out[run] = parameterQuantile(plan, run, index);
  return out;
};

describe('the lhs design', () => {
  it('puts exactly one of the N quantiles of each parameter in each stratum [k/N, (k+1)/N), inside (0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer(), (runs, seed) => {
        const plan = lhs(runs, seed, ['a', 'defection:brazil']);
        for (let i = 0; i < plan.names.length; i++) {
          const hits = new Uint8Array(runs);
          let outside = 0;
          for (const u of column(plan, i)) {
            if (u > 0 && u < 1) hits[Math.floor(u * runs)]++;
            else outside++;
          }
          expect(outside).toBe(0);
          expect(hits.every((h) => h === 1)).toBe(true);
        }
      }),
      { seed: 31, numRuns: 60 },
    );
  });

  it('stays inside (0, 1) for N far beyond what the tests enumerate, up to 2^32', () => {
    for (const runs of [2 ** 20 + 3, 2 ** 26, 2 ** 32]) {
      const plan = lhs(runs, 5, ['p']);
      for (const run of [0, 1, 77, runs - 1]) {
        const u = parameterQuantile(plan, run, 0);
        expect(u > 0 && u < 1).toBe(true);
      }
    }
  });

  it('gives the same values whatever order the runs are computed in', () => {
    const plan = lhs(997, 42, ['a', 'b', 'c']);
    const forward = [0, 1, 2].map((i) => column(plan, i));
    const backward = Array.from({ length: 997 }, (_, k) => 996 - k);
    const strided = Array.from({ length: 997 }, (_, k) => (k * 389) % 997);
    expect([2, 1, 0].map((i) => column(plan, i, backward)).reverse()).toEqual(forward);
    expect([1, 2, 0].map((i) => column(plan, i, strided))).toEqual([forward[1], forward[2], forward[0]]);
  });

  it("leaves the other parameters' columns unchanged when a parameter is added", () => {
    const before = lhs(500, 3, ['a', 'b']);
    const after = lhs(500, 3, ['a', 'new', 'b']);
    expect(column(after, 0)).toEqual(column(before, 0));
    expect(column(after, 2)).toEqual(column(before, 1));
  });

  it('changes with the seed', () => {
    expect(column(lhs(200, 1, ['a']), 0)).not.toEqual(column(lhs(200, 2, ['a']), 0));
  });

  // Pearson correlation of two independent random permutations of N has standard deviation 1/sqrt(N - 1);
  // the tolerance is 5 of those, and also applies to a stratum against the run number itself.
  it('matches the strata of two parameters (and of a parameter and the run number) with no correlation beyond 5/sqrt(N)', () => {
    const correlation = (x: readonly number[], y: readonly number[]): number => {
      const n = x.length;
      const mx = x.reduce((s, v) => s + v, 0) / n;
      const my = y.reduce((s, v) => s + v, 0) / n;
      let sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) ** 2;
        syy += (y[i] - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    for (const runs of [257, 1000, 4096, 5000]) {
      const names = ['a', 'b', 'defection:venezuela', 'defection:brazil', 'salary'];
      const plan = lhs(runs, 20260101, names);
      const strata = names.map((_, i) => column(plan, i).map((u) => Math.floor(u * runs)));
      const runNumbers = Array.from({ length: runs }, (_, k) => k);
      const tolerance = 5 / Math.sqrt(runs - 1);
      for (let i = 0; i < names.length; i++) {
        expect(Math.abs(correlation(strata[i], runNumbers))).toBeLessThan(tolerance);
        for (let j = i + 1; j < names.length; j++) expect(Math.abs(correlation(strata[i], strata[j]))).toBeLessThan(tolerance);
      }
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERCENTILES, summarize } from '../../src/stats/summarize.js';

describe('summarize', () => {
  it('reports the mean and the R-7 percentiles 5, 25, 50, 75 and 95', () => {
    expect(PERCENTILES).toEqual([5, 25, 50, 75, 95]);
    const s = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5.5);
    expect(s.p5).toBeCloseTo(1.45, 14);
    expect(s.p25).toBeCloseTo(3.25, 14);
    expect(s.p50).toBeCloseTo(5.5, 14);
    expect(s.p75).toBeCloseTo(7.75, 14);
    expect(s.p95).toBeCloseTo(9.55, 14);
  });

  it('sorts its input numerically, not as text', () => {
    const s = summarize([10, 9, -1, 2, 100]);
    expect(s.p50).toBe(9);
    expect(s.p5).toBeCloseTo(-1 + 0.2 * 3, 14);
    expect(s.p95).toBeCloseTo(10 + 0.8 * 90, 12);
  });

  it('skips NaN values', () => {
    const s = summarize(Float64Array.from([NaN, 1, 2, NaN, 3, NaN]));
    expect(s.mean).toBe(2);
    expect(s.p50).toBe(2);
    expect(s.p5).toBeCloseTo(1.1, 14);
    expect(s.p95).toBeCloseTo(2.9, 14);
  });

  it('returns nulls when every value is NaN or there are none', () => {
    const nulls = { mean: null, p5: null, p25: null, p50: null, p75: null, p95: null };
    expect(summarize([NaN, NaN])).toEqual(nulls);
    expect(summarize(new Float64Array(0))).toEqual(nulls);
  });

  it('returns the value itself, mean included, when every value is the same', () => {
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004: a plain sum / n would put the mean above the maximum.
    const s = summarize([0.1, 0.1, 0.1]);
    expect(s).toEqual({ mean: 0.1, p5: 0.1, p25: 0.1, p50: 0.1, p75: 0.1, p95: 0.1 });
  });

  it('gives p5 <= p25 <= p50 <= p75 <= p95 and a mean within [min, max] for any finite values, NaN skipped', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(NaN) },
      { weight: 2, arbitrary: fc.constantFrom(0, 0.1, 1 / 3, 0.7) },
    );
    // Runs often agree exactly (a share fixed by the scenario): repeat one value many times.
    const repeated = fc
      .tuple(fc.constantFrom(0.1, 1 / 3, 0.7, 0.95, 2 / 3, 1e-17), fc.integer({ min: 1, max: 400 }))
      .map(([v, n]) => Array.from({ length: n }, () => v));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { minLength: 1, maxLength: 60 }), repeated), (values) => {
        const kept = values.filter((v) => !Number.isNaN(v));
        const s = summarize(values);
        if (kept.length === 0) return s.mean === null && s.p50 === null;
        const min = Math.min(...kept);
        const max = Math.max(...kept);
        const ps = [s.p5, s.p25, s.p50, s.p75, s.p95] as number[];
        for (let i = 1; i < ps.length; i++) if (!(ps[i - 1] <= ps[i])) return false;
        return min <= ps[0] && ps[4] <= max && (s.mean as number) >= min && (s.mean as number) <= max;
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

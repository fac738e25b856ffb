import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poisson } from '../../src/random/poisson.js';
import { streamFor } from '../../src/random/rng.js';
import { chiSquare, chiSquareCritical999, moments, poissonPmf, tally } from './helpers.js';

const DRAWS = 200_000;

describe('Poisson sampler', () => {
  it('returns 0 for a mean of 0, a negative mean or NaN', () => {
    const rng = streamFor(1, 0, 'test:poisson:edges');
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -3)).toBe(0);
    expect(poisson(rng, NaN)).toBe(0);
  });

  // Means below 10 use multiplication of uniforms, 10 up to 50 Hörmann's PTRS, 50 and above the normal approximation.
  it.each([
    { mean: 0.01, branch: 'multiplication' },
    { mean: 0.5, branch: 'multiplication' },
    { mean: 3, branch: 'multiplication' },
    { mean: 9.99, branch: 'multiplication (just below PTRS)' },
    { mean: 10, branch: 'PTRS (at its limit)' },
    { mean: 30, branch: 'PTRS' },
    { mean: 49.9, branch: 'PTRS (just below the normal approximation)' },
    { mean: 50, branch: 'normal approximation (at its limit)' },
    { mean: 1000, branch: 'normal approximation' },
    { mean: 1_000_000, branch: 'normal approximation' },
  ])(
    'Poisson($mean) by $branch has mean and variance equal to its mean within 4 standard errors of 200,000 draws',
    ({ mean }) => {
      const rng = streamFor(20240601, 0, `test:poisson:${mean}`);
      // Fourth central moment of a Poisson: mean (1 + 3 mean).
      const mu4 = mean * (1 + 3 * mean);
      const m = moments(DRAWS, () => poisson(rng, mean));
      expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(mean / DRAWS));
      expect(Math.abs(m.variance - mean)).toBeLessThan(4 * Math.sqrt((mu4 - mean * mean) / DRAWS));
    },
  );

  it.each([
    { mean: 3, branch: 'multiplication' },
    { mean: 10, branch: 'PTRS' },
    { mean: 25, branch: 'PTRS' },
    { mean: 49.9, branch: 'PTRS' },
    // Approximate, within 2.6e-4 of the exact CDF (tests/random/normalCount.test.ts): far below what this test can detect.
    { mean: 50, branch: 'normal approximation' },
    { mean: 400, branch: 'normal approximation' },
  ])(
    'Poisson($mean) by $branch matches the exact pmf: chi-square of 200,000 draws below its 0.999 quantile',
    ({ mean }) => {
      const rng = streamFor(99, 1, `test:poisson:chi2:${mean}`);
      const counts = tally(DRAWS, () => poisson(rng, mean));
      const { stat, df } = chiSquare(counts, poissonPmf(mean, Math.ceil(mean + 20 * Math.sqrt(mean) + 20)), DRAWS);
      expect(df).toBeGreaterThan(5);
      expect(stat).toBeLessThan(chiSquareCritical999(df));
    },
  );

  it('always returns a whole number >= 0', () => {
    const rng = streamFor(3, 0, 'test:poisson:range');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (mean) => {
        const k = poisson(rng, mean);
        return Number.isInteger(k) && k >= 0;
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial, BINOMIAL_INVERSION_LIMIT } from '../../src/random/binomial.js';
import { streamFor } from '../../src/random/rng.js';
import { binomialPmf, chiSquare, chiSquareCritical999, moments, tally } from './helpers.js';

const DRAWS = 200_000;

// Each case names the branch it exercises, by the mean n q and variance n q (1 - q) of q = min(p, 1 - p):
// inversion when the mean is below 10, else BTRS while the variance is below 50, else the normal approximation.
const CASES: { n: number; p: number; branch: string }[] = [
  { n: 1, p: 0.2, branch: 'inversion' },
  { n: 5, p: 0.3, branch: 'inversion' },
  { n: 100, p: 0.05, branch: 'inversion' },
  { n: 19, p: 0.5, branch: 'inversion (n p = 9.5, just below the limit)' },
  { n: 1_000_000_000, p: 1e-9, branch: 'inversion (huge n, tiny p)' },
  { n: 50, p: 0.9, branch: 'inversion through p > 0.5' },
  { n: 20, p: 0.5, branch: 'BTRS (n p = 10, at the limit)' },
  { n: 40, p: 0.25, branch: 'BTRS (n p = 10, variance 7.5)' },
  { n: 199, p: 0.5, branch: 'BTRS (variance 49.75, just below the normal approximation)' },
  { n: 10_000_000, p: 1e-6, branch: 'BTRS (n p = 10 from a tiny p)' },
  { n: 120, p: 0.7, branch: 'BTRS through p > 0.5 (variance 25.2)' },
  { n: 200, p: 0.5, branch: 'normal approximation (variance 50, at the limit)' },
  { n: 1000, p: 0.3, branch: 'normal approximation (variance 210)' },
  { n: 100_000, p: 0.4, branch: 'normal approximation (variance 24,000)' },
  { n: 1000, p: 0.85, branch: 'normal approximation through p > 0.5 (variance 127.5)' },
];

describe('binomial sampler', () => {
  it('returns 0 when n is 0 or p is 0, and n when p is 1', () => {
    const rng = streamFor(7, 0, 'test:binomial:edges');
    for (let i = 0; i < 100; i++) {
      expect(binomial(rng, 0, 0.3)).toBe(0);
      expect(binomial(rng, 0, 1)).toBe(0);
      expect(binomial(rng, 25, 0)).toBe(0);
      expect(binomial(rng, 25, 1)).toBe(25);
      expect(binomial(rng, 1_000_000, 1)).toBe(1_000_000);
    }
  });

  it.each(CASES)(
    'Binomial($n, $p) by $branch has mean n p and variance n p (1 - p) within 4 standard errors of 200,000 draws',
    ({ n, p }) => {
      const rng = streamFor(20240601, 0, `test:binomial:${n}:${p}`);
      const q = 1 - p;
      const mean = n * p;
      const variance = n * p * q;
      // The fourth central moment of a binomial gives the standard error of the sample variance.
      const mu4 = variance * (1 + 3 * (n - 2) * p * q);
      const m = moments(DRAWS, () => binomial(rng, n, p));
      expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / DRAWS));
      expect(Math.abs(m.variance - variance)).toBeLessThan(4 * Math.sqrt((mu4 - variance * variance) / DRAWS));
    },
  );

  it('chooses inversion or not by n * min(p, 1 - p) against a limit of 10', () => {
    expect(BINOMIAL_INVERSION_LIMIT).toBe(10);
  });

  it.each([
    { n: 40, p: 0.25, branch: 'BTRS at the inversion limit (n p = 10)' },
    { n: 20, p: 0.5, branch: 'BTRS at the inversion limit (n = 20)' },
    { n: 199, p: 0.5, branch: 'BTRS just below the normal approximation (variance 49.75)' },
    { n: 120, p: 0.7, branch: 'BTRS through p > 0.5' },
    { n: 60, p: 0.1, branch: 'inversion' },
    // Approximate, within 2.6e-4 of the exact CDF (tests/random/normalCount.test.ts): far below what this test can detect.
    { n: 1000, p: 0.3, branch: 'normal approximation' },
    { n: 1000, p: 0.7, branch: 'normal approximation through p > 0.5' },
  ])(
    'Binomial($n, $p) by $branch matches the exact pmf: chi-square of 200,000 draws below its 0.999 quantile',
    ({ n, p }) => {
      const rng = streamFor(99, 1, `test:binomial:chi2:${n}:${p}`);
      const counts = tally(DRAWS, () => binomial(rng, n, p));
      const { stat, df } = chiSquare(counts, binomialPmf(n, p), DRAWS);
      expect(df).toBeGreaterThan(5);
      expect(stat).toBeLessThan(chiSquareCritical999(df));
    },
  );

  it('always returns a whole number in [0, n], for any n and p in [0, 1]', () => {
    const rng = streamFor(3, 0, 'test:binomial:range');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1 - 2 ** -53)),
        (n, p) => {
          const k = binomial(rng, n, p);
          return Number.isInteger(k) && k >= 0 && k <= n;
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('inverts the CDF from 0 in the small-mean branch: u = 0 gives 0, u just below 1 gives at most n, and neither hangs', () => {
    expect(binomial(() => 0, 5, 0.1)).toBe(0);
    expect(binomial(() => 1 - 2 ** -53, 5, 0.1)).toBeLessThanOrEqual(5);
    expect(binomial(() => 1 - 2 ** -53, 1, 0.1)).toBe(1);
  });

  it('gives the same sequence from the same stream', () => {
    const a = streamFor(5, 2, 'test:binomial:repeat');
    const b = streamFor(5, 2, 'test:binomial:repeat');
    const xs = Array.from({ length: 200 }, (_, i) => binomial(a, 10 + i * 37, 0.01 + (i % 90) / 100));
    const ys = Array.from({ length: 200 }, (_, i) => binomial(b, 10 + i * 37, 0.01 + (i % 90) / 100));
    expect(xs).toEqual(ys);
  });
});

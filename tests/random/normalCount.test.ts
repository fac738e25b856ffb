import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/random/binomial.js';
import { normalCount, NORMAL_COUNT_MIN_VARIANCE } from '../../src/random/normalCount.js';
import { poisson } from '../../src/random/poisson.js';
import { streamFor } from '../../src/random/rng.js';
import { binomialPmf, moments, poissonPmf } from './helpers.js';

// The documented accuracy: at variance >= 50 the distribution function is within this of the exact one.
const DOCUMENTED_CDF_ERROR = 2.6e-4;
const DRAWS = 200_000;
// Kolmogorov-Smirnov 0.999 critical value for the largest CDF distance of DRAWS draws (conservative for counts).
const KS_999 = 1.95 / Math.sqrt(DRAWS);
// Uniform grid size of the deterministic check: its CDF is the approximation's to within 1 / GRID.
const GRID = 200_000;

interface Case {
  label: string;
  mean: number;
  variance: number;
  skewness: number;
  max: number;
  /** Exact pmf of the drawn variable. */
  pmf: number[];
  /** Exact pmf of what normalCount itself returns with the parameters above (for p > 0.5, of n minus the draw). */
  countPmf: number[];
  draw: (rng: () => number) => number;
}

function binomialCase(variance: number, p: number): Case {
  // The smallest n whose variance reaches the target, so the case is on the normal branch at or just above it.
  const n = Math.ceil(variance / (p * (1 - p)) - 1e-9);
  const q = Math.min(p, 1 - p);
  const mean = n * q;
  const v = mean * (1 - q);
  return {
    label: `Binomial(${n}, ${p}) (variance ${v.toFixed(2)})`,
    // normalCount's parameters for min(p, 1 - p); binomial() flips the result back for p > 0.5.
    mean,
    variance: v,
    skewness: (1 - 2 * q) / Math.sqrt(v),
    max: n,
    pmf: binomialPmf(n, p),
    countPmf: q === p ? binomialPmf(n, p) : binomialPmf(n, q),
    draw: (rng) => binomial(rng, n, p),
  };
}

function poissonCase(mean: number): Case {
  const pmf = poissonPmf(mean, Math.ceil(mean + 20 * Math.sqrt(mean) + 20));
  return {
    label: `Poisson(${mean})`,
    mean,
    variance: mean,
    skewness: 1 / Math.sqrt(mean),
    max: Infinity,
    pmf,
    countPmf: pmf,
    draw: (rng) => poisson(rng, mean),
  };
}

const CASES: Case[] = [
  ...[50, 200, 1000].flatMap((v) => [0.001, 0.05, 0.3, 0.5].map((p) => binomialCase(v, p))),
  binomialCase(50, 0.95), // through the p > 0.5 symmetry
  poissonCase(50),
  poissonCase(500),
];

/** Largest |F(k) - exact F(k)| over all k, where F comes from `counts[k]` out of `total` (counts beyond the pmf in `counts[pmf.length]`). */
function maxCdfDistance(counts: Float64Array, total: number, pmf: number[]): { distance: number; at: number } {
  let exact = 0;
  let observed = 0;
  let distance = 0;
  let at = -1;
  for (let k = 0; k < pmf.length; k++) {
    exact += pmf[k];
    observed += counts[k];
    const d = Math.abs(observed / total - exact);
    if (d > distance) {
      distance = d;
      at = k;
    }
  }
  return { distance, at };
}

function countInto(counts: Float64Array, k: number): void {
  counts[Math.min(k, counts.length - 1)]++;
}

describe('normalCount (skewness-corrected normal approximation of counts)', () => {
  it('switches binomial and Poisson draws to it at a variance of 50', () => {
    expect(NORMAL_COUNT_MIN_VARIANCE).toBe(50);
  });

  it('is what binomial (variance >= 50, including through p > 0.5) and Poisson (mean >= 50) return for the same single uniform', () => {
    for (const u of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999999]) {
      const stub = () => u;
      // n = 200, p = 0.5: variance exactly 50, the first on the normal branch.
      expect(binomial(stub, 200, 0.5)).toBe(normalCount(stub, 100, 50, 0, 200));
      expect(binomial(stub, 1000, 0.3)).toBe(normalCount(stub, 300, 210, 0.4 / Math.sqrt(210), 1000));
      expect(binomial(stub, 1000, 0.7)).toBe(1000 - normalCount(stub, 1000 * (1 - 0.7), 1000 * (1 - 0.7) * 0.7, (1 - 2 * (1 - 0.7)) / Math.sqrt(1000 * (1 - 0.7) * 0.7), 1000));
      expect(poisson(stub, 50)).toBe(normalCount(stub, 50, 50, 1 / Math.sqrt(50), Infinity));
      expect(poisson(stub, 12_345.5)).toBe(normalCount(stub, 12_345.5, 12_345.5, 1 / Math.sqrt(12_345.5), Infinity));
    }
    // Just below: exact samplers, which take at least two uniforms per draw (BTRS, PTRS) and so differ from it.
    let calls = 0;
    const counting = () => (calls++, 0.3 + (calls % 7) / 10);
    binomial(counting, 199, 0.5); // variance 49.75
    expect(calls).toBeGreaterThanOrEqual(2);
    calls = 0;
    poisson(counting, 49.9);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it.each(CASES)(
    '$label: the largest CDF distance of 200,000 seeded draws from the exact CDF is below 2.6e-4 + the KS 0.999 critical value 1.95 / sqrt(N)',
    (c) => {
      const rng = streamFor(20240601, 0, `test:normalCount:ks:${c.label}`);
      const counts = new Float64Array(c.pmf.length + 1);
      for (let i = 0; i < DRAWS; i++) countInto(counts, c.draw(rng));
      const { distance, at } = maxCdfDistance(counts, DRAWS, c.pmf);
      expect(distance, `largest distance at k = ${at}`).toBeLessThan(DOCUMENTED_CDF_ERROR + KS_999);
    },
  );

  it.each(CASES)(
    '$label: the approximation itself, inverted at the uniform grid (i + 0.5) / 200,000, is within 2.6e-4 + 1 / 200,000 of the exact CDF at every count',
    (c) => {
      let u = 0;
      const stub = () => u;
      const counts = new Float64Array(c.countPmf.length + 1);
      for (let i = 0; i < GRID; i++) {
        u = (i + 0.5) / GRID;
        countInto(counts, normalCount(stub, c.mean, c.variance, c.skewness, c.max));
      }
      // The exact pmf must account for all its mass, or the comparison would be against a truncated CDF.
      expect(Math.abs(c.countPmf.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
      const { distance, at } = maxCdfDistance(counts, GRID, c.countPmf);
      expect(distance, `largest distance at k = ${at}`).toBeLessThan(DOCUMENTED_CDF_ERROR + 1 / GRID);
    },
  );

  it.each(CASES)(
    '$label: mean and variance of 200,000 seeded draws of normalCount within 4 standard errors',
    (c) => {
      const rng = streamFor(7, 3, `test:normalCount:moments:${c.label}`);
      const m = moments(DRAWS, () => normalCount(rng, c.mean, c.variance, c.skewness, c.max));
      // Fourth central moment from the skewness and the binomial/Poisson excess kurtosis (about skewness^2 here),
      // which gives the standard error of the sample variance: sqrt((mu4 - variance^2) / N).
      const mu4 = c.variance * c.variance * (3 + c.skewness * c.skewness);
      expect(Math.abs(m.mean - c.mean)).toBeLessThan(4 * Math.sqrt(c.variance / DRAWS));
      expect(Math.abs(m.variance - c.variance)).toBeLessThan(4 * Math.sqrt((mu4 - c.variance * c.variance) / DRAWS));
    },
  );

  it('returns whole numbers clamped into [0, max] for any mean, variance, skewness and uniform', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.constant(Infinity)),
        fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 2 ** -40, 1 - 2 ** -40, 1 - 2 ** -53)),
        (mean, variance, skewness, max, u) => {
          const k = normalCount(() => u, mean, variance, skewness, max);
          expect(Number.isInteger(k), `got ${k}`).toBe(true);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThanOrEqual(max);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('gives finite results at u = 0 and u just below 1, and clamps a far tail to 0 or max', () => {
    for (const u of [0, 2 ** -53, 1 - 2 ** -32, 1 - 2 ** -53]) {
      const stub = () => u;
      for (const [mean, variance, skewness, max] of [
        [100, 50, 0, 200],
        [50, 50, 1 / Math.sqrt(50), Infinity],
        [1e6, 1e6, 1e-3, Infinity],
        [500, 50, -0.14, 1000],
      ]) {
        const k = normalCount(stub, mean, variance, skewness, max);
        expect(Number.isFinite(k), `u = ${u}, mean ${mean}: got ${k}`).toBe(true);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(max);
      }
    }
    // A uniform off 0 or 1 stays within 7 standard deviations of the mean (2^-33 is z = -6.2).
    expect(Math.abs(normalCount(() => 0, 1e6, 1e6, 0, Infinity) - 1e6)).toBeLessThan(7 * 1000);
    expect(Math.abs(normalCount(() => 1 - 2 ** -53, 1e6, 1e6, 0, Infinity) - 1e6)).toBeLessThan(7 * 1000);
    // Tails beyond the range clamp: a mean of 10 with variance 1000 reaches below 0, one of 190 above max 200.
    expect(normalCount(() => 0.001, 10, 1000, 0, 200)).toBe(0);
    expect(normalCount(() => 0.999, 190, 1000, 0, 200)).toBe(200);
  });

  it('is non-decreasing in its uniform (so two scenarios sharing a stream draw close counts)', () => {
    for (const c of CASES) {
      let u = 0;
      const stub = () => u;
      let previous = -Infinity;
      let firstDecrease: number | undefined;
      for (let i = 0; i <= 100_000 && firstDecrease === undefined; i++) {
        u = Math.min(i / 100_000, 1 - 2 ** -53);
        const k = normalCount(stub, c.mean, c.variance, c.skewness, c.max);
        if (k < previous) firstDecrease = u;
        previous = k;
      }
      expect(firstDecrease, `${c.label}: decreases at u = ${firstDecrease}`).toBeUndefined();
    }
  });
});

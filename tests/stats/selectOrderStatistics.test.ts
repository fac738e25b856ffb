import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/rng.js';
import { OrderScratch, selectOrderStatistics } from '../../src/stats/selectOrderStatistics.js';

// The kinds of values summaries see, and some they rarely do: each builds n values from a seeded uniform stream.
const KINDS = {
  uniform01: (u: () => number) => u(),
  // Few distinct values: long runs of duplicates across bucket boundaries.
  smallIntegers: (u: () => number) => Math.floor(u() * 7),
  negativeAndPositive: (u: () => number) => (u() - 0.6) * 1e6,
  // Spread over many orders of magnitude, both signs: most values land in the two buckets around 0.
  magnitudes: (u: () => number) => (u() < 0.5 ? -1 : 1) * 10 ** (u() * 600 - 300),
  huge: (u: () => number) => (u() - 0.5) * 1e300,
  tiny: (u: () => number) => u() * 1e-300,
  mostlyZero: (u: () => number) => (u() < 0.9 ? 0 : u()),
  constant: () => 42.5,
} as const;
type Kind = keyof typeof KINDS;

/** Builds n values of a kind; `outlier`, if given, replaces one value (at a seeded position). */
function build(kind: Kind, n: number, seed: number, outlier?: number): Float64Array {
  const u = streamFor(seed, n, `test:order:${kind}`);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = KINDS[kind](u);
  if (outlier !== undefined && n > 0) a[Math.floor(u() * n)] = outlier;
  return a;
}

function minMax(a: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of a) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/**
 * Runs selectOrderStatistics on a copy of `a` and returns the ranks whose value differs from a full sort's
 * (=== comparison, so -0 and 0 count as equal as they do for the selection's < comparisons).
 */
function wrongRanks(a: Float64Array, ks: readonly number[], scratch: OrderScratch): { k: number; got: number; expected: number }[] {
  const sorted = Float64Array.from(a).sort();
  const work = Float64Array.from(a);
  const [min, max] = minMax(a);
  selectOrderStatistics(work, a.length, ks, min, max, scratch);
  return ks.filter((k) => work[k] !== sorted[k]).map((k) => ({ k, got: work[k], expected: sorted[k] }));
}

/** Random ascending, unique ranks in [0, n): a few, many, or all of them, plus the percentiles a summary wants. */
function ranksFor(n: number): fc.Arbitrary<number[]> {
  if (n === 0) return fc.constant([]);
  const summaryRanks = [5, 25, 50, 75, 95].flatMap((p) => {
    const h = ((n - 1) * p) / 100;
    return [Math.floor(h), Math.min(Math.floor(h) + 1, n - 1)];
  });
  return fc
    .oneof(
      fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 12 }),
      fc.constant(summaryRanks),
      fc.constant([0, n - 1]),
      n <= 300 ? fc.constant(Array.from({ length: n }, (_, i) => i)) : fc.constant([n >> 1]),
    )
    .map((ks) => [...new Set(ks)].sort((x, y) => x - y));
}

const lengths = fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 65, max: 3000 }), fc.constantFrom(64, 65, 3000));

describe('selectOrderStatistics', () => {
  // One scratch for every run: calls of all lengths, larger and smaller, reuse it as summarize does.
  const shared = new OrderScratch();

  it('places every wanted rank at its index as a full sort would, for lengths 0..3000 (quickselect fallback at n <= 64, buckets above) with duplicates, negatives, 1e-300 to 1e300, outliers and constants, reusing one scratch', () => {
    fc.assert(
      fc.property(
        lengths.chain((n) =>
          fc.record({
            n: fc.constant(n),
            kind: fc.constantFrom(...(Object.keys(KINDS) as Kind[])),
            seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
            outlier: fc.option(fc.constantFrom(1e300, -1e300, 1e6, -5, Infinity, -Infinity), { freq: 3 }),
            ks: ranksFor(n),
          }),
        ),
        ({ n, kind, seed, outlier, ks }) => {
          const a = build(kind, n, seed, outlier ?? undefined);
          expect(wrongRanks(a, ks, shared)).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('agrees with a full sort on arbitrary doubles (any sign and magnitude, infinities, -0) of lengths 0..400', () => {
    fc.assert(
      fc.property(
        // One value arbitrary per array, so that arrays of moderate range take the bucket path (n > 64)
        // rather than all falling back to quickselect on an overflowing max - min.
        fc
          .constantFrom(fc.double({ noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 }))
          .chain((value) => fc.array(value, { maxLength: 400 }))
          .chain((xs) => fc.tuple(fc.constant(xs), ranksFor(xs.length))),
        ([xs, ks]) => {
          expect(wrongRanks(Float64Array.from(xs), ks, shared)).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('finds the order statistics of values in [0, 1] next to a single outlier of 1e300 (all but one bucket empty)', () => {
    for (const n of [65, 1000, 3000]) {
      const a = build('uniform01', n, 7, 1e300);
      const ks = [0, 1, n >> 2, n >> 1, n - 2, n - 1];
      expect(wrongRanks(a, ks, shared), `n = ${n}`).toEqual([]);
    }
  });

  it('returns the common value of a constant array at every rank', () => {
    for (const n of [1, 64, 65, 2000]) {
      const a = new Float64Array(n).fill(-3.25);
      const ks = Array.from({ length: n }, (_, i) => i);
      expect(wrongRanks(a, ks, shared)).toEqual([]);
    }
  });

  it('handles ranges narrower than 4096 / Number.MAX_VALUE (about 2.3e-305), where the bucket scale overflows to Infinity', () => {
    // Values in [0, 5e-324], [0, 1e-310] and [1e-306, 3e-306]: max - min is finite and positive but
    // 4096 / (max - min) is Infinity, so (a[i] - min) * scale is NaN for the minimum.
    const failures: Record<string, { k: number; got: number; expected: number }[]> = {};
    for (const [lo, hi] of [
      [0, Number.MIN_VALUE],
      [0, 1e-310],
      [1e-306, 3e-306],
    ]) {
      const n = 100;
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) a[i] = i % 3 === 0 ? hi : lo;
      const wrong = wrongRanks(a, [0, 10, 50, 66, 67, 99], new OrderScratch());
      if (wrong.length > 0) failures[`${lo} and ${hi}`] = wrong;
    }
    expect(failures).toEqual({});
  });

  it('gives the same results with one scratch reused across calls of different lengths as with a fresh one each time', () => {
    const scratch = new OrderScratch();
    for (const [n, kind] of [
      [3000, 'smallIntegers'],
      [100, 'uniform01'],
      [2000, 'negativeAndPositive'],
      [65, 'magnitudes'],
      [10, 'uniform01'],
      [2999, 'mostlyZero'],
    ] as [number, Kind][]) {
      const a = build(kind, n, 11);
      const ks = [0, Math.floor(n / 3), Math.floor(n / 2), n - 1].filter((k, i, all) => all.indexOf(k) === i);
      const reused = Float64Array.from(a);
      const fresh = Float64Array.from(a);
      const [min, max] = minMax(a);
      selectOrderStatistics(reused, n, ks, min, max, scratch);
      selectOrderStatistics(fresh, n, ks, min, max, new OrderScratch());
      const sorted = Float64Array.from(a).sort();
      for (const k of ks) {
        expect(reused[k], `n = ${n}, rank ${k}`).toBe(sorted[k]);
        expect(fresh[k]).toBe(sorted[k]);
      }
    }
  });
});

import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';

// Keeps a computed value inside [lo, hi] whatever the rounding of lo + (hi - lo) * f.
const within = (lo: number, hi: number, f: number) => Math.min(hi, Math.max(lo, lo + (hi - lo) * f));

/** A fraction in [0, 1] with the ends, tiny values and round values all likely. */
export const arbFraction: Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((i) => i / 1_000_000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((i) => i / 1e8) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5, 1e-9, 1 - 1e-9) },
  // fast-check's doubles favour extremes: denormals, 1 - ulp and the like.
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
);

/** A number in [lo, hi], often an end or near the low end (where realistic rates live). */
export const arbNumberIn = (lo: number, hi: number): Arbitrary<number> => arbFraction.map((f) => within(lo, hi, f));

/** An interval [a, b] inside [lo, hi], possibly a single point. */
export const arbIntervalIn = (lo: number, hi: number): Arbitrary<[number, number]> =>
  fc.tuple(arbNumberIn(lo, hi), arbNumberIn(lo, hi)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

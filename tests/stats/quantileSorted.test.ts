import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/stats/quantileSorted.js';

describe('quantileSorted (R-7)', () => {
  it('interpolates linearly between order statistics at h = (n - 1) p', () => {
    // [1, 2, 3, 4]: h = 3p, so p = 0.25 gives 1 + 0.75 (2 - 1) = 1.75.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 14);
  });

  it('agrees with R quantile(type = 7) and NumPy percentile on 1..10 and on uneven gaps', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // h = 9p: 0.45, 2.25, 4.5, 6.75, 8.55.
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(1.45, 14);
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(3.25, 14);
    expect(quantileSorted(xs, 0.5)).toBeCloseTo(5.5, 14);
    expect(quantileSorted(xs, 0.75)).toBeCloseTo(7.75, 14);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(9.55, 14);
    // [0, 10, 100]: h = 2 * 0.6 = 1.2, between 10 and 100: 10 + 0.2 * 90 = 28.
    expect(quantileSorted([0, 10, 100], 0.6)).toBeCloseTo(28, 12);
  });

  it('returns the minimum at p = 0 and the maximum at p = 1', () => {
    expect(quantileSorted([-5, 0, 2, 9], 0)).toBe(-5);
    expect(quantileSorted([-5, 0, 2, 9], 1)).toBe(9);
  });

  it('returns the only value of a single-element array and NaN for an empty one', () => {
    expect(quantileSorted([3.3], 0.05)).toBe(3.3);
    expect(quantileSorted([3.3], 0.95)).toBe(3.3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('returns exactly the common value between equal neighbours', () => {
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(quantileSorted([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], p)).toBe(0.1);
  });

  it('accepts a Float64Array', () => {
    expect(quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.25)).toBe(1.75);
  });
});

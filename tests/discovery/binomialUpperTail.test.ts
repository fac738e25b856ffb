import { describe, expect, it } from 'vitest';
import { binomialUpperTail } from '../../src/discovery/binomialUpperTail.js';

// The tail by direct summation of exact binomial probabilities, for small n.
function direct(k: number, n: number, p: number): number {
  let sum = 0;
  let c = 1;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
    c = (c * (n - i)) / (i + 1);
  }
  return sum;
}

describe('binomialUpperTail', () => {
  // logFactorial's Stirling series is good to about 1e-11, so ask for that relatively, also far in the tails.
  it('agrees with direct summation on both sides of the mean', () => {
    for (const n of [1, 5, 20, 60]) {
      for (const p of [0.01, 0.2, 0.5, 0.9]) {
        for (let k = 0; k <= n; k++) {
          const want = direct(k, n, p);
          expect(Math.abs(binomialUpperTail(k, n, p) - want)).toBeLessThanOrEqual(1e-10 * want + 1e-15);
        }
      }
    }
  });

  it('handles the edges', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0)).toBe(0);
    expect(binomialUpperTail(3, 10, 1)).toBe(1);
  });

  it('stays in [0, 1] and falls with k for large n', () => {
    const n = 100_000;
    let last = 1;
    for (let k = 29_000; k <= 31_500; k += 100) {
      const p = binomialUpperTail(k, n, 0.3);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
    // At the mean the upper tail is near a half (normal approximation).
    expect(binomialUpperTail(30_000, n, 0.3)).toBeCloseTo(0.5, 1);
  });
});

import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_KINDS, quantile, type Distribution } from '../../src/random/distribution.js';
import { streamFor } from '../../src/random/rng.js';

// Standard normal quantiles to 15 digits (R: qnorm).
const Z975 = 1.959963984540054;
const Z75 = 0.6744897501960817;

describe('distribution quantiles', () => {
  it('fixed returns its value at every u', () => {
    for (const u of [0, 0.3, 0.999999]) expect(quantile({ dist: 'fixed', value: 4.5 }, u)).toBe(4.5);
  });

  it('uniform is linear between min and max', () => {
    const d: Distribution = { dist: 'uniform', min: 2, max: 6 };
    expect(quantile(d, 0)).toBe(2);
    expect(quantile(d, 0.25)).toBe(3);
    expect(quantile(d, 0.5)).toBe(4);
    expect(quantile(d, 0.75)).toBe(5);
  });

  it('triangular follows its closed-form inverse CDF on both sides of the mode', () => {
    const d: Distribution = { dist: 'triangular', min: 0, mode: 1, max: 4 };
    // F(mode) = (mode - min) / (max - min) = 0.25.
    expect(quantile(d, 0)).toBe(0);
    expect(quantile(d, 0.1)).toBeCloseTo(Math.sqrt(0.1 * 4 * 1), 12);
    expect(quantile(d, 0.25)).toBeCloseTo(1, 12);
    expect(quantile(d, 0.5)).toBeCloseTo(4 - Math.sqrt(0.5 * 4 * 3), 12);
    expect(quantile(d, 0.9)).toBeCloseTo(4 - Math.sqrt(0.1 * 4 * 3), 12);
    // The CDF of the result gives back u: F(x) = (x - min)^2 / ((max - min)(mode - min)) left of the mode.
    const x = quantile(d, 0.2);
    expect((x * x) / 4).toBeCloseTo(0.2, 12);
  });

  it('triangular with min = max or mode at an end stays in range', () => {
    expect(quantile({ dist: 'triangular', min: 3, mode: 3, max: 3 }, 0.7)).toBe(3);
    expect(quantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(0.5, 12);
    expect(quantile({ dist: 'triangular', min: 0, mode: 1, max: 1 }, 0.25)).toBeCloseTo(0.5, 12);
  });

  it('normal gives 1.959964 standard deviations at 0.975 and the mean at 0.5 (to 1e-6)', () => {
    expect(quantile({ dist: 'normal', mean: 0, sd: 1 }, 0.975)).toBeCloseTo(Z975, 6);
    expect(quantile({ dist: 'normal', mean: 0, sd: 1 }, 0.025)).toBeCloseTo(-Z975, 6);
    expect(quantile({ dist: 'normal', mean: 10, sd: 2 }, 0.5)).toBeCloseTo(10, 9);
    expect(quantile({ dist: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * Z975, 6);
  });

  it('truncated normal inverts the CDF within [min, max] and never leaves it', () => {
    // Truncated at the mean from below: a half-normal, whose median is the 0.75 normal quantile.
    expect(quantile({ dist: 'normal', mean: 0, sd: 1, min: 0 }, 0.5)).toBeCloseTo(Z75, 6);
    // Symmetric truncation keeps the median at the mean.
    expect(quantile({ dist: 'normal', mean: 5, sd: 2, min: 3, max: 7 }, 0.5)).toBeCloseTo(5, 6);
    // Truncated above at the mean: the 0.5 quantile is the 0.25 normal quantile.
    expect(quantile({ dist: 'normal', mean: 0, sd: 1, max: 0 }, 0.5)).toBeCloseTo(-Z75, 6);
    const d: Distribution = { dist: 'normal', mean: 0, sd: 1, min: -0.5, max: 2 };
    for (let i = 0; i <= 1000; i++) {
      const x = quantile(d, Math.min(i / 1000, 1 - 2 ** -53));
      expect(x).toBeGreaterThanOrEqual(-0.5);
      expect(x).toBeLessThanOrEqual(2);
    }
    expect(quantile(d, 0)).toBeCloseTo(-0.5, 6);
    // Bounds far in the tail still give a value inside them.
    const far = quantile({ dist: 'normal', mean: 0, sd: 1, min: 12, max: 13 }, 0.5);
    expect(far).toBeGreaterThanOrEqual(12);
    expect(far).toBeLessThanOrEqual(13);
  });

  it('lognormal has its median at 0.5 and median * exp(sigma * 1.959964) at 0.975', () => {
    const d: Distribution = { dist: 'lognormal', median: 100, sigma: 0.5 };
    expect(quantile(d, 0.5)).toBeCloseTo(100, 9);
    expect(quantile(d, 0.975) / (100 * Math.exp(0.5 * Z975))).toBeCloseTo(1, 6);
    expect(quantile(d, 0.025) / (100 * Math.exp(-0.5 * Z975))).toBeCloseTo(1, 6);
  });

  it('truncated lognormal stays within [min, max], and a min <= 0 means no lower bound', () => {
    const d: Distribution = { dist: 'lognormal', median: 4500, sigma: 0.45, min: 1500, max: 12000 };
    for (let i = 0; i <= 1000; i++) {
      const x = quantile(d, Math.min(i / 1000, 1 - 2 ** -53));
      expect(x).toBeGreaterThanOrEqual(1500);
      expect(x).toBeLessThanOrEqual(12000);
    }
    expect(quantile({ dist: 'lognormal', median: 1, sigma: 1, min: 0 }, 0.5)).toBeCloseTo(1, 9);
    expect(quantile({ dist: 'lognormal', median: 1, sigma: 1, min: -5 }, 0.5)).toBeCloseTo(1, 9);
    // Truncated below at the median, the 0.5 quantile is exp(sigma * z_0.75).
    expect(quantile({ dist: 'lognormal', median: 1, sigma: 1, min: 1 }, 0.5)).toBeCloseTo(Math.exp(Z75), 6);
  });

  it('beta(2, 3) has median 0.3857276 (where its CDF 6x^2 - 8x^3 + 3x^4 is 1/2)', () => {
    const x = quantile({ dist: 'beta', alpha: 2, beta: 3 }, 0.5);
    expect(x).toBeCloseTo(0.3857275681, 9);
    expect(6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4).toBeCloseTo(0.5, 12);
  });

  it('beta(1/2, 1/2) follows the arcsine law sin^2(pi u / 2), and beta(1, 1) scaled to [min, max] is uniform', () => {
    for (const u of [0.01, 0.1, 0.3, 0.5, 0.8, 0.99]) {
      expect(quantile({ dist: 'beta', alpha: 0.5, beta: 0.5 }, u)).toBeCloseTo(Math.sin((Math.PI * u) / 2) ** 2, 9);
      expect(quantile({ dist: 'beta', alpha: 1, beta: 1, min: 2, max: 4 }, u)).toBeCloseTo(2 + 2 * u, 9);
    }
    // Beta(a, 1) has CDF x^a, so its quantile is u^(1/a).
    expect(quantile({ dist: 'beta', alpha: 3, beta: 1 }, 0.3)).toBeCloseTo(Math.cbrt(0.3), 9);
  });

  it('pert(0, 1, 4) is Beta(2, 4) on [0, 4] with mean (min + 4 mode + max) / 6 = 4/3 within 4 standard errors of 100,000 draws', () => {
    const d: Distribution = { dist: 'pert', min: 0, mode: 1, max: 4 };
    const rng = streamFor(11, 0, 'test:pert');
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += quantile(d, rng());
    // Beta(2, 4) has variance 2 * 4 / (6^2 * 7); scaled by the range 4.
    const sd = 4 * Math.sqrt(8 / (36 * 7));
    expect(Math.abs(sum / n - 4 / 3)).toBeLessThan((4 * sd) / Math.sqrt(n));
    // Its median is 4 times the Beta(2, 4) median, where the CDF I_x(2, 4) = 1 - (1 - x)^4 (1 + 4x) is 1/2.
    const x = quantile(d, 0.5) / 4;
    expect(1 - (1 - x) ** 4 * (1 + 4 * x)).toBeCloseTo(0.5, 9);
  });

  it('pert with lambda sets the mean (min + lambda mode + max) / (lambda + 2), and a zero range returns min', () => {
    const d: Distribution = { dist: 'pert', min: 10, mode: 12, max: 20, lambda: 2 };
    // Midpoint-rule mean over a fine grid of u: the integral of the quantile function.
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += quantile(d, (i + 0.5) / n);
    expect(sum / n).toBeCloseTo((10 + 2 * 12 + 20) / 4, 3);
    expect(quantile({ dist: 'pert', min: 5, mode: 5, max: 5 }, 0.4)).toBe(5);
  });

  it('discrete without weights gives each value an equal share of [0, 1)', () => {
    const d: Distribution = { dist: 'discrete', values: [10, 20, 30, 40] };
    expect(quantile(d, 0)).toBe(10);
    expect(quantile(d, 0.2499)).toBe(10);
    expect(quantile(d, 0.25)).toBe(20);
    expect(quantile(d, 0.5)).toBe(30);
    expect(quantile(d, 0.999999)).toBe(40);
    expect(quantile({ dist: 'discrete', values: [7] }, 0.9)).toBe(7);
  });

  it('discrete with weights gives each value its weight share and never a zero-weight value', () => {
    const d: Distribution = { dist: 'discrete', values: [1, 2, 3], weights: [1, 0, 3] };
    expect(quantile(d, 0)).toBe(1);
    expect(quantile(d, 0.2499)).toBe(1);
    expect(quantile(d, 0.25)).toBe(3);
    expect(quantile(d, 0.999999)).toBe(3);
    for (let i = 0; i < 1000; i++) expect(quantile(d, i / 1000)).not.toBe(2);
    // Weights need not sum to 1.
    const e: Distribution = { dist: 'discrete', values: [5, 6], weights: [30, 10] };
    expect(quantile(e, 0.74)).toBe(5);
    expect(quantile(e, 0.76)).toBe(6);
  });

  const MONOTONE: Distribution[] = [
    { dist: 'fixed', value: 1 },
    { dist: 'uniform', min: -3, max: 8 },
    { dist: 'triangular', min: 0, mode: 0.2, max: 1 },
    { dist: 'normal', mean: 3, sd: 2 },
    { dist: 'normal', mean: 3, sd: 2, min: 0, max: 4 },
    { dist: 'lognormal', median: 8000, sigma: 0.3, min: 4000, max: 20000 },
    { dist: 'beta', alpha: 0.4, beta: 7, min: 1, max: 2 },
    { dist: 'pert', min: 0.03, mode: 0.12, max: 0.25 },
    { dist: 'discrete', values: [1, 5, 9], weights: [0.2, 0.5, 0.3] },
  ];

  it.each(MONOTONE)('$dist is non-decreasing in u over [0, 1)', (d) => {
    let previous = -Infinity;
    for (let i = 0; i <= 4000; i++) {
      const x = quantile(d, Math.min(i / 4000, 1 - 2 ** -53));
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(previous);
      previous = x;
    }
  });

  it('the monotonicity cases cover every distribution kind', () => {
    expect(new Set(MONOTONE.map((d) => d.dist))).toEqual(new Set(DISTRIBUTION_KINDS));
  });
});

import { describe, expect, it } from 'vitest';
import { betaQuantile, incompleteBeta, logFactorial, logGamma, normalCdf, normalQuantile } from '../../src/random/special.js';
import { stirlingTail } from '../../src/random/stirlingTail.js';

// log(k!) summed term by term: an independent reference for small k.
const logFactorialBySum = (k: number) => {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
};

describe('logGamma', () => {
  it('matches known values to 12 digits', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(logGamma(100) / 359.1342053695754).toBeCloseTo(1, 13);
    expect(logGamma(1e6) / 12815504.569147612).toBeCloseTo(1, 13);
  });

  it('satisfies Gamma(x + 1) = x Gamma(x) to 1e-12', () => {
    for (const x of [0.01, 0.3, 0.7, 1.5, 4.2, 17.9, 250.5]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
    }
  });
});

describe('logFactorial and stirlingTail', () => {
  // The three-term series leaves an error of about 1 / (1680 (k + 1)^7): 3.1e-11 at k = 10, 1e-13 at k = 25.
  const seriesError = (k: number) => (k < 10 ? 1e-13 : 1.2 / (1680 * (k + 1) ** 7) + 1e-13);

  it('logFactorial(k) equals the sum of log(i) for i <= k, for k = 0..200, within the Stirling series error', () => {
    for (let k = 0; k <= 200; k++) {
      const exact = logFactorialBySum(k);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThanOrEqual(seriesError(k) + 1e-15 * exact);
    }
  });

  it('stirlingTail is the error of Stirling\'s formula for log(k!): exact in its table (k < 10), within 1/(1680 (k+1)^7) in its series (k >= 10)', () => {
    for (let k = 0; k <= 40; k++) {
      const stirling = (k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingTail(k) - (logFactorialBySum(k) - stirling))).toBeLessThanOrEqual(seriesError(k) + 1e-15 * k);
    }
  });
});

describe('incompleteBeta', () => {
  it('is 0 at x <= 0 and 1 at x >= 1', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(-1, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });

  it('matches closed forms to 1e-12: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b, I_x(2, 3) = 6x^2 - 8x^3 + 3x^4', () => {
    for (const x of [0.001, 0.05, 0.3, 0.5, 0.77, 0.999]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 12);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 12);
      expect(incompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 12);
      expect(incompleteBeta(x, 2, 3)).toBeCloseTo(6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 12);
    }
  });

  it('is 1/2 at x = 1/2 when a = b, and satisfies I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    for (const a of [0.3, 1, 2.5, 40]) expect(incompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 12);
    for (const [x, a, b] of [
      [0.2, 2, 5],
      [0.9, 0.5, 3],
      [0.45, 30, 40],
    ]) {
      expect(incompleteBeta(x, a, b)).toBeCloseTo(1 - incompleteBeta(1 - x, b, a), 12);
    }
  });
});

describe('normalCdf and normalQuantile', () => {
  it('normalCdf matches known values within its documented 1.2e-7 relative error', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [1.959963984540054, 0.975],
      [3, 0.9986501019683699],
      [-3, 0.0013498980316301035],
      [-6, 9.865876450376946e-10],
    ];
    for (const [z, p] of cases) expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(1.2e-7 * p);
  });

  it('normalQuantile matches known values to 1e-8 relative and is 0 at 1/2', () => {
    const cases: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.75, 0.6744897501960817],
      [0.999, 3.090232306167813],
      [0.001, -3.090232306167813],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-8 * Math.abs(z));
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('normalQuantile is infinite at 0 and 1, antisymmetric, and inverts normalCdf', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    // 1 - p is exact for these p (not for 1e-12, which is only used for the round trip).
    for (const p of [0.01, 0.02425, 0.2, 0.6, 0.97575, 0.999]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 8);
    for (const p of [1e-12, 0.01, 0.02425, 0.2, 0.6, 0.97575, 0.999999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 6);
  });
});

describe('betaQuantile', () => {
  it('inverts incompleteBeta and returns 0 and 1 at the ends', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(0.5, 2, 3)).toBeCloseTo(0.3857275681, 9);
    for (const [p, a, b] of [
      [0.1, 2, 4],
      [0.9, 0.5, 0.5],
      [0.37, 12, 3],
      [0.999, 1.3, 1.8],
    ]) {
      expect(incompleteBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 10);
    }
  });
});

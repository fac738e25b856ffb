// The Sobol and Morris estimators on the Ishigami function (a = 7, b = 0.1), the standard test of
// sensitivity methods: its indices are known in closed form (Ishigami & Homma 1990; Sobol' & Levitan 1999).
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/rng.js';
import { MORRIS_SPAN, morris } from '../../src/sensitivity/morris.js';
import { sobol } from '../../src/sensitivity/sobol.js';

const A = 7;
const B = 0.1;
const PI = Math.PI;

/** Ishigami's function of three inputs uniform on [-pi, pi], here given as quantiles u in [0, 1). */
function ishigami(u: ArrayLike<number>): number {
  const [x1, x2, x3] = Array.from(u, (v) => -PI + 2 * PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

// Closed forms of the variance and its parts.
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * PI ** 8) / 225;
const V = V1 + V2 + V13;
const S1 = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];

// n = 2^14 base rows (5 * 2^14 evaluations): over 20 seeds the estimates' root-mean-square error is below
// 0.01, so 0.03 is three standard errors and more.
const N = 2 ** 14;
const TOLERANCE = 0.03;

describe('Ishigami', () => {
  it('the closed forms give the published indices', () => {
    expect(S1.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(ST.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it(`Sobol (Saltelli design, Jansen estimators) recovers S1 and ST within ${TOLERANCE}`, () => {
    const r = sobol(ishigami, 3, N, { resamples: 300, confidence: 0.95, rng: streamFor(1, 0, 'test:bootstrap') }, streamFor(1, 0, 'test:design'));
    expect(r.variance).toBeCloseTo(V, 0);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.firstOrder[i].estimate - S1[i]), `S1 of x${i + 1}`).toBeLessThan(TOLERANCE);
      expect(Math.abs(r.total[i].estimate - ST[i]), `ST of x${i + 1}`).toBeLessThan(TOLERANCE);
      for (const e of [r.firstOrder[i], r.total[i]]) {
        expect(e.low).toBeLessThanOrEqual(e.estimate);
        expect(e.high).toBeGreaterThanOrEqual(e.estimate);
        expect(e.high - e.low).toBeLessThan(0.1);
      }
    }
  });

  it('Sobol is reproducible from its streams', () => {
    const run = () => sobol(ishigami, 3, 256, { resamples: 50, confidence: 0.9, rng: streamFor(7, 0, 'b') }, streamFor(7, 0, 'd'));
    expect(run()).toEqual(run());
  });

  it('Morris mu* and sigma match their exact values on the grid within 6%', () => {
    // On the 4-level grid each elementary effect of x_i pairs levels (0, 2) or (1, 3) of x_i, with the other
    // inputs independent and uniform over the 4 levels: enumerate those cases for the exact mu* and sigma.
    const [lo, hi] = MORRIS_SPAN;
    const levels = [0, 1, 2, 3].map((m) => lo + ((hi - lo) * m) / 3);
    const delta = levels[2] - levels[0];
    const exact = [0, 1, 2].map((i) => {
      const effects: number[] = [];
      for (const m of [0, 1]) {
        for (const a of levels) {
          for (const b of levels) {
            const at = (level: number) => {
              const u = [a, b];
              u.splice(i, 0, level);
              return ishigami(u);
            };
            effects.push((at(levels[m + 2]) - at(levels[m])) / delta);
          }
        }
      }
      const mu = effects.reduce((s, e) => s + e, 0) / effects.length;
      const muStar = effects.reduce((s, e) => s + Math.abs(e), 0) / effects.length;
      const sigma = Math.sqrt(effects.reduce((s, e) => s + (e - mu) ** 2, 0) / effects.length);
      return { muStar, sigma };
    });
    const r = morris(ishigami, 3, 4000, streamFor(1, 0, 'test:morris'));
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r[i].muStar / exact[i].muStar - 1), `mu* of x${i + 1}`).toBeLessThan(0.06);
      expect(Math.abs(r[i].sigma / exact[i].sigma - 1), `sigma of x${i + 1}`).toBeLessThan(0.06);
    }
    // Screening finds all three inputs influential, x3 only through its interaction with x1 (mu near 0).
    expect(Math.min(...r.map((e) => e.muStar))).toBeGreaterThan(1);
    expect(Math.abs(r[2].mu)).toBeLessThan(0.2 * r[2].muStar);
  });
});

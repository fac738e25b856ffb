import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignPlan } from '../../src/design/designPlan.js';
import { parameterQuantile } from '../../src/design/parameterQuantile.js';
import { sobolBits } from '../../src/design/sobolBits.js';
import { MAX_SOBOL_DIMENSIONS } from '../../src/design/sobolDirections.js';
import { JOE_KUO_ROWS } from '../../src/design/joeKuoDirections.js';

const sobol = (runs: number, seed: number, dims: number): DesignPlan => ({
  kind: 'sobol',
  runs,
  seed,
  names: Array.from({ length: dims }, (_, i) => `p${i}`),
});

// Points as 32-bit words: unscrambled from sobolBits, scrambled from the top 32 bits of the quantile.
const unscrambled = (n: number, dim: number) => Array.from({ length: n }, (_, i) => sobolBits(i, dim));
const scrambled = (plan: DesignPlan, n: number, dim: number) =>
  Array.from({ length: n }, (_, i) => Math.floor(parameterQuantile(plan, i, dim) * 2 ** 32));

// Degree of the primitive polynomial of a dimension: 1 for dimension 0 (x) and for dimension 1 (x + 1).
const degree = (dim: number) => (dim === 0 ? 1 : JOE_KUO_ROWS[dim - 1].length - 1);

/** Whether the first 2^m points of two coordinates (32-bit words) put exactly 2^t in every 2-D elementary interval of volume 2^(t-m). */
function isNet(x: readonly number[], y: readonly number[], t: number, m: number): boolean {
  const n = 2 ** m;
  for (let kx = 0; kx <= m - t; kx++) {
    const ky = m - t - kx;
    const cells = new Uint32Array(2 ** (m - t));
    for (let i = 0; i < n; i++) {
      const cx = kx === 0 ? 0 : x[i] >>> (32 - kx);
      const cy = ky === 0 ? 0 : y[i] >>> (32 - ky);
      cells[cx * 2 ** ky + cy]++;
    }
    if (!cells.every((c) => c === 2 ** t)) return false;
  }
  return true;
}

describe('the unscrambled Sobol sequence', () => {
  it('begins with the published points: dimension 0 is 0, 1/2, 3/4, 1/4, 3/8, ... in Gray-code order', () => {
    expect(unscrambled(8, 0).map((b) => b / 2 ** 32)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(unscrambled(8, 1).map((b) => b / 2 ** 32)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
  });

  // Reference values from scipy.stats.qmc.Sobol(d=1024, scramble=False, bits=32), which uses the same
  // new-joe-kuo-6.21201 numbers: the first 16 points times 16, and point 123,456,789 times 2^32.
  it("matches scipy's points in dimensions 2, 3, 9, 99 and 1023, early and far along the sequence", () => {
    const first16: Record<number, number[]> = {
      2: [0, 8, 4, 12, 10, 2, 14, 6, 15, 7, 11, 3, 5, 13, 1, 9],
      3: [0, 8, 4, 12, 14, 6, 10, 2, 7, 15, 3, 11, 9, 1, 13, 5],
      9: [0, 8, 12, 4, 10, 2, 6, 14, 5, 13, 9, 1, 15, 7, 3, 11],
      99: [0, 8, 12, 4, 14, 6, 2, 10, 15, 7, 3, 11, 1, 9, 13, 5],
      1023: [0, 8, 12, 4, 14, 6, 2, 10, 1, 9, 13, 5, 15, 7, 3, 11],
    };
    for (const [dim, values] of Object.entries(first16)) expect(unscrambled(16, Number(dim)).map((b) => (b / 2 ** 32) * 16)).toEqual(values);
    const far = [0, 1, 2, 3, 9, 99, 1023].map((d) => sobolBits(123456789, d));
    expect(far).toEqual([4191448864, 3403469216, 27513184, 3903213344, 1734853024, 2689388192, 2876975264]);
  });

  it('covers 1,024 dimensions and refuses the next', () => {
    expect(MAX_SOBOL_DIMENSIONS).toBe(1024);
    expect(() => sobolBits(0, 1024)).toThrow(RangeError);
  });
});

describe('the sobol design', () => {
  const seeds = [1, 20261125, -7];
  const M = 12;

  it('puts the first 2^m quantiles of each of the first 48 dimensions one in each of 2^m equal cells, for m up to 12', () => {
    for (const seed of seeds) {
      const plan = sobol(2 ** M, seed, 48);
      for (let d = 0; d < 48; d++) {
        const x = scrambled(plan, 2 ** M, d);
        for (let m = 0; m <= M; m++) {
          const cells = new Uint8Array(2 ** m);
          for (let i = 0; i < 2 ** m; i++) cells[m === 0 ? 0 : x[i] >>> (32 - m)]++;
          expect(cells.every((c) => c === 1), `seed ${seed}, dimension ${d}, m ${m}`).toBe(true);
        }
      }
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net for m up to 12, scrambled or not', () => {
    const x0 = unscrambled(2 ** M, 0);
    const x1 = unscrambled(2 ** M, 1);
    for (let m = 1; m <= M; m++) expect(isNet(x0, x1, 0, m)).toBe(true);
    for (const seed of seeds) {
      const plan = sobol(2 ** M, seed, 2);
      const y0 = scrambled(plan, 2 ** M, 0);
      const y1 = scrambled(plan, 2 ** M, 1);
      for (let m = 1; m <= M; m++) expect(isNet(y0, y1, 0, m), `seed ${seed}, m ${m}`).toBe(true);
    }
  });

  // A Sobol sequence's projection on two dimensions is a (t, 2)-sequence with t = (e_j - 1) + (e_k - 1), e
  // the degrees of their polynomials, whatever the initial direction numbers; scrambling must keep it.
  it('makes every pair of the first 24 dimensions a (t, m, 2)-net with t = e_j + e_k - 2, scrambled or not', () => {
    const D = 24;
    const n = 2 ** 10;
    const plan = sobol(n, 99, D);
    const plain = Array.from({ length: D }, (_, d) => unscrambled(n, d));
    const mixed = Array.from({ length: D }, (_, d) => scrambled(plan, n, d));
    for (let j = 0; j < D; j++) {
      for (let k = j + 1; k < D; k++) {
        for (const m of [4, 7, 10]) {
          const t = Math.min(m, degree(j) + degree(k) - 2);
          expect(isNet(plain[j], plain[k], t, m), `dims ${j}, ${k}, m ${m}`).toBe(true);
          expect(isNet(mixed[j], mixed[k], t, m), `scrambled dims ${j}, ${k}, m ${m}`).toBe(true);
        }
      }
    }
  });

  // Joe and Kuo chose their numbers for small t in two dimensions: measured here, the first 24 dimensions'
  // pairs have t <= 5 for 2^10 points (the generic bound allows up to 10). Scrambling keeps each pair's t.
  it("keeps each pair's exact t-value under scrambling, and t <= 5 for 2^10 points in the first 24 dimensions", () => {
    const D = 24;
    const m = 10;
    const n = 2 ** m;
    const tValue = (x: readonly number[], y: readonly number[]) => {
      let t = 0;
      while (!isNet(x, y, t, m)) t++;
      return t;
    };
    const plan = sobol(n, 4242, D);
    const plain = Array.from({ length: D }, (_, d) => unscrambled(n, d));
    const mixed = Array.from({ length: D }, (_, d) => scrambled(plan, n, d));
    for (let j = 0; j < D; j++) {
      for (let k = j + 1; k < D; k++) {
        const t = tValue(plain[j], plain[k]);
        expect(t, `dims ${j}, ${k}`).toBeLessThanOrEqual(5);
        expect(tValue(mixed[j], mixed[k]), `scrambled dims ${j}, ${k}`).toBe(t);
      }
    }
  });

  it('gives quantiles strictly inside (0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 1023 }), (seed, run, dim) => {
        const u = parameterQuantile(sobol(2 ** 32, seed, 1024), run, dim);
        expect(u > 0 && u < 1).toBe(true);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('gives different scrambles for different seeds and different dimensions', () => {
    const a = scrambled(sobol(16, 1, 3), 16, 2);
    expect(scrambled(sobol(16, 2, 3), 16, 2)).not.toEqual(a);
    expect(scrambled(sobol(16, 1, 3), 16, 1)).not.toEqual(a);
    expect(scrambled(sobol(16, 1, 3), 16, 2)).toEqual(a);
  });

  // Owen scrambling makes each point uniform: the first point, 0 unscrambled, averaged over 4,000 seeds,
  // must be within 4 standard errors of 1/2.
  it('makes a single point uniformly distributed over seeds', () => {
    const n = 4000;
    let sum = 0;
    for (let s = 0; s < n; s++) sum += parameterQuantile(sobol(1, s, 4), 0, 3);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });

  it('depends on the index, not the name, so adding a parameter at the end leaves the others unchanged', () => {
    const before = sobol(64, 8, 3);
    const after = { ...sobol(64, 8, 4), names: [...before.names, 'new'] };
    for (let d = 0; d < 3; d++) expect(scrambled(after, 64, d)).toEqual(scrambled(before, 64, d));
  });
});

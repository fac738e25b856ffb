// The designs and estimators on models whose answers are known exactly.
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/rng.js';
import { MORRIS_SPAN, morris, morrisDesign } from '../../src/sensitivity/morris.js';
import { saltelliDesign, saltelliPoints, sobol } from '../../src/sensitivity/sobol.js';

describe('Saltelli design', () => {
  it('lists A, B, then each AB_i: A with column i taken from B', () => {
    const dim = 3;
    const n = 5;
    const d = saltelliDesign(dim, n, streamFor(1, 0, 'test'));
    const p = saltelliPoints(d);
    expect(p).toHaveLength(n * (dim + 2) * dim);
    const row = (block: number, j: number) => Array.from(p.subarray((block * n + j) * dim, (block * n + j + 1) * dim));
    for (let j = 0; j < n; j++) {
      const a = Array.from(d.a.subarray(j * dim, (j + 1) * dim));
      const b = Array.from(d.b.subarray(j * dim, (j + 1) * dim));
      expect(row(0, j)).toEqual(a);
      expect(row(1, j)).toEqual(b);
      for (let i = 0; i < dim; i++) expect(row(2 + i, j)).toEqual(a.map((x, k) => (k === i ? b[i] : x)));
    }
  });

  it('an additive linear model has S1 = ST = c_i^2 / sum c^2, and an input without effect exactly 0', () => {
    const c = [4, 2, 1, 0];
    const r = sobol((u) => c.reduce((s, ci, i) => s + ci * u[i], 0), 4, 4096, { resamples: 100, confidence: 0.95, rng: streamFor(2, 0, 'b') }, streamFor(2, 0, 'd'));
    const total = c.reduce((s, ci) => s + ci * ci, 0);
    c.forEach((ci, i) => {
      expect(r.firstOrder[i].estimate).toBeCloseTo((ci * ci) / total, 1);
      expect(r.total[i].estimate).toBeCloseTo((ci * ci) / total, 1);
    });
    expect(r.firstOrder[3]).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(r.total[3]).toEqual({ estimate: 0, low: 0, high: 0 });
  });
});

describe('Morris design', () => {
  it('moves every input once per trajectory, by delta, between grid levels', () => {
    const dim = 4;
    const r = 30;
    const d = morrisDesign(dim, r, streamFor(3, 0, 'test'));
    const [lo, hi] = MORRIS_SPAN;
    const grid = [0, 1, 2, 3].map((m) => lo + ((hi - lo) * m) / 3);
    expect(d.delta).toBeCloseTo(grid[2] - grid[0], 12);
    for (let t = 0; t < r; t++) {
      const moved = Array.from(d.moved.subarray(t * dim, (t + 1) * dim));
      expect([...moved].sort()).toEqual([0, 1, 2, 3]);
      for (let s = 0; s < dim; s++) {
        const before = d.points.subarray((t * (dim + 1) + s) * dim, (t * (dim + 1) + s + 1) * dim);
        const after = d.points.subarray((t * (dim + 1) + s + 1) * dim, (t * (dim + 1) + s + 2) * dim);
        for (let k = 0; k < dim; k++) {
          expect(grid.some((g) => Math.abs(g - after[k]) < 1e-12)).toBe(true);
          const change = after[k] - before[k];
          if (k === moved[s]) expect(change).toBeCloseTo(d.direction[t * dim + s] * d.delta, 12);
          else expect(change).toBe(0);
        }
      }
    }
  });

  it('the elementary effects of a linear model are its coefficients, with no spread', () => {
    const c = [3, -2, 0];
    const effects = morris((u) => c.reduce((s, ci, i) => s + ci * u[i], 0), 3, 20, streamFor(4, 0, 'test'));
    effects.forEach((e, i) => {
      expect(e.mu).toBeCloseTo(c[i], 9);
      expect(e.muStar).toBeCloseTo(Math.abs(c[i]), 9);
      expect(e.sigma).toBeCloseTo(0, 9);
    });
  });
});

// Second-order Sobol indices: the design's extra blocks, agreement with SALib's estimator to rounding, and
// models whose pairs' indices are known in closed form (Ishigami, a product, an additive sum).
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/rng.js';
import { saltelliDesign, saltelliPointCount, saltelliPoints, sobol, sobolIndices, type SobolIndices } from '../../src/sensitivity/sobol.js';

const bootstrap = (seed: number, resamples = 300) => ({ resamples, confidence: 0.95, rng: streamFor(seed, 0, 'test:bootstrap') });
const design = (seed: number) => streamFor(seed, 0, 'test:design');
const pair = (r: SobolIndices, i: number, j: number) => {
  const p = r.secondOrder?.find((e) => e.i === i && e.j === j);
  if (p === undefined) throw new Error(`no pair ${i}, ${j}`);
  return p;
};

describe('second-order Saltelli design', () => {
  it('adds, after A, B and each AB_i, each BA_i: B with column i taken from A, n (2D + 2) points in all', () => {
    const dim = 3;
    const n = 5;
    const d = saltelliDesign(dim, n, streamFor(1, 0, 'test'));
    const p = saltelliPoints(d, { secondOrder: true });
    expect(saltelliPointCount(n, dim, { secondOrder: true })).toBe(n * (2 * dim + 2));
    expect(saltelliPointCount(n, dim)).toBe(n * (dim + 2));
    expect(p).toHaveLength(n * (2 * dim + 2) * dim);
    // The first-order design is a prefix: asking for second order changes none of its points.
    expect(p.subarray(0, n * (dim + 2) * dim)).toEqual(saltelliPoints(d));
    const row = (block: number, j: number) => Array.from(p.subarray((block * n + j) * dim, (block * n + j + 1) * dim));
    for (let j = 0; j < n; j++) {
      const a = Array.from(d.a.subarray(j * dim, (j + 1) * dim));
      const b = Array.from(d.b.subarray(j * dim, (j + 1) * dim));
      for (let i = 0; i < dim; i++) expect(row(2 + dim + i, j)).toEqual(b.map((x, k) => (k === i ? a[i] : x)));
    }
  });

  it("S_jk equals SALib's second_order on the same outputs, to rounding", () => {
    // Reference values: SALib's first_order and second_order (src/SALib/analyze/sobol.py) run in NumPy on
    // these outputs, after its normalization (Y - Y.mean()) / Y.std(), blocks read as saltelliPoints lays them.
    const n = 7;
    const dim = 3;
    const y = Float64Array.from({ length: n * (2 * dim + 2) }, (_, p) => Math.sin(0.37 * p + 1) + 0.5 * Math.cos(1.3 * p) ** 2 + 0.01 * p);
    const r = sobolIndices(y, n, dim, bootstrap(1, 10), { secondOrder: true });
    expect(r.secondOrder?.map((e) => [e.i, e.j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(pair(r, 0, 1).estimate).toBeCloseTo(-0.5231067386467988, 12);
    expect(pair(r, 0, 2).estimate).toBeCloseTo(-0.4309457937250478, 12);
    expect(pair(r, 1, 2).estimate).toBeCloseTo(-1.0388637484442735, 12);
  });

  it('asking for second order leaves S1, ST and their intervals exactly as they were; by default there are none', () => {
    const f = (u: Float64Array) => u[0] * u[1] + u[2];
    const first = sobol(f, 3, 512, bootstrap(4, 100), design(4));
    const second = sobol(f, 3, 512, bootstrap(4, 100), design(4), { secondOrder: true });
    expect(first).not.toHaveProperty('secondOrder');
    const { secondOrder, ...rest } = second;
    expect(rest).toEqual(first);
    expect(secondOrder).toHaveLength(3);
  });

  it('checks the number of outputs against the design', () => {
    expect(() => sobolIndices(new Float64Array(5 * 5), 5, 3, bootstrap(1, 1), { secondOrder: true })).toThrow(/expected 40 outputs/);
  });

  it('an output without variance gives NaN pairs', () => {
    const r = sobol(() => 1, 2, 16, bootstrap(1, 20), design(1), { secondOrder: true });
    expect(r.secondOrder).toEqual([{ i: 0, j: 1, estimate: NaN, low: NaN, high: NaN }]);
  });
});

// Ishigami's function (a = 7, b = 0.1) of three inputs uniform on [-pi, pi], given as quantiles in [0, 1).
const PI = Math.PI;
const [A, B] = [7, 0.1];
const ishigami = (u: ArrayLike<number>) => {
  const [x1, x2, x3] = Array.from(u, (v) => -PI + 2 * PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * PI ** 8) / 225;
const V = V1 + V2 + V13;

// n = 2^15 base rows (8 * 2^15 evaluations). Over 20 seeds the root-mean-square error of each S2 below is at
// most 0.0083 (Ishigami's S13, the product's S12), its largest error 0.02, and each 95% interval covered the
// true value 17 to 20 times in 20: 0.03 is over three root-mean-square errors.
const N = 2 ** 15;
const TOLERANCE = 0.03;

describe('second-order indices of known models', () => {
  it(`Ishigami: S12 = 0, S13 = 0.2437, S23 = 0 within ${TOLERANCE}, with S1 and ST, every interval covering the truth`, () => {
    const truth = { s1: [V1 / V, V2 / V, 0], st: [(V1 + V13) / V, V2 / V, V13 / V], s2: [0, V13 / V, 0] };
    expect(truth.s2.map((s) => +s.toFixed(4))).toEqual([0, 0.2437, 0]);
    const r = sobol(ishigami, 3, N, bootstrap(1), design(1), { secondOrder: true });
    const estimates = [
      ...r.firstOrder.map((e, i) => ({ name: `S1 of x${i + 1}`, e, truth: truth.s1[i] })),
      ...r.total.map((e, i) => ({ name: `ST of x${i + 1}`, e, truth: truth.st[i] })),
      ...(r.secondOrder ?? []).map((e, p) => ({ name: `S${e.i + 1}${e.j + 1}`, e, truth: truth.s2[p] })),
    ];
    expect(estimates).toHaveLength(9);
    for (const { name, e, truth: t } of estimates) {
      expect(Math.abs(e.estimate - t), name).toBeLessThan(TOLERANCE);
      expect(e.low <= t && t <= e.high, `${name}: ${e.low} to ${e.high} covers ${t}`).toBe(true);
      expect(e.high - e.low, name).toBeLessThan(0.06);
    }
  });

  it(`a product u1 u2 (u3 inert): S12 = 1/7 within ${TOLERANCE} and clearly above 0, S13 = S23 = 0`, () => {
    // u1, u2 uniform on [0, 1): Var(u1 u2) = 1/9 - 1/16 = 7/144, V1 = V2 = Var(u/2) = 1/48, so
    // V12 = 7/144 - 2/48 = 1/144 and S12 = 1/7 (S1 = S2 = 3/7).
    const r = sobol((u) => u[0] * u[1], 3, N, bootstrap(2), design(2), { secondOrder: true });
    expect(Math.abs(pair(r, 0, 1).estimate - 1 / 7)).toBeLessThan(TOLERANCE);
    expect(pair(r, 0, 1).low).toBeGreaterThan(0.1);
    for (const [i, j] of [
      [0, 2],
      [1, 2],
    ]) {
      expect(Math.abs(pair(r, i, j).estimate), `S${i + 1}${j + 1}`).toBeLessThan(TOLERANCE);
    }
    // 95% intervals: at this seed S12's (0.104 to 0.141, the worst of the 20 seeds measured) just misses 1/7,
    // the other two cover 0; at least two of three must cover.
    const truth = [1 / 7, 0, 0];
    expect((r.secondOrder ?? []).filter((e, p) => e.low <= truth[p] && truth[p] <= e.high).length).toBeGreaterThanOrEqual(2);
    expect(r.firstOrder[0].estimate).toBeCloseTo(3 / 7, 1);
  });

  it(`an additive model has every S2 within ${TOLERANCE} of 0`, () => {
    const r = sobol((u) => 4 * u[0] + 2 * u[1] + u[2] + Math.sin(2 * PI * u[3]), 4, N, bootstrap(3), design(3), { secondOrder: true });
    expect(r.secondOrder).toHaveLength(6);
    for (const e of r.secondOrder ?? []) expect(Math.abs(e.estimate), `S${e.i + 1}${e.j + 1}`).toBeLessThan(TOLERANCE);
    // The intervals are 95% ones: of six, at most one may miss 0 (over 20 seeds, 110 of 120 covered it).
    expect((r.secondOrder ?? []).filter((e) => e.low <= 0 && 0 <= e.high).length).toBeGreaterThanOrEqual(5);
  });
});

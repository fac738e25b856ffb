import type { Rng } from '../random/rng.js';
import { quantileSorted } from '../stats/quantileSorted.js';
import { evaluateRows } from './evaluateRows.js';
import { normalizeOutputs, pairCount, secondOrderInto } from './sobolSecondOrder.js';

/** Saltelli's base matrices A and B: n rows of dim uniforms each, row-major. */
export interface SaltelliDesign {
  readonly dim: number;
  readonly n: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** An estimate with its bootstrap confidence interval. */
export interface Estimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** The second-order index of inputs i < j (0-based), with its bootstrap interval. */
export interface PairEstimate extends Estimate {
  readonly i: number;
  readonly j: number;
}

/** First-order and total Sobol indices of each input (second-order ones when asked), with the output's mean and variance. */
export interface SobolIndices {
  readonly mean: number;
  readonly variance: number;
  readonly firstOrder: readonly Estimate[];
  readonly total: readonly Estimate[];
  /** Every pair i < j, i then j ascending; only when second-order indices were asked for. */
  readonly secondOrder?: readonly PairEstimate[];
}

/** Whether the design (and the estimates from it) include second-order indices; default no. */
export interface SobolOptions {
  readonly secondOrder?: boolean;
}

/** How the indices' intervals are found: bootstrap resamples of the n rows and the confidence level. */
export interface BootstrapOptions {
  readonly resamples: number;
  readonly confidence: number;
  readonly rng: Rng;
}

/** Draws Saltelli's two independent base matrices of n points in the unit hypercube [0, 1)^dim. */
export function saltelliDesign(dim: number, n: number, rng: Rng): SaltelliDesign {
  const a = new Float64Array(n * dim);
  const b = new Float64Array(n * dim);
  // Pseudo-random rather than quasi-random rows: rows are then independent, so the bootstrap intervals hold.
  for (let i = 0; i < a.length; i++) a[i] = rng();
  for (let i = 0; i < b.length; i++) b[i] = rng();
  return { dim, n, a, b };
}

/** How many points saltelliPoints lists for n base rows: n (dim + 2), or n (2 dim + 2) with second order. */
export function saltelliPointCount(n: number, dim: number, options: SobolOptions = {}): number {
  return n * (options.secondOrder === true ? 2 * dim + 2 : dim + 2);
}

/**
 * Lists the points to evaluate, row-major, block after block: A's n rows, then B's, then for each input i
 * the rows of AB_i (A with column i taken from B): n * (dim + 2) points. With second order, then for each i
 * the rows of BA_i (B with column i taken from A): n * (2 dim + 2) points. SALib's saltelli.sample holds
 * the same points base row by base row (A, AB_1..AB_D, BA_1..BA_D, B); blocks keep the first-order design a
 * prefix of the second-order one, so asking for second order leaves S1 and ST as they were.
 */
export function saltelliPoints(d: SaltelliDesign, options: SobolOptions = {}): Float64Array {
  const { dim, n } = d;
  const out = new Float64Array(saltelliPointCount(n, dim, options) * dim);
  out.set(d.a, 0);
  out.set(d.b, n * dim);
  const mixed = (block: number, base: Float64Array, other: Float64Array, i: number) => {
    const start = block * n * dim;
    out.set(base, start);
    for (let j = 0; j < n; j++) out[start + j * dim + i] = other[j * dim + i];
  };
  for (let i = 0; i < dim; i++) mixed(2 + i, d.a, d.b, i);
  if (options.secondOrder === true) for (let i = 0; i < dim; i++) mixed(2 + dim + i, d.b, d.a, i);
  return out;
}

/**
 * Estimates first-order and total indices from the outputs at saltelliPoints (same order and options) with
 * Jansen's estimators (Jansen 1999; Saltelli et al. 2010): S_i = 1 - mean((f(B) - f(AB_i))^2) / 2V and
 * ST_i = mean((f(A) - f(AB_i))^2) / 2V, with V = mean((f(A) - f(B))^2) / 2; with second order, S_ij by
 * Saltelli's (2002) estimator exactly as SALib's sobol.analyze computes it (see secondOrderInto). Intervals
 * by the percentile bootstrap over rows, every index from the same resamples. An output without variance
 * gives NaN indices.
 */
export function sobolIndices(y: Float64Array, n: number, dim: number, bootstrap: BootstrapOptions, options: SobolOptions = {}): SobolIndices {
  const expected = saltelliPointCount(n, dim, options);
  if (y.length !== expected) throw new RangeError(`expected ${expected} outputs for n = ${n} and ${dim} inputs (got ${y.length})`);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = jansen(y, n, dim, all);
  const first: number[][] = Array.from({ length: dim }, () => []);
  const total: number[][] = Array.from({ length: dim }, () => []);
  // Second order: SALib normalizes Y once, over the whole design, and resamples the normalized values.
  const second = options.secondOrder === true;
  const pairs = second ? pairCount(dim) : 0;
  const z = second ? normalizeOutputs(y) : y;
  const pointPairs = new Float64Array(pairs);
  if (second) secondOrderInto(z, { n, dim }, all, pointPairs);
  const pairSamples = new Float64Array(pairs * bootstrap.resamples);
  const resample = new Float64Array(pairs);
  const rows = new Int32Array(n);
  for (let b = 0; b < bootstrap.resamples; b++) {
    // The rows are drawn as without second order, so S1 and ST and their intervals do not change with it.
    for (let j = 0; j < n; j++) rows[j] = Math.floor(bootstrap.rng() * n);
    const r = jansen(y, n, dim, rows);
    for (let i = 0; i < dim; i++) {
      first[i].push(r.first[i]);
      total[i].push(r.total[i]);
    }
    if (second) {
      secondOrderInto(z, { n, dim }, rows, resample);
      for (let p = 0; p < pairs; p++) pairSamples[p * bootstrap.resamples + b] = resample[p];
    }
  }
  const alpha = (1 - bootstrap.confidence) / 2;
  const interval = (estimate: number, samples: ArrayLike<number>): Estimate => {
    // NaN (no variance in a resample) sorts last in a Float64Array and would skew the upper bound: drop it.
    const sorted = Float64Array.from(samples).filter((s) => !Number.isNaN(s)).sort();
    return sorted.length === 0 ? { estimate, low: NaN, high: NaN } : { estimate, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
  };
  const indices = {
    mean: point.mean,
    variance: point.variance,
    firstOrder: point.first.map((s, i) => interval(s, first[i])),
    total: point.total.map((s, i) => interval(s, total[i])),
  };
  if (!second) return indices;
  const secondOrder: PairEstimate[] = [];
  for (let i = 0, p = 0; i < dim; i++) {
    for (let j = i + 1; j < dim; j++, p++) {
      secondOrder.push({ i, j, ...interval(pointPairs[p], pairSamples.subarray(p * bootstrap.resamples, (p + 1) * bootstrap.resamples)) });
    }
  }
  return { ...indices, secondOrder };
}

// Jansen's estimators over a selection of rows (all of them, or a bootstrap resample with repeats). The
// variance is Jansen's too, mean((f(A) - f(B))^2) / 2: sharing its noise with the numerators, it gives an
// input without effect (f(AB_i) = f(A)) indices of exactly 0, where the sample variance leaves an offset of
// order 1/sqrt(n) on every first-order index.
function jansen(y: Float64Array, n: number, dim: number, rows: Int32Array): { mean: number; variance: number; first: number[]; total: number[] } {
  const m = rows.length;
  let sum = 0;
  let dBase = 0;
  for (const j of rows) {
    sum += y[j] + y[n + j];
    dBase += (y[j] - y[n + j]) ** 2;
  }
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < dim; i++) {
    const ab = (2 + i) * n;
    let dFirst = 0;
    let dTotal = 0;
    for (const j of rows) {
      dFirst += (y[n + j] - y[ab + j]) ** 2;
      dTotal += (y[j] - y[ab + j]) ** 2;
    }
    first.push(1 - dFirst / dBase);
    total.push(dTotal / dBase);
  }
  return { mean: sum / (2 * m), variance: dBase / (2 * m), first, total };
}

/**
 * Sobol first-order and total indices (and second-order ones when asked) of a model of dim inputs, each
 * uniform on [0, 1): Saltelli's design of n base rows (n (dim + 2) evaluations, n (2 dim + 2) with second
 * order), Jansen's and Saltelli's estimators and bootstrap intervals.
 */
export function sobol(model: (u: Float64Array) => number, dim: number, n: number, bootstrap: BootstrapOptions, designRng: Rng, options: SobolOptions = {}): SobolIndices {
  const design = saltelliDesign(dim, n, designRng);
  return sobolIndices(evaluateRows(model, saltelliPoints(design, options), dim), n, dim, bootstrap, options);
}

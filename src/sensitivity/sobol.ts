import type { Rng } from '../random/rng.js';
import { quantileSorted } from '../stats/quantileSorted.js';
import { evaluateRows } from './evaluateRows.js';

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

/** First-order and total Sobol indices of each input, with the output's mean and variance. */
export interface SobolIndices {
  readonly mean: number;
  readonly variance: number;
  readonly firstOrder: readonly Estimate[];
  readonly total: readonly Estimate[];
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

/**
 * Lists the points to evaluate, row-major: A's n rows, then B's, then for each input i the rows of AB_i
 * (A with column i taken from B): n * (dim + 2) points.
 */
export function saltelliPoints(d: SaltelliDesign): Float64Array {
  const { dim, n } = d;
  const out = new Float64Array(n * (dim + 2) * dim);
  out.set(d.a, 0);
  out.set(d.b, n * dim);
  for (let i = 0; i < dim; i++) {
    const block = (2 + i) * n * dim;
    out.set(d.a, block);
    for (let j = 0; j < n; j++) out[block + j * dim + i] = d.b[j * dim + i];
  }
  return out;
}

/**
 * Estimates first-order and total indices from the outputs at saltelliPoints (same order) with Jansen's
 * estimators (Jansen 1999; Saltelli et al. 2010): S_i = 1 - mean((f(B) - f(AB_i))^2) / 2V and
 * ST_i = mean((f(A) - f(AB_i))^2) / 2V, with V = mean((f(A) - f(B))^2) / 2; intervals by the percentile
 * bootstrap over rows. An output without variance gives NaN indices.
 */
export function sobolIndices(y: Float64Array, n: number, dim: number, bootstrap: BootstrapOptions): SobolIndices {
  if (y.length !== n * (dim + 2)) throw new RangeError(`expected ${n * (dim + 2)} outputs for n = ${n} and ${dim} inputs (got ${y.length})`);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = jansen(y, n, dim, all);
  const first: number[][] = Array.from({ length: dim }, () => []);
  const total: number[][] = Array.from({ length: dim }, () => []);
  const rows = new Int32Array(n);
  for (let b = 0; b < bootstrap.resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(bootstrap.rng() * n);
    const r = jansen(y, n, dim, rows);
    for (let i = 0; i < dim; i++) {
      first[i].push(r.first[i]);
      total[i].push(r.total[i]);
    }
  }
  const alpha = (1 - bootstrap.confidence) / 2;
  const interval = (estimate: number, samples: number[]): Estimate => {
    // NaN (no variance in a resample) sorts last in a Float64Array and would skew the upper bound: drop it.
    const sorted = Float64Array.from(samples.filter((s) => !Number.isNaN(s))).sort();
    return sorted.length === 0 ? { estimate, low: NaN, high: NaN } : { estimate, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
  };
  return {
    mean: point.mean,
    variance: point.variance,
    firstOrder: point.first.map((s, i) => interval(s, first[i])),
    total: point.total.map((s, i) => interval(s, total[i])),
  };
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
 * Sobol first-order and total indices of a model of dim inputs, each uniform on [0, 1): Saltelli's design of
 * n base rows (n * (dim + 2) evaluations), Jansen's estimators and bootstrap intervals.
 */
export function sobol(model: (u: Float64Array) => number, dim: number, n: number, bootstrap: BootstrapOptions, designRng: Rng): SobolIndices {
  const design = saltelliDesign(dim, n, designRng);
  return sobolIndices(evaluateRows(model, saltelliPoints(design), dim), n, dim, bootstrap);
}

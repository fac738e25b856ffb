import type { Rng } from '../random/rng.js';
import { evaluateRows } from './evaluateRows.js';

/** Morris trajectories in the unit hypercube: each moves one input at a time by delta, every input once. */
export interface MorrisDesign {
  readonly dim: number;
  readonly trajectories: number;
  readonly levels: number;
  /** The step in [0, 1] units: levels / 2 grid cells. */
  readonly delta: number;
  /** r * (dim + 1) points of dim values, row-major, trajectory after trajectory. */
  readonly points: Float64Array;
  /** For each trajectory and step, the input moved (r * dim). */
  readonly moved: Int32Array;
  /** For each trajectory and step, +1 when the input moved up, -1 when down (r * dim). */
  readonly direction: Int8Array;
}

/** Elementary-effect statistics of one input (Morris 1991; mu* of Campolongo et al. 2007). */
export interface MorrisEffect {
  /** Mean of the absolute elementary effects: overall importance. */
  readonly muStar: number;
  /** Mean of the elementary effects: its sign says the direction when effects agree. */
  readonly mu: number;
  /** Standard deviation of the elementary effects: non-linearity or interactions. */
  readonly sigma: number;
}

/** The lowest and highest quantile of the Morris grid: the range `brigadas validate` checks expressions over. */
export const MORRIS_SPAN = [0.001, 0.999] as const;

/**
 * Draws r Morris trajectories on the usual grid of `levels` (even) equally spaced values per input, with the
 * usual step of levels / 2 grid cells (Morris 1991). The grid spans MORRIS_SPAN rather than [0, 1] so that
 * quantile() stays finite for unbounded distributions; delta is the step in [0, 1] units.
 */
export function morrisDesign(dim: number, trajectories: number, rng: Rng, levels = 4): MorrisDesign {
  if (!(levels >= 2 && levels % 2 === 0)) throw new RangeError(`Morris levels must be even and at least 2 (got ${levels})`);
  const half = levels / 2;
  const [lo, hi] = MORRIS_SPAN;
  const level = (m: number) => lo + ((hi - lo) * m) / (levels - 1);
  const points = new Float64Array(trajectories * (dim + 1) * dim);
  const moved = new Int32Array(trajectories * dim);
  const direction = new Int8Array(trajectories * dim);
  const index = new Int32Array(dim);
  const sign = new Int8Array(dim);
  const order = new Int32Array(dim);
  for (let t = 0; t < trajectories; t++) {
    for (let i = 0; i < dim; i++) {
      const base = Math.floor(rng() * half);
      const up = rng() < 0.5;
      index[i] = up ? base : base + half;
      sign[i] = up ? 1 : -1;
      order[i] = i;
    }
    for (let i = dim - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
    const first = t * (dim + 1);
    for (let i = 0; i < dim; i++) points[first * dim + i] = level(index[i]);
    for (let s = 0; s < dim; s++) {
      const i = order[s];
      index[i] += sign[i] * half;
      moved[t * dim + s] = i;
      direction[t * dim + s] = sign[i];
      const row = (first + s + 1) * dim;
      for (let k = 0; k < dim; k++) points[row + k] = level(index[k]);
    }
  }
  return { dim, trajectories, levels, delta: level(half) - level(0), points, moved, direction };
}

/** Computes each input's mu*, mu and sigma from the outputs at a Morris design's points (same order). */
export function morrisEffects(design: MorrisDesign, y: Float64Array): MorrisEffect[] {
  const { dim, trajectories: r, delta } = design;
  if (y.length !== r * (dim + 1)) throw new RangeError(`expected ${r * (dim + 1)} outputs for ${r} trajectories of ${dim} inputs (got ${y.length})`);
  const effects: number[][] = Array.from({ length: dim }, () => []);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < dim; s++) {
      const p = t * (dim + 1) + s;
      effects[design.moved[t * dim + s]].push((y[p + 1] - y[p]) / (design.direction[t * dim + s] * delta));
    }
  }
  return effects.map((ee) => {
    const mu = ee.reduce((a, b) => a + b, 0) / ee.length;
    const muStar = ee.reduce((a, b) => a + Math.abs(b), 0) / ee.length;
    const sigma = ee.length < 2 ? NaN : Math.sqrt(ee.reduce((a, b) => a + (b - mu) ** 2, 0) / (ee.length - 1));
    return { muStar, mu, sigma };
  });
}

/** Morris screening of a model of dim inputs on [0, 1]: r trajectories, r * (dim + 1) evaluations. */
export function morris(model: (u: Float64Array) => number, dim: number, trajectories: number, rng: Rng, levels = 4): MorrisEffect[] {
  const design = morrisDesign(dim, trajectories, rng, levels);
  return morrisEffects(design, evaluateRows(model, design.points, dim));
}

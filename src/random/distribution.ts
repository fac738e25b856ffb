import { betaQuantile, normalCdf, normalQuantile } from './special.js';

/** A probability distribution of one uncertain parameter, as plain data (the scenario schema validates it). */
export type Distribution =
  | { readonly dist: 'fixed'; readonly value: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly dist: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly dist: 'lognormal'; readonly median: number; readonly sigma: number; readonly min?: number; readonly max?: number }
  | { readonly dist: 'beta'; readonly alpha: number; readonly beta: number; readonly min?: number; readonly max?: number }
  | { readonly dist: 'pert'; readonly min: number; readonly mode: number; readonly max: number; readonly lambda?: number }
  | { readonly dist: 'discrete'; readonly values: readonly number[]; readonly weights?: readonly number[] };

/** The names of the distribution kinds a scenario may use. */
export const DISTRIBUTION_KINDS = ['fixed', 'uniform', 'triangular', 'normal', 'lognormal', 'beta', 'pert', 'discrete'] as const;

/**
 * Returns the value of a distribution at cumulative probability u in [0, 1) (its inverse CDF).
 *
 * Every parameter is drawn as quantile(dist, u) from one uniform, so a draw is monotone in u: the p10 and
 * p90 of a tornado chart and the coupling of common random numbers come for free.
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular':
      return triangularQuantile(d.min, d.mode, d.max, u);
    case 'normal': {
      const z = truncatedStandardNormal(u, d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd, d.max === undefined ? Infinity : (d.max - d.mean) / d.sd);
      return clamp(d.mean + d.sd * z, d.min, d.max);
    }
    case 'lognormal': {
      const logMin = d.min === undefined || d.min <= 0 ? -Infinity : Math.log(d.min / d.median) / d.sigma;
      const logMax = d.max === undefined ? Infinity : Math.log(d.max / d.median) / d.sigma;
      return clamp(d.median * Math.exp(d.sigma * truncatedStandardNormal(u, logMin, logMax)), d.min, d.max);
    }
    case 'beta': {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + (hi - lo) * betaQuantile(u, d.alpha, d.beta);
    }
    case 'pert': {
      // PERT is a Beta scaled to [min, max] with shape set by the mode and lambda (4 by default).
      const lambda = d.lambda ?? 4;
      const range = d.max - d.min;
      if (range === 0) return d.min;
      const a = 1 + (lambda * (d.mode - d.min)) / range;
      const b = 1 + (lambda * (d.max - d.mode)) / range;
      return d.min + range * betaQuantile(u, a, b);
    }
    case 'discrete':
      return discreteQuantile(d.values, d.weights, u);
    default:
      return d satisfies never;
  }
}

function triangularQuantile(min: number, mode: number, max: number, u: number): number {
  const range = max - min;
  if (range === 0) return min;
  const split = (mode - min) / range;
  return u < split ? min + Math.sqrt(u * range * (mode - min)) : max - Math.sqrt((1 - u) * range * (max - mode));
}

// Inverts the normal CDF restricted to [lo, hi] (in standard units), so truncation costs no rejection loop.
function truncatedStandardNormal(u: number, lo: number, hi: number): number {
  const pLo = lo === -Infinity ? 0 : normalCdf(lo);
  const pHi = hi === Infinity ? 1 : normalCdf(hi);
  const p = pLo + u * (pHi - pLo);
  // Keep p off 0 and 1, where the quantile is infinite.
  return normalQuantile(Math.min(Math.max(p, 1e-16), 1 - 1e-16));
}

function discreteQuantile(values: readonly number[], weights: readonly number[] | undefined, u: number): number {
  if (weights === undefined) return values[Math.min(values.length - 1, Math.floor(u * values.length))];
  let total = 0;
  for (const w of weights) total += w;
  let cumulative = 0;
  for (let i = 0; i < values.length; i++) {
    cumulative += weights[i] / total;
    if (u < cumulative) return values[i];
  }
  return values[values.length - 1];
}

function clamp(x: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && x < min) return min;
  if (max !== undefined && x > max) return max;
  return x;
}

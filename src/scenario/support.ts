import type { Distribution } from '../random/distribution.js';

/** Returns the smallest and largest value a distribution can draw (infinite for unbounded tails). */
export function support(d: Distribution): readonly [number, number] {
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [d.min, d.max];
    case 'normal':
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case 'lognormal':
      return [Math.max(0, d.min ?? 0), d.max ?? Infinity];
    case 'beta':
      return [d.min ?? 0, d.max ?? 1];
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
    default:
      return d satisfies never;
  }
}

/** Lists what is wrong with a distribution's own numbers, as (field, message) pairs. */
export function distributionProblems(d: Distribution): [string, string][] {
  const out: [string, string][] = [];
  const order = (lo: string, a: number | undefined, hi: string, b: number | undefined) => {
    if (a !== undefined && b !== undefined && a > b) out.push([lo, `${lo} must be <= ${hi} (got ${lo} ${a} > ${hi} ${b})`]);
  };
  switch (d.dist) {
    case 'fixed':
      break;
    case 'uniform':
      order('min', d.min, 'max', d.max);
      break;
    case 'triangular':
    case 'pert':
      order('min', d.min, 'mode', d.mode);
      order('mode', d.mode, 'max', d.max);
      if (d.dist === 'pert' && d.lambda !== undefined && !(d.lambda > 0)) out.push(['lambda', `lambda must be > 0 (got ${d.lambda})`]);
      break;
    case 'normal':
      if (!(d.sd > 0)) out.push(['sd', `sd must be > 0 (got ${d.sd})`]);
      order('min', d.min, 'max', d.max);
      break;
    case 'lognormal':
      if (!(d.median > 0)) out.push(['median', `median must be > 0 (got ${d.median})`]);
      if (!(d.sigma > 0)) out.push(['sigma', `sigma must be > 0 (got ${d.sigma})`]);
      order('min', d.min, 'max', d.max);
      break;
    case 'beta':
      if (!(d.alpha > 0)) out.push(['alpha', `alpha must be > 0 (got ${d.alpha})`]);
      if (!(d.beta > 0)) out.push(['beta', `beta must be > 0 (got ${d.beta})`]);
      order('min', d.min, 'max', d.max);
      break;
    case 'discrete':
      if (d.weights !== undefined) {
        if (d.weights.length !== d.values.length) {
          out.push(['weights', `weights must have one entry per value (${d.values.length}), got ${d.weights.length}`]);
        } else if (d.weights.some((w) => w < 0)) out.push(['weights', 'weights must be >= 0']);
        else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) out.push(['weights', 'weights must not all be 0']);
      }
      break;
    default:
      return d satisfies never;
  }
  return out;
}

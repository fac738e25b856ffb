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

/** The largest shape a beta's alpha and beta, or a pert's lambda, may have: the quantile stays accurate up to it. */
export const MAX_SHAPE = 1e6;

/**
 * How far from its centre, in sd (sigma in logs), a bounded normal's or lognormal's range may begin: past about
 * 7, the quantile loses its precision (a double holds 1 - 1e-12 poorly) and draws pile up at a bound.
 */
export const MAX_TAIL_SD = 6;

/** Lists what is wrong with a distribution's own numbers, as (field, message) pairs. */
export function distributionProblems(d: Distribution): [string, string][] {
  const out: [string, string][] = [];
  const shape = (name: string, x: number) => {
    if (x > MAX_SHAPE) out.push([name, `${name} must be at most ${MAX_SHAPE.toLocaleString('en-US')} (got ${x}); a larger one is drawn inaccurately`]);
  };
  const order = (lo: string, a: number | undefined, hi: string, b: number | undefined) => {
    if (a !== undefined && b !== undefined && a > b) out.push([lo, `${lo} must be <= ${hi} (got ${lo} ${a} > ${hi} ${b})`]);
  };
  // lo and hi in sd units from the centre; a range wholly in a far tail cannot be drawn from accurately.
  const inTail = (lo: number | undefined, hi: number | undefined, unit: string, centre: string) => {
    const far = lo !== undefined && lo > MAX_TAIL_SD ? lo : hi !== undefined && hi < -MAX_TAIL_SD ? -hi : undefined;
    if (far === undefined) return;
    const side = lo !== undefined && lo > MAX_TAIL_SD ? 'above' : 'below';
    out.push([
      side === 'above' ? 'min' : 'max',
      `min and max lie wholly ${far.toPrecision(3)} ${unit} ${side} the ${centre}, too far in its tail to be drawn accurately; expected a range that comes within ${MAX_TAIL_SD} ${unit} of it`,
    ]);
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
      if (d.dist === 'pert' && d.lambda !== undefined) shape('lambda', d.lambda);
      break;
    case 'normal': {
      if (!(d.sd > 0)) out.push(['sd', `sd must be > 0 (got ${d.sd})`]);
      const before = out.length;
      order('min', d.min, 'max', d.max);
      if (out.length === before && d.sd > 0) {
        const z = (x: number | undefined) => (x === undefined ? undefined : (x - d.mean) / d.sd);
        inTail(z(d.min), z(d.max), 'sd', 'mean');
      }
      break;
    }
    case 'lognormal': {
      if (!(d.median > 0)) out.push(['median', `median must be > 0 (got ${d.median})`]);
      if (!(d.sigma > 0)) out.push(['sigma', `sigma must be > 0 (got ${d.sigma})`]);
      const before = out.length;
      order('min', d.min, 'max', d.max);
      if (out.length === before && d.median > 0 && d.sigma > 0) {
        // In logs a lognormal is a normal; a min of 0 or less bounds nothing, and a max of 0 leaves only 0.
        const z = (x: number | undefined) => (x === undefined || x <= 0 ? undefined : Math.log(x / d.median) / d.sigma);
        if (d.max !== undefined && d.max < 0) out.push(['max', `max must be >= 0 for a lognormal, whose values are positive (got ${d.max})`]);
        else if (d.max !== 0) inTail(z(d.min), z(d.max), 'sigma (in logs)', 'median');
      }
      break;
    }
    case 'beta':
      if (!(d.alpha > 0)) out.push(['alpha', `alpha must be > 0 (got ${d.alpha})`]);
      if (!(d.beta > 0)) out.push(['beta', `beta must be > 0 (got ${d.beta})`]);
      shape('alpha', d.alpha);
      shape('beta', d.beta);
      order('min', d.min, 'max', d.max);
      break;
    case 'discrete':
      if (d.weights !== undefined) {
        if (d.weights.length !== d.values.length) {
          out.push(['weights', `weights must have one entry per value (${d.values.length}), got ${d.weights.length}`]);
        } else if (d.weights.some((w) => w < 0)) out.push(['weights', 'weights must be >= 0']);
        else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) out.push(['weights', 'weights must not all be 0']);
        else if (!Number.isFinite(d.weights.reduce((a, b) => a + b, 0))) out.push(['weights', 'weights must add up to a finite number; scale them down']);
      }
      break;
    default:
      return d satisfies never;
  }
  return out;
}

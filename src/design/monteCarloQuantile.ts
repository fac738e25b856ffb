// Plain Monte Carlo: each run draws each parameter's quantile independently, from its own stream. It is
// the reference design: unbiased, and the spread of its estimates over seeds shrinks as 1/sqrt(N).
import { streamFor } from '../random/rng.js';

// 'param:' + name, cached: a fresh string would be hashed again by streamFor on every call.
const components = new Map<string, string>();
function component(name: string): string {
  let c = components.get(name);
  if (c === undefined) {
    c = `param:${name}`;
    components.set(name, c);
  }
  return c;
}

/**
 * The Monte Carlo quantile of parameter `name` in run `run`: the first draw of the stream
 * (seed, run, 'param:' + name), exactly as the engine drew it before designs existed.
 *
 * Unlike the other designs it lies in [0, 1), not (0, 1): Alea can return exactly 0 (about once in 2^32
 * draws), and it is kept as it is, today's behaviour, so that seeds reproduce earlier results byte for byte.
 */
export function monteCarloQuantile(seed: number, name: string, run: number): number {
  return streamFor(seed, run, component(name))();
}

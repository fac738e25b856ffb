import { quantile } from '../random/distribution.js';
import { streamFor } from '../random/rng.js';
import type { CompiledParameter } from '../scenario/compiled.js';

/**
 * Draws one run's value of every uncertain parameter, each from its own stream (seed, run, parameter name),
 * so adding or removing a parameter leaves the others' draws unchanged.
 */
export function drawParameters(parameters: readonly CompiledParameter[], seed: number, run: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parameters) {
    const x = quantile(p.dist, streamFor(seed, run, `param:${p.name}`)());
    out[p.name] = p.integer ? Math.round(x) : x;
  }
  return out;
}

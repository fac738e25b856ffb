import { runChunk } from '../montecarlo/runChunk.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { ResolvedTarget } from './resolveTargets.js';
import { targetValue } from './targetValue.js';

/**
 * Simulates runs [first, first + count) and writes each target's model value in run `first + i` to
 * `samples[k][first + i]`: only these values are kept, not every metric of every run.
 */
export function fillTargetSamples(c: CompiledScenario, targets: readonly ResolvedTarget[], seed: number, first: number, count: number, samples: readonly Float64Array[]): void {
  const width = c.layout.metrics.length * c.years.length;
  const values = runChunk(c, seed, first, count);
  for (let i = 0; i < count; i++) targets.forEach((t, k) => (samples[k][first + i] = targetValue(t, values, i * width)));
}

import { simulateRun } from '../model/simulateRun.js';
import { streamFor } from '../random/rng.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { resolveRun } from '../scenario/resolveRun.js';
import type { DesignPlan } from '../design/designPlan.js';
import { drawParameters } from './drawParameters.js';

/**
 * Simulates runs [first, first + count) of a scenario and returns their yearly metrics, run after run
 * (`[run][metric][year]`): the unit of work of every runner, in process or on a worker.
 */
export function runChunk(c: CompiledScenario, seed: number, first: number, count: number, design?: DesignPlan): Float64Array {
  const width = c.layout.metrics.length * c.years.length;
  const out = new Float64Array(width * count);
  for (let i = 0; i < count; i++) {
    const run = first + i;
    const inputs = resolveRun(c, drawParameters(c.parameters, seed, run, design));
    simulateRun(inputs, c.layout, c.years.length, (component) => streamFor(seed, run, component), out.subarray(i * width, (i + 1) * width));
  }
  return out;
}

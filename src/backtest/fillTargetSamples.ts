import { simulateCells } from '../montecarlo/simulateCells.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { ResolvedTarget } from './resolveTargets.js';
import { fillFromCells, targetCells } from './targetCells.js';

/**
 * Simulates runs [first, first + count) and writes each target's model value in run `first + i` to
 * `samples[k][first + i]`: only these values are kept, not every metric of every run.
 */
export function fillTargetSamples(c: CompiledScenario, targets: readonly ResolvedTarget[], seed: number, first: number, count: number, samples: readonly Float64Array[]): void {
  const tc = targetCells(targets);
  fillFromCells(tc, simulateCells(c, seed, first, count, tc.cells), first, count, samples);
}

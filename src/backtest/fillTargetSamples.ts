import { simulateCells } from '../montecarlo/simulateCells.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { fillFromCells, type TargetCells } from './targetCells.js';

/**
 * Simulates runs [first, first + count) and writes each target's model value in run `first + i` to
 * `samples[k][first + i]`: only the targets' cells come back from each run, not every metric.
 */
export function fillTargetSamples(c: CompiledScenario, tc: TargetCells, seed: number, first: number, count: number, samples: readonly Float64Array[]): void {
  fillFromCells(tc, simulateCells(c, seed, first, count, tc.cells), first, count, samples);
}

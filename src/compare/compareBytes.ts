import type { ComparePlan } from '../montecarlo/runCompareChunk.js';
import { differenceCells } from '../montecarlo/differenceCells.js';
import type { CompiledScenario } from '../scenario/compiled.js';

/**
 * Bytes a cell's sketch takes, with its exact sums: about 12 kB measured for the baseline at 2,000 to
 * 10,000 runs (its buckets span the range of the cell's values, which widens slowly with more runs).
 */
export const SKETCH_CELL_BYTES = 16_000;

/**
 * Estimates the bytes a comparison (`scenarios`: baseline first) holds under its plan: every run's value of
 * each exact scenario (8 bytes a cell, at most EXACT_LIMIT cells a scenario), a sketch per cell of each sketch
 * scenario and sketch differences; exact differences are computed from the scenarios' runs a cell at a time.
 */
export function compareBytes(scenarios: readonly CompiledScenario[], runs: number, plan: ComparePlan): number {
  const cellsOf = (c: CompiledScenario) => c.layout.metrics.length * c.years.length;
  let bytes = 0;
  scenarios.forEach((c, i) => (bytes += plan.modes[i] === 'values' ? runs * cellsOf(c) * 8 : cellsOf(c) * SKETCH_CELL_BYTES));
  scenarios.slice(1).forEach((alt, j) => {
    if (plan.differences[j] === 'sketch') bytes += differenceCells(scenarios[0], alt).base.length * SKETCH_CELL_BYTES;
    // Three columns of runs and the summary's scratch while the differences are summarized.
    else bytes += 4 * runs * 8;
  });
  return bytes;
}

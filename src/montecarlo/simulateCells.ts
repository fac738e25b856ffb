import { streamFor } from '../random/rng.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { resolveRun } from '../scenario/resolveRun.js';
import { cellReader } from './cellReader.js';
import type { DesignPlan } from '../design/designPlan.js';
import { drawParameters } from './drawParameters.js';

/**
 * Simulates runs [first, first + count) and returns, run after run, the values of the given cells only:
 * `[run][k]`, count x cells.length numbers. `cells[k]` is a yearly cell, `metric * years + year`, or a month
 * cell, `metrics * years + metric * months + t`, the value at a moment at the end of month t (`monthCell`).
 * What a backtest or a calibration needs of each run, a few dozen numbers where a run has thousands.
 */
export function simulateCells(c: CompiledScenario, seed: number, first: number, count: number, cells: Int32Array, design?: DesignPlan): Float64Array {
  return simulateRows(c, seed, first, count, cells, [], design).values;
}

/**
 * `simulateCells`, with each run's drawn value of the named parameters beside its cells (`parameters`,
 * `[run][k]`): the rows of a run table, computed where the runs are.
 */
export function simulateRows(c: CompiledScenario, seed: number, first: number, count: number, cells: Int32Array, names: readonly string[], design?: DesignPlan): { values: Float64Array; parameters: Float64Array } {
  const read = cellReader(c, cells);
  const values = new Float64Array(count * cells.length);
  const parameters = new Float64Array(count * names.length);
  for (let i = 0; i < count; i++) {
    const run = first + i;
    const drawn = drawParameters(c.parameters, seed, run, design);
    names.forEach((name, k) => (parameters[i * names.length + k] = drawn[name] ?? Number.NaN));
    read(resolveRun(c, drawn), (component) => streamFor(seed, run, component), values, i * cells.length);
  }
  return { values, parameters };
}

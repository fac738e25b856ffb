// Every cell of a run, yearly and month cells, worked out straight from the model (a probe for each value at a
// moment in each month) rather than through simulateCells: the reference the cell tests compare against.
import { simulateRun } from '../../src/model/simulateRun.js';
import { monthCell } from '../../src/montecarlo/cellReader.js';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { streamFor } from '../../src/random/rng.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { resolveRun } from '../../src/scenario/resolveRun.js';

/** Run `run`'s cells as `simulateCells` numbers them, NaN at the month cells of totals over a year (which have none). */
export function allCells(c: CompiledScenario, seed: number, run: number): Float64Array {
  const { layout, months } = c;
  const moments = layout.metrics.flatMap((m, i) => (m.moment ? [i] : []));
  const probes = {
    months: Int32Array.from({ length: months * moments.length }, (_, k) => Math.floor(k / moments.length)),
    metrics: Int32Array.from({ length: months * moments.length }, (_, k) => moments[k % moments.length]),
    out: new Float64Array(months * moments.length),
  };
  const yearly = simulateRun(resolveRun(c, drawParameters(c.parameters, seed, run)), layout, c.years.length, (component) => streamFor(seed, run, component), undefined, probes);
  const cells = new Float64Array(layout.metrics.length * (c.years.length + months)).fill(NaN);
  cells.set(yearly);
  probes.out.forEach((v, k) => (cells[monthCell(c, probes.metrics[k], probes.months[k])] = v));
  return cells;
}

import type { RunInputs } from '../model/inputs.js';
import { simulateRun, type MonthProbes, type StreamFactory } from '../model/simulateRun.js';
import type { CompiledScenario } from '../scenario/compiled.js';

/** What numbers a scenario's cells: its metrics, its reported years and its simulated months. */
export type CellGrid = Pick<CompiledScenario, 'layout' | 'years' | 'months'>;

/**
 * The cell of metric `metric` at the end of month `t` (0 is the scenario's start): the yearly cells,
 * `metric * years + year`, come first, then `months` cells per metric.
 */
export function monthCell(grid: CellGrid, metric: number, t: number): number {
  return grid.layout.metrics.length * grid.years.length + metric * grid.months + t;
}

/** Writes one run's cells to `out[at + k]`, the run given by its inputs and random streams. */
export type ReadCells = (inputs: RunInputs, streams: StreamFactory, out: Float64Array, at: number) => void;

/**
 * Checks cells once (yearly cells, or month cells of values at a moment) and returns what simulates a run and
 * reads them: month cells come from month probes, so a run keeps its yearly values and one number per month
 * cell asked for, never a monthly series of every metric.
 */
export function cellReader(grid: CellGrid, cells: Int32Array): ReadCells {
  const { layout, months } = grid;
  const years = grid.years.length;
  const yearly = layout.metrics.length * years;
  const total = yearly + layout.metrics.length * months;
  for (const cell of cells) {
    if (!(cell >= 0 && cell < total)) throw new RangeError(`cell ${cell} is not one of the scenario's ${yearly} yearly cells (metric x year) or ${total - yearly} month cells (metric x month)`);
    if (cell < yearly) continue;
    const metric = layout.metrics[Math.floor((cell - yearly) / months)];
    if (!metric.moment) throw new RangeError(`cell ${cell} asks for '${metric.name}' at the end of month ${(cell - yearly) % months}: only a value at a moment has month cells, and '${metric.name}' is worked out over each year`);
  }
  // The positions in `cells` of the yearly cells, and of the month cells in the order of their months, as probes must come.
  const positions = Array.from(cells.keys());
  const yearlyPositions = positions.filter((k) => cells[k] < yearly);
  const monthOf = (k: number) => (cells[k] - yearly) % months;
  const monthPositions = positions.filter((k) => cells[k] >= yearly).sort((a, b) => monthOf(a) - monthOf(b));
  const probes: MonthProbes = {
    months: Int32Array.from(monthPositions, monthOf),
    metrics: Int32Array.from(monthPositions, (k) => Math.floor((cells[k] - yearly) / months)),
    out: new Float64Array(monthPositions.length),
  };
  const values = new Float64Array(yearly);
  return (inputs, streams, out, at) => {
    simulateRun(inputs, layout, years, streams, values, probes);
    for (const k of yearlyPositions) out[at + k] = values[cells[k]];
    monthPositions.forEach((k, p) => (out[at + k] = probes.out[p]));
  };
}

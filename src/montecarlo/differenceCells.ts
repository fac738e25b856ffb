import type { CompiledScenario } from '../scenario/compiled.js';

/**
 * The cells two scenarios of the same years can be paired on: the metrics both have, in the baseline's
 * order (a host only one of them has is left out), each year of each.
 */
export interface DifferenceCells {
  /** The baseline's metric rows both scenarios have, in the baseline's order. */
  readonly metrics: readonly number[];
  /** Per difference cell (`i * years + year`, i indexing `metrics`): the baseline's cell and the alternative's. */
  readonly base: Int32Array;
  readonly alternative: Int32Array;
}

/** Pairs the cells of a baseline and an alternative by metric name and year, as a comparison run by run reads them. */
export function differenceCells(base: CompiledScenario, alternative: CompiledScenario): DifferenceCells {
  const years = base.years.length;
  const metrics: number[] = [];
  const rows: number[] = [];
  base.layout.metrics.forEach((def, m) => {
    const row = alternative.layout.index[def.name];
    if (row === undefined) return;
    metrics.push(m);
    rows.push(row);
  });
  const baseCells = new Int32Array(metrics.length * years);
  const altCells = new Int32Array(metrics.length * years);
  metrics.forEach((m, i) => {
    for (let y = 0; y < years; y++) {
      baseCells[i * years + y] = m * years + y;
      altCells[i * years + y] = rows[i] * years + y;
    }
  });
  return { metrics, base: baseCells, alternative: altCells };
}

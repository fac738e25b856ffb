import { summarize, type Summary } from '../stats/summarize.js';

/** Mean and percentiles of every metric in every year, across runs: `[metric][year]`. */
export type MetricSummaries = readonly (readonly Summary[])[];

/**
 * Summarizes the runs' yearly values (`[run][metric][year]`, in run order, as `runChunk` returns them)
 * metric by metric and year by year; run order fixes the order of the float sums, so the result does not
 * depend on how runs were scheduled.
 */
export function summarizeRuns(values: Float64Array, runs: number, metrics: number, years: number): MetricSummaries {
  const width = metrics * years;
  const column = new Float64Array(runs);
  return summarizeCells(metrics, years, runs, (cell) => {
    for (let r = 0; r < runs; r++) column[r] = values[r * width + cell];
    return column;
  });
}

/** Summarizes each cell (`metric * years + year`) of `runs` runs from its values in run order, which `column` gives. */
export function summarizeCells(metrics: number, years: number, runs: number, column: (cell: number) => Float64Array): MetricSummaries {
  const scratch = new Float64Array(runs);
  const out: Summary[][] = [];
  for (let m = 0; m < metrics; m++) {
    const row: Summary[] = [];
    for (let y = 0; y < years; y++) row.push(summarize(column(m * years + y), scratch));
    out.push(row);
  }
  return out;
}

/** How an outcome turns its yearly cells into one number: the year's value, or the sum or mean over a range. */
export type OutcomeReduction = 'value' | 'sum' | 'mean';

/** One outcome column of a run table: a metric in a year, or summed or averaged over a range of years. */
export interface Outcome {
  /** The item as written in `--outcomes`, trimmed (for messages). */
  readonly text: string;
  readonly metric: string;
  /** The metric's row in the layout (`layout.index[metric]`). */
  readonly metricIndex: number;
  /** First and last calendar years, equal for a single year. */
  readonly from: number;
  readonly to: number;
  readonly reduction: OutcomeReduction;
  /** Column name, usable unquoted in pandas and R: `healthWorkersAbroad_2030`, `stateRevenueUSD_sum_2030_2035`. */
  readonly column: string;
  /** Yearly cells, `metricIndex * years.length + yearIndex`, for from..to in order (the numbering of simulateCells). */
  readonly cells: Int32Array;
}

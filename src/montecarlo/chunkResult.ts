import { addExact } from '../stats/exactSum.js';
import { sketchKey } from '../stats/logSketch.js';

/**
 * What a chunk of runs sends back to be summarized: its raw yearly values cell by cell (`[cell][run]`,
 * exact mode), or, for very many runs, each value's sketch bucket (`[run][cell]`) plus each cell's exact
 * partial sums, minimum and maximum (sketch mode). A cell is one metric in one year.
 */
export type ChunkResult =
  | { readonly type: 'values'; readonly first: number; readonly count: number; readonly values: Float64Array }
  | {
      readonly type: 'sketch';
      readonly first: number;
      readonly count: number;
      readonly keys: Int32Array;
      /** Per cell: the number of partials, then the partials. */
      readonly sums: Float64Array;
      /** Per cell: minimum then maximum of its non-NaN values (Infinity, -Infinity when none). */
      readonly extremes: Float64Array;
    };

/** How summaries are computed: exact order statistics, or sketches of bounded memory. */
export type SummaryMode = 'values' | 'sketch';

/** Above this many stored values (runs x cells, 256 MB of doubles) summaries switch to sketches. */
export const EXACT_LIMIT = 2 ** 25;

/** Chooses the summary mode of a Monte Carlo from its size alone, so it is the same for every worker count. */
export function summaryMode(runs: number, cells: number): SummaryMode {
  return runs * cells <= EXACT_LIMIT ? 'values' : 'sketch';
}

/**
 * Encodes a chunk's raw values (`[run][cell]`, as `runChunk` returns them) for the given summary mode. Exact
 * chunks are turned cell by cell here, on the worker, so the main thread only copies whole columns.
 */
export function encodeChunk(values: Float64Array, first: number, count: number, cells: number, mode: SummaryMode): ChunkResult {
  if (mode === 'values') {
    const columns = new Float64Array(count * cells);
    for (let r = 0; r < count; r++) {
      const row = r * cells;
      for (let cell = 0; cell < cells; cell++) columns[cell * count + r] = values[row + cell];
    }
    return { type: 'values', first, count, values: columns };
  }
  const keys = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) keys[i] = sketchKey(values[i]);
  const sums: number[] = [];
  const extremes = new Float64Array(2 * cells);
  const partials: number[] = [];
  for (let cell = 0; cell < cells; cell++) {
    partials.length = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < count; r++) {
      const v = values[r * cells + cell];
      if (Number.isNaN(v)) continue;
      addExact(partials, v);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    sums.push(partials.length, ...partials);
    extremes[2 * cell] = min;
    extremes[2 * cell + 1] = max;
  }
  return { type: 'sketch', first, count, keys, sums: Float64Array.from(sums), extremes };
}

import { ExactSums } from '../stats/exactSum.js';
import { NAN_KEY, sketchKey } from '../stats/logSketch.js';

/**
 * What a chunk of runs sends back to be summarized, cell by cell (`[cell][run]`; a cell is one metric in one
 * year): its raw yearly values (exact mode), or, for very many runs, each value's sketch bucket plus each
 * cell's exact partial sums, minimum and maximum (sketch mode).
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

// Whole numbers below this in magnitude, and their sums, are exact in doubles.
const WHOLE_LIMIT = 2 ** 53;

// Runs are turned cell by cell in blocks of this many: the block's rows stay in cache while every cell is
// visited, where one run at a time would miss the cache on nearly every value.
const BLOCK = 32;

/**
 * Encodes a chunk's raw values (`[run][cell]`, as `runChunk` returns them) cell by cell for the given
 * summary mode. This is done on the worker, so the main thread reads each cell's values of the chunk as one
 * contiguous column (exact mode) or counts each cell's keys into its sketch in one pass (sketch mode).
 */
export function encodeChunk(values: Float64Array, first: number, count: number, cells: number, mode: SummaryMode): ChunkResult {
  if (mode === 'values') {
    const columns = new Float64Array(count * cells);
    for (let r0 = 0; r0 < count; r0 += BLOCK) {
      const r1 = Math.min(count, r0 + BLOCK);
      for (let cell = 0; cell < cells; cell++) {
        for (let r = r0; r < r1; r++) columns[cell * count + r] = values[r * cells + cell];
      }
    }
    return { type: 'values', first, count, values: columns };
  }
  const keys = new Int32Array(count * cells);
  const sumsOf = new ExactSums(cells);
  // Most values are whole numbers of people: while a cell's whole values sum to less than 2^53 in magnitude,
  // adding them as doubles is exact, so they go to one plain sum per cell, which joins the exact partials
  // once at the end; only fractions (money, ratios) and huge totals take the exact summation per value.
  const wholeSums = new Float64Array(cells);
  const extremes = new Float64Array(2 * cells);
  for (let cell = 0; cell < cells; cell++) {
    extremes[2 * cell] = Infinity;
    extremes[2 * cell + 1] = -Infinity;
  }
  for (let r0 = 0; r0 < count; r0 += BLOCK) {
    const r1 = Math.min(count, r0 + BLOCK);
    for (let cell = 0; cell < cells; cell++) {
      let min = extremes[2 * cell];
      let max = extremes[2 * cell + 1];
      let whole = wholeSums[cell];
      // Many cells repeat one value from run to run (zeros, whole counts): its key is reused.
      let last = NaN;
      let lastKey = NAN_KEY;
      for (let r = r0; r < r1; r++) {
        const v = values[r * cells + cell];
        if (v !== last) {
          last = v;
          lastKey = sketchKey(v);
        }
        keys[cell * count + r] = lastKey;
        if (Number.isNaN(v)) continue;
        // Adding 0 leaves the exact total as it is; zeros of either sign count as +0 in the extremes, which
        // would otherwise depend on which of them a chunk saw first.
        if (v === 0) {
          if (0 < min) min = 0;
          if (0 > max) max = 0;
          continue;
        }
        const w = whole + v;
        if (Math.floor(v) === v && Math.abs(w) < WHOLE_LIMIT) whole = w;
        else sumsOf.add(cell, v);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      extremes[2 * cell] = min;
      extremes[2 * cell + 1] = max;
      wholeSums[cell] = whole;
    }
  }
  for (let cell = 0; cell < cells; cell++) if (wholeSums[cell] !== 0) sumsOf.add(cell, wholeSums[cell]);
  let size = 0;
  for (let cell = 0; cell < cells; cell++) size += 1 + sumsOf.partials(cell).length;
  const sums = new Float64Array(size);
  let at = 0;
  for (let cell = 0; cell < cells; cell++) {
    const p = sumsOf.partials(cell);
    sums[at++] = p.length;
    sums.set(p, at);
    at += p.length;
  }
  return { type: 'sketch', first, count, keys, sums, extremes };
}

import { ExactSums, exactTotal } from '../stats/exactSum.js';
import { addKeys, emptySketch, sketchRank, type LogSketch } from '../stats/logSketch.js';
import { PERCENTILES, type Summary } from '../stats/summarize.js';
import type { ChunkResult, SummaryMode } from './chunkResult.js';
import { summarizeCells, type MetricSummaries } from './summarizeRuns.js';

/** Collects chunks of runs, in any order, into per-cell summaries that do not depend on that order. */
export interface Accumulator {
  readonly mode: SummaryMode;
  add(chunk: ChunkResult): void;
  summaries(): MetricSummaries;
}

/** An exact accumulator, which also hands out a cell's values run by run (what differences run by run need). */
export interface ExactAccumulator extends Accumulator {
  readonly mode: 'values';
  /** Writes the cell's value in every run, in run order, to `into` (at least runs long) and returns it; every run must have arrived. */
  column(cell: number, into: Float64Array): Float64Array;
}

/**
 * Makes the accumulator of a Monte Carlo of `runs` runs with `metrics` x `years` cells. In exact mode it
 * keeps one double per run and cell (memory: runs x cells x 8 bytes, in the chunks as they came) and summarizes
 * them cell by cell; in sketch mode one sketch per cell
 * (memory independent of runs; percentiles within SKETCH_ALPHA relative), with exact means in both.
 */
export function makeAccumulator(runs: number, metrics: number, years: number, mode: SummaryMode): Accumulator {
  return mode === 'values' ? makeExactAccumulator(runs, metrics, years) : sketchAccumulator(runs, metrics, years);
}

/** Makes the exact accumulator of `makeAccumulator`, with access to each cell's values run by run. */
export function makeExactAccumulator(runs: number, metrics: number, years: number): ExactAccumulator {
  // The chunks themselves are kept as they arrive (each already cell by cell) and gathered a cell at a time
  // when summarizing, into one small buffer that stays in cache: copying every chunk into one store of all
  // runs as it arrived wrote each value to a fresh page far from the last, a third of a second for 10,000
  // runs, on the thread the workers share the cores with.
  const chunks: Extract<ChunkResult, { type: 'values' }>[] = [];
  let checked = false;
  const complete = () => {
    if (checked) return;
    chunks.sort((a, b) => a.first - b.first);
    let expected = 0;
    for (const chunk of chunks) {
      if (chunk.first > expected) throw new Error(`runs ${expected} to ${chunk.first - 1} never reached the accumulator`);
      if (chunk.first < expected) throw new Error(`run ${chunk.first} reached the accumulator twice`);
      expected += chunk.count;
    }
    if (expected !== runs) throw new Error(`the accumulator got ${expected} runs of ${runs}`);
    checked = true;
  };
  const column = (cell: number, into: Float64Array) => {
    complete();
    for (const { first, count, values } of chunks) into.set(values.subarray(cell * count, (cell + 1) * count), first);
    return into;
  };
  return {
    mode: 'values',
    add(chunk) {
      if (chunk.type !== 'values') throw new Error('a sketch chunk reached an exact accumulator');
      chunks.push(chunk);
      checked = false;
    },
    column,
    summaries() {
      complete();
      const into = new Float64Array(runs);
      return summarizeCells(metrics, years, runs, (cell) => column(cell, into));
    },
  };
}

function sketchAccumulator(runs: number, metrics: number, years: number): Accumulator {
  const cells = metrics * years;
  // Sketches cannot tell which runs they hold, only how many.
  let added = 0;
  const sketches: LogSketch[] = Array.from({ length: cells }, emptySketch);
  const partials = new ExactSums(cells);
  const mins = new Float64Array(cells).fill(Infinity);
  const maxs = new Float64Array(cells).fill(-Infinity);
  return {
    mode: 'sketch',
    add(chunk) {
      if (chunk.type !== 'sketch') throw new Error('a values chunk reached a sketch accumulator');
      const { count, keys, sums, extremes } = chunk;
      added += count;
      // Cell by cell: each sketch takes its chunk of keys in one pass, staying in cache.
      for (let cell = 0; cell < cells; cell++) addKeys(sketches[cell], keys, cell * count, (cell + 1) * count);
      let at = 0;
      for (let cell = 0; cell < cells; cell++) {
        const n = sums[at++];
        for (let i = 0; i < n; i++) partials.add(cell, sums[at++]);
        mins[cell] = Math.min(mins[cell], extremes[2 * cell]);
        maxs[cell] = Math.max(maxs[cell], extremes[2 * cell + 1]);
      }
    },
    summaries() {
      if (added !== runs) throw new Error(`the accumulator got ${added} runs of ${runs}`);
      return grid(metrics, years, (cell) => sketchSummary(sketches[cell], partials.partials(cell), mins[cell], maxs[cell]));
    },
  };
}

function sketchSummary(s: LogSketch, partials: Float64Array, min: number, max: number): Summary {
  const n = s.count;
  if (n === 0) return { mean: null, p5: null, p25: null, p50: null, p75: null, p95: null };
  const mean = Math.min(Math.max(exactTotal(partials) / n, min), max);
  // R-7 between the sketch's order statistics, kept within the exact extremes.
  const at = (p: number) => {
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const lower = Math.min(Math.max(sketchRank(s, lo), min), max);
    const upper = Math.min(Math.max(sketchRank(s, Math.min(lo + 1, n - 1)), min), max);
    return lower + (h - lo) * (upper - lower);
  };
  const [p5, p25, p50, p75, p95] = PERCENTILES.map(at);
  return { mean, p5, p25, p50, p75, p95 };
}

function grid(metrics: number, years: number, cell: (index: number) => Summary): MetricSummaries {
  const out: Summary[][] = [];
  for (let m = 0; m < metrics; m++) {
    const row: Summary[] = [];
    for (let y = 0; y < years; y++) row.push(cell(m * years + y));
    out.push(row);
  }
  return out;
}

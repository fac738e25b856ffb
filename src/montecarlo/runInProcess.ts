import type { CompiledScenario } from '../scenario/compiled.js';
import { runChunk } from './runChunk.js';
import { summarizeRuns, type MetricSummaries } from './summarizeRuns.js';

/** How many runs to simulate and from which master seed. */
export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each chunk with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs a scenario's Monte Carlo in this thread, chunk by chunk, and summarizes it. */
export function runInProcess(c: CompiledScenario, options: MonteCarloOptions): MetricSummaries {
  const { runs, seed } = options;
  const width = c.layout.metrics.length * c.years.length;
  const values = new Float64Array(width * runs);
  const chunk = 250;
  for (let first = 0; first < runs; first += chunk) {
    const count = Math.min(chunk, runs - first);
    values.set(runChunk(c, seed, first, count), first * width);
    options.onProgress?.(first + count, runs);
  }
  return summarizeRuns(values, runs, c.layout.metrics.length, c.years.length);
}

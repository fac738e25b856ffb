import type { CompiledScenario } from '../scenario/compiled.js';
import { makeAccumulator } from './accumulator.js';
import { encodeChunk, summaryMode } from './chunkResult.js';
import { chunksOf } from './chunksOf.js';
import { runChunk } from './runChunk.js';
import type { MetricSummaries } from './summarizeRuns.js';

/** How many runs to simulate and from which master seed. */
export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each chunk with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs a scenario's Monte Carlo synchronously in this thread and summarizes it: the same result as
 * `runMonteCarlo` with any number of workers, for callers that cannot wait on a promise.
 */
export function runInProcess(c: CompiledScenario, options: MonteCarloOptions): MetricSummaries {
  const { runs, seed } = options;
  const cells = c.layout.metrics.length * c.years.length;
  const mode = summaryMode(runs, cells);
  const acc = makeAccumulator(runs, c.layout.metrics.length, c.years.length, mode);
  for (const { first, count } of chunksOf(runs)) {
    acc.add(encodeChunk(runChunk(c, seed, first, count), first, count, cells, mode));
    options.onProgress?.(first + count, runs);
  }
  return acc.summaries();
}

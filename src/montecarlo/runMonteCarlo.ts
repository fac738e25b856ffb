import type { CompiledScenario } from '../scenario/compiled.js';
import { makeAccumulator } from './accumulator.js';
import { encodeChunk, summaryMode, type ChunkResult, type SummaryMode } from './chunkResult.js';
import { chunksOf, DEFAULT_CHUNK_SIZE } from './chunksOf.js';
import { MonteCarloAborted } from './monteCarloAborted.js';
import type { ChunkRequest } from './protocol.js';
import { runChunk } from './runChunk.js';
import type { MetricSummaries } from './summarizeRuns.js';
import { runOnPool, shipScenario, type WorkerPool } from './workerPool.js';

// Callers import the abort error from here, with the runner that throws it.
export { MonteCarloAborted };

/** How to run a Monte Carlo. */
export interface RunOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads; 1 (or fewer) runs in this thread. The output is the same for every value. */
  readonly workers?: number;
  /** Runs per task; the output is the same for every value. */
  readonly chunkSize?: number;
  /** Called as chunks finish, with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the runs promptly; the promise then rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** Forces exact or sketch summaries (by default chosen from runs x cells, see `summaryMode`). */
  readonly summaries?: SummaryMode;
  /** An open pool to run on (and leave open), instead of `workers` threads started for this call. */
  readonly pool?: WorkerPool;
}

/** Below this many runs, starting worker threads (each loads the scenario compiler) costs more than it saves. */
export const MIN_RUNS_FOR_POOL = 2000;

// Callers import the default chunk size from here, with the runner that uses it.
export { DEFAULT_CHUNK_SIZE };

/**
 * Runs a scenario's Monte Carlo, in this thread or on a pool of worker threads, and summarizes every metric
 * per year. Each run depends on (seed, run index) alone and summaries do not depend on the order chunks
 * finish in, so the result is identical for every worker count and chunk size.
 */
export async function runMonteCarlo(c: CompiledScenario, options: RunOptions): Promise<MetricSummaries> {
  const { runs, seed } = options;
  const cells = c.layout.metrics.length * c.years.length;
  const mode = options.summaries ?? summaryMode(runs, cells);
  const acc = makeAccumulator(runs, c.layout.metrics.length, c.years.length, mode);
  const chunks = chunksOf(runs, options.chunkSize);
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  let done = 0;
  const finish = (r: ChunkResult) => {
    acc.add(r);
    done += r.count;
    options.onProgress?.(done, runs);
  };

  if (options.pool === undefined && (workers <= 1 || chunks.length <= 1)) {
    for (const { first, count } of chunks) {
      if (options.signal?.aborted) throw new MonteCarloAborted();
      finish(encodeChunk(runChunk(c, seed, first, count), first, count, cells, mode));
      // Let signals (Ctrl-C) and progress output through between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw new MonteCarloAborted();
    return acc.summaries();
  }

  const shipment = shipScenario(c);
  await runOnPool(
    options.pool ?? workers,
    chunks,
    ({ first, count }): ChunkRequest => ({ type: 'chunk', ...shipment, seed, first, count, mode }),
    (_, reply) => {
      if (reply.type !== 'values' && reply.type !== 'sketch') throw new Error(`a worker answered a chunk with ${reply.type}`);
      finish(reply);
    },
    options.signal,
  );
  return acc.summaries();
}

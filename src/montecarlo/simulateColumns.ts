import type { CompiledScenario } from '../scenario/compiled.js';
import { copyColumns, encodeChunk } from './chunkResult.js';
import { chunksOf } from './chunksOf.js';
import type { ChunkRequest } from './protocol.js';
import { runChunk } from './runChunk.js';
import { runOnPool, shipScenario, type WorkerPool } from './workerPool.js';

/** How to collect every run's values on worker threads. */
export interface ColumnsOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads started for the call, or an open pool to use (and leave open). */
  readonly workers: number | WorkerPool;
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/**
 * Simulates runs [0, runs) of a scenario in this thread and returns every run's yearly values cell by cell
 * (`[metric][year][run]`, runs x metrics x years numbers): what a comparison run by run needs.
 */
export function simulateColumns(c: CompiledScenario, seed: number, runs: number): Float64Array {
  const cells = c.layout.metrics.length * c.years.length;
  const store = new Float64Array(cells * runs);
  for (const { first, count } of chunksOf(runs)) {
    const chunk = encodeChunk(runChunk(c, seed, first, count), first, count, cells, 'values');
    if (chunk.type === 'values') copyColumns(chunk, store, runs, cells);
  }
  return store;
}

/** `simulateColumns` on worker threads: the same numbers for any number of them. */
export async function simulateColumnsOnPool(c: CompiledScenario, options: ColumnsOptions): Promise<Float64Array> {
  const { runs, seed } = options;
  const cells = c.layout.metrics.length * c.years.length;
  const store = new Float64Array(cells * runs);
  const shipment = shipScenario(c);
  await runOnPool(
    options.workers,
    chunksOf(runs),
    ({ first, count }): ChunkRequest => ({ type: 'chunk', ...shipment, seed, first, count, mode: 'values' }),
    (_, reply) => {
      if (reply.type !== 'values') throw new Error('a worker answered a values chunk with something else');
      copyColumns(reply, store, runs, cells);
    },
    options.signal,
  );
  return store;
}

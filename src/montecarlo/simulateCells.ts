import { streamFor } from '../random/rng.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { resolveRun } from '../scenario/resolveRun.js';
import { cellReader } from './cellReader.js';
import { chunksOf } from './chunksOf.js';
import { drawParameters } from './drawParameters.js';
import type { CellsRequest } from './protocol.js';
import { runOnPool, shipScenario, type WorkerPool } from './workerPool.js';

/**
 * Simulates runs [first, first + count) and returns, run after run, the values of the given cells only:
 * `[run][k]`, count x cells.length numbers. `cells[k]` is a yearly cell, `metric * years + year`, or a month
 * cell, `metrics * years + metric * months + t`, the value at a moment at the end of month t (`monthCell`).
 * What a backtest or a calibration needs of each run, a few dozen numbers where a run has thousands.
 */
export function simulateCells(c: CompiledScenario, seed: number, first: number, count: number, cells: Int32Array): Float64Array {
  const read = cellReader(c, cells);
  const out = new Float64Array(count * cells.length);
  for (let i = 0; i < count; i++) {
    const run = first + i;
    read(resolveRun(c, drawParameters(c.parameters, seed, run)), (component) => streamFor(seed, run, component), out, i * cells.length);
  }
  return out;
}

/** How to collect some cells of every run on worker threads. */
export interface CellsOptions {
  readonly runs: number;
  readonly seed: number;
  /** Each cell wanted, yearly or month cell, numbered as for `simulateCells`. */
  readonly cells: Int32Array;
  /** Worker threads started for the call, or an open pool to use (and leave open). */
  readonly workers: number | WorkerPool;
  /** Takes each chunk's cells (`[run][k]`, as `simulateCells` returns them) as it arrives, in any order. */
  readonly onChunk: (first: number, count: number, values: Float64Array) => void;
  /** Called as chunks finish, with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/**
 * `simulateCells` for runs [0, runs) on worker threads, handing each chunk to `onChunk` as it comes, so the
 * caller keeps what it needs of it and memory does not grow with runs x cells: the same numbers for the
 * same runs, for any number of threads.
 */
export async function simulateCellsOnPool(c: CompiledScenario, options: CellsOptions): Promise<void> {
  const { runs, seed, cells } = options;
  const shipment = shipScenario(c);
  let done = 0;
  await runOnPool(
    options.workers,
    chunksOf(runs),
    ({ first, count }): CellsRequest => ({ type: 'cells', ...shipment, seed, first, count, cells }),
    ({ first, count }, reply) => {
      if (reply.type !== 'cells') throw new Error(`a worker answered a cells chunk with ${reply.type}`);
      options.onChunk(first, count, reply.values);
      done += count;
      options.onProgress?.(done, runs);
    },
    options.signal,
  );
}

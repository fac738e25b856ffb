import type { CompiledScenario } from '../scenario/compiled.js';
import { chunksOf, type Chunk } from './chunksOf.js';
import type { Job } from './job.js';
import { chooseRunner, type RunnerChoice } from './runner.js';
import { shipScenario } from './workerPool.js';
import type { DesignKind } from '../design/designKind.js';
import { designOf } from './designOf.js';

/** What to collect: some cells of every run, each chunk handed over as it arrives. */
export interface CellsJobOptions {
  readonly runs: number;
  readonly seed: number;
  /** Each cell wanted, yearly or month cell, numbered as for `simulateCells`. */
  readonly cells: Int32Array;
  /** Takes each chunk's cells (`[run][k]`, as `simulateCells` returns them) as it arrives, in any order. */
  readonly onChunk: (first: number, count: number, values: Float64Array) => void;
  /** Called as chunks finish, with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the uncertain parameters are sampled (default mc, plain Monte Carlo). */
  readonly design?: DesignKind;
}

/**
 * `simulateCells` for runs [0, runs) as a job, handing each chunk to `onChunk` as it comes, so the caller
 * keeps what it needs of it and memory does not grow with runs x cells: the same numbers for the same runs
 * on every runner.
 */
export function cellsJob(c: CompiledScenario, options: CellsJobOptions): Job<Chunk, void> {
  const { runs, seed, cells } = options;
  const shipment = shipScenario(c);
  const design = designOf(c, options);
  let done = 0;
  return {
    tasks: chunksOf(runs),
    request: ({ first, count }) => ({ type: 'cells', ...shipment, seed, first, count, cells, ...design }),
    take: ({ first, count }, reply) => {
      if (reply.type !== 'cells') throw new Error(`a worker answered a cells chunk with ${reply.type}`);
      options.onChunk(first, count, reply.values);
      done += count;
      options.onProgress?.(done, runs);
    },
    result: () => undefined,
  };
}

/** How to collect some cells of every run: what, and where. */
export interface CellsOptions extends CellsJobOptions, RunnerChoice {
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** Runs `cellsJob` where the options say. */
export async function collectCells(c: CompiledScenario, options: CellsOptions): Promise<void> {
  const job = cellsJob(c, options);
  await chooseRunner(options, job.tasks.length).run(job, options.signal);
}

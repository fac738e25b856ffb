import type { CompiledScenario } from '../scenario/compiled.js';
import { makeAccumulator } from './accumulator.js';
import { summaryMode, type ChunkResult, type SummaryMode } from './chunkResult.js';
import { chunksOf, DEFAULT_CHUNK_SIZE, type Chunk } from './chunksOf.js';
import type { Job } from './job.js';
import { MonteCarloAborted } from './monteCarloAborted.js';
import { chooseRunner, type RunnerChoice } from './runner.js';
import type { MetricSummaries } from './summarizeRuns.js';
import { shipScenario } from './workerPool.js';
import type { DesignKind } from '../design/designKind.js';
import { designOf } from './designOf.js';

// Callers import the abort error from here, with the runner that throws it.
export { MonteCarloAborted };

/** What a Monte Carlo runs, and how it summarizes. */
export interface MonteCarloJobOptions {
  readonly runs: number;
  readonly seed: number;
  /** Runs per task; the output is the same for every value. */
  readonly chunkSize?: number;
  /** Forces exact or sketch summaries (by default chosen from runs x cells, see `summaryMode`). */
  readonly summaries?: SummaryMode;
  /** Called as chunks finish, with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the uncertain parameters are sampled (default mc, plain Monte Carlo). */
  readonly design?: DesignKind;
}

/** How to run a Monte Carlo: what, and where (a runner, an open pool, or worker threads started for the call). */
export interface RunOptions extends MonteCarloJobOptions, RunnerChoice {
  /** Aborting stops the runs promptly; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** Below this many runs, starting worker threads (each loads the scenario compiler) costs more than it saves. */
export const MIN_RUNS_FOR_POOL = 2000;

// Callers import the default chunk size from here, with the runner that uses it.
export { DEFAULT_CHUNK_SIZE };

/**
 * A scenario's Monte Carlo as a job: chunks of runs, each summarized into every metric per year. Each run
 * depends on (seed, run index) alone and the summaries do not depend on the order chunks finish in, so the
 * result is identical on every runner, for every worker count and chunk size.
 */
export function monteCarloJob(c: CompiledScenario, options: MonteCarloJobOptions): Job<Chunk, MetricSummaries> {
  const { runs, seed } = options;
  const cells = c.layout.metrics.length * c.years.length;
  const mode = options.summaries ?? summaryMode(runs, cells);
  const acc = makeAccumulator(runs, c.layout.metrics.length, c.years.length, mode);
  const shipment = shipScenario(c);
  const design = designOf(c, options);
  let done = 0;
  return {
    tasks: chunksOf(runs, options.chunkSize),
    request: ({ first, count }) => ({ type: 'chunk', ...shipment, seed, first, count, mode, ...design }),
    take: (_, reply) => {
      if (reply.type !== 'values' && reply.type !== 'sketch') throw new Error(`a worker answered a chunk with ${reply.type}`);
      acc.add(reply as ChunkResult);
      done += reply.count;
      options.onProgress?.(done, runs);
    },
    result: () => acc.summaries(),
  };
}

/** Runs a scenario's Monte Carlo (`monteCarloJob`) where the options say, and summarizes every metric per year. */
export async function runMonteCarlo(c: CompiledScenario, options: RunOptions): Promise<MetricSummaries> {
  const job = monteCarloJob(c, options);
  return chooseRunner(options, job.tasks.length).run(job, options.signal);
}

import { chunksOf, type Chunk } from './chunksOf.js';
import type { PointBatch, SensitivityProblem } from './evaluatePoints.js';
import type { Job } from './job.js';
import { chooseRunner, type RunnerChoice } from './runner.js';
import { shipScenario } from './workerPool.js';

/**
 * Sensitivity points as a job: the model run at each point of a batch (`evaluatePoints`), as many points a
 * task as runs in a Monte Carlo's chunk, with the metric at each collected in order: the same numbers on
 * every runner.
 */
export function pointsJob(problem: SensitivityProblem, batch: PointBatch, onProgress?: (done: number, total: number) => void): Job<Chunk, Float64Array> {
  const k = problem.factors.length;
  const total = batch.runs.length;
  const out = new Float64Array(total);
  const shipment = shipScenario(problem.scenario);
  const versus = problem.versus === undefined ? undefined : shipScenario(problem.versus);
  const factors = problem.factors.map((f) => f.name);
  let done = 0;
  return {
    tasks: chunksOf(total),
    request: ({ first, count }) => ({
      type: 'points',
      ...shipment,
      seed: problem.seed,
      factors,
      metric: problem.metric,
      year: problem.year,
      u: batch.u.slice(first * k, (first + count) * k),
      runs: batch.runs.slice(first, first + count),
      ...(versus === undefined ? {} : { versus }),
    }),
    take: ({ first, count }, reply) => {
      if (reply.type !== 'points') throw new Error(`a worker answered points with ${reply.type}`);
      out.set(reply.values, first);
      done += count;
      onProgress?.(done, total);
    },
    result: () => out,
  };
}

/** How to evaluate a batch of points: where, with progress and abort. */
export interface BatchOptions extends RunnerChoice {
  /** Called as tasks finish, with the points done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the runs promptly; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** Runs `pointsJob` where the options say and returns the metric at each point, in order. */
export async function evaluateBatch(problem: SensitivityProblem, batch: PointBatch, options: BatchOptions): Promise<Float64Array> {
  const job = pointsJob(problem, batch, options.onProgress);
  return chooseRunner(options, job.tasks.length).run(job, options.signal);
}

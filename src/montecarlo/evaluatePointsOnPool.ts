import { chunksOf } from './chunksOf.js';
import type { PointBatch, SensitivityProblem } from './evaluatePoints.js';
import type { PointsRequest } from './protocol.js';
import { runOnPool, shipScenario } from './workerPool.js';

/** How to evaluate points on the pool. */
export interface PointsOptions {
  readonly workers: number;
  /** Called as tasks finish, with the points done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the workers promptly; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the model at a batch of sensitivity points on worker threads and returns the metric at each, in
 * order: the same numbers `evaluatePoints` gives in this thread, for any number of workers.
 */
export async function evaluatePointsOnPool(problem: SensitivityProblem, batch: PointBatch, options: PointsOptions): Promise<Float64Array> {
  const k = problem.factors.length;
  const total = batch.runs.length;
  const out = new Float64Array(total);
  const shipment = shipScenario(problem.scenario);
  const versus = problem.versus === undefined ? undefined : shipScenario(problem.versus);
  const factors = problem.factors.map((f) => f.name);
  let done = 0;
  await runOnPool(
    options.workers,
    // As many points a task as runs in a Monte Carlo's chunk: one run each.
    chunksOf(total),
    ({ first, count }): PointsRequest => ({
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
    ({ first, count }, reply) => {
      if (reply.type !== 'points') throw new Error('a worker answered points with a chunk');
      out.set(reply.values, first);
      done += count;
      options.onProgress?.(done, total);
    },
    options.signal,
  );
  return out;
}

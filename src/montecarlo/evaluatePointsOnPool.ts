import type { PointBatch, SensitivityProblem } from './evaluatePoints.js';
import type { PointsRequest } from './protocol.js';
import { runOnPool, shipScenario } from './workerPool.js';

/** Sensitivity points per task on the pool: as `DEFAULT_CHUNK_SIZE` runs, one run each. */
const POINTS_PER_TASK = 250;

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
  const factors = problem.factors.map((f) => f.name);
  const tasks: { first: number; end: number }[] = [];
  for (let first = 0; first < total; first += POINTS_PER_TASK) tasks.push({ first, end: Math.min(total, first + POINTS_PER_TASK) });
  let done = 0;
  await runOnPool(
    options.workers,
    tasks,
    ({ first, end }): PointsRequest => ({
      type: 'points',
      ...shipment,
      seed: problem.seed,
      factors,
      metric: problem.metric,
      year: problem.year,
      u: batch.u.slice(first * k, end * k),
      runs: batch.runs.slice(first, end),
    }),
    ({ first, end }, reply) => {
      if (reply.type !== 'points') throw new Error('a worker answered points with a chunk');
      out.set(reply.values, first);
      done += end - first;
      options.onProgress?.(done, total);
    },
    options.signal,
  );
  return out;
}

import { availableParallelism } from 'node:os';
import { MIN_RUNS_FOR_POOL } from '../montecarlo/runMonteCarlo.js';

/**
 * The worker threads of a command doing `runs` model runs, unless `--workers` gave them: every core, but
 * one (this thread) for runs too few to pay for starting threads.
 */
export function defaultWorkers(given: number | undefined, runs: number): number {
  return given ?? (runs >= MIN_RUNS_FOR_POOL ? availableParallelism() : 1);
}

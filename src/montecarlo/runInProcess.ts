import type { CompiledScenario } from '../scenario/compiled.js';
import { runJobSync } from './runner.js';
import { monteCarloJob } from './runMonteCarlo.js';
import type { MetricSummaries } from './summarizeRuns.js';

/** How many runs to simulate and from which master seed. */
export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each chunk with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs a scenario's Monte Carlo synchronously in this thread and summarizes it: the same job and result as
 * `runMonteCarlo` on any runner, for callers that cannot wait on a promise.
 */
export function runInProcess(c: CompiledScenario, options: MonteCarloOptions): MetricSummaries {
  return runJobSync(monteCarloJob(c, options));
}

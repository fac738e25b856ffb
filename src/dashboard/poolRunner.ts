import { MonteCarloAborted, runMonteCarlo } from '../montecarlo/runMonteCarlo.js';
import type { WorkerPool } from '../montecarlo/workerPool.js';
import { runReport } from '../report/runReport.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { compareOffThread } from './offThread.js';
import type { DashboardRunner } from './dashboardRunner.js';

/**
 * Runs per task on the pool: small, so even 200 runs spread over every worker and progress moves often.
 * The results do not depend on it.
 */
const CHUNK_SIZE = 50;

/**
 * The dashboard's runner: a scenario's Monte Carlo on worker threads (runMonteCarlo, then runReport), or a
 * comparison run by run in a worker thread (compareScenarios), never on the UI thread. Given an open pool it
 * runs every pass on it (threads stay warm from one pass to the next: the caller closes it); given a number,
 * each pass starts and stops that many threads. A value out of its legal range is reported located, as
 * file:line:col: message.
 */
export function poolRunner(workers: number | WorkerPool): DashboardRunner {
  const onThreads = typeof workers === 'number' ? { workers } : { pool: workers };
  return async (request, onProgress, signal) => {
    const { base, alternative, runs, seed } = request;
    if (alternative === undefined) {
      try {
        const summaries = await runMonteCarlo(base, { runs, seed, ...onThreads, chunkSize: CHUNK_SIZE, onProgress, signal });
        return { runs, base: runReport(base, seed, runs, summaries) };
      } catch (e) {
        if (e instanceof ValueRangeError) throw new Error(formatDiagnostic(rangeDiagnostic(base, e)));
        throw e;
      }
    }
    // compareScenarios reports no progress: say when it starts and ends.
    onProgress(0, runs);
    const report = await compareOffThread(base, alternative, { runs, seed }, signal);
    if (signal.aborted) throw new MonteCarloAborted();
    onProgress(runs, runs);
    const alt = report.alternatives[0];
    return { runs, base: report.scenarios[report.baseline], alternative: report.scenarios[alt], difference: report.differences[alt] };
  };
}

import { MonteCarloAborted, runMonteCarlo } from '../montecarlo/runMonteCarlo.js';
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
 * The dashboard's runner: a scenario's Monte Carlo on a pool of `workers` threads (runMonteCarlo, then
 * runReport), or a comparison run by run in a worker thread (compareScenarios), never on the UI thread.
 * A value out of its legal range is reported located, as file:line:col: message.
 */
export function poolRunner(workers: number): DashboardRunner {
  return async (request, onProgress, signal) => {
    const { base, alternative, runs, seed } = request;
    if (alternative === undefined) {
      try {
        const summaries = await runMonteCarlo(base, { runs, seed, workers, chunkSize: CHUNK_SIZE, onProgress, signal });
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

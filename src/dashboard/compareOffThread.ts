import { Worker } from 'node:worker_threads';
import type { CompareReport } from '../compare/compareScenarios.js';
import { MonteCarloAborted } from '../montecarlo/runMonteCarlo.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { CompareJob, CompareReply, ScenarioTexts } from './compareProtocol.js';

// The compiled worker entry: beside this file in dist/; from the TypeScript sources (tests), in dist/.
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/dashboard/compareWorker.js', here) : new URL('./compareWorker.js', here);
}

function texts(c: CompiledScenario): ScenarioTexts {
  return { file: c.merged.file, sources: c.merged.sources.map((s) => ({ file: s.file, text: s.text })) };
}

/**
 * Compares a baseline and an alternative run by run (compareScenarios) in a worker thread, so the screen stays
 * responsive; aborting the signal ends the thread at once and rejects with MonteCarloAborted.
 */
export function compareOffThread(base: CompiledScenario, alternative: CompiledScenario, options: { runs: number; seed: number }, signal: AbortSignal): Promise<CompareReport> {
  if (signal.aborted) return Promise.reject(new MonteCarloAborted());
  const job: CompareJob = { base: texts(base), alternative: texts(alternative), runs: options.runs, seed: options.seed };
  const worker = new Worker(workerFile(), { workerData: job });
  let onAbort = () => {};
  return new Promise<CompareReport>((resolve, reject) => {
    onAbort = () => reject(new MonteCarloAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: CompareReply) => (m.type === 'report' ? resolve(m.report) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the compare worker stopped without an answer')));
  }).finally(() => {
    signal.removeEventListener('abort', onAbort);
    void worker.terminate();
  });
}

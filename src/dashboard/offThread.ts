import { Worker } from 'node:worker_threads';
import type { CompareReport } from '../compare/compareScenarios.js';
import { MonteCarloAborted } from '../montecarlo/runMonteCarlo.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import type { TornadoRequest } from './dashboardRunner.js';
import type { ScenarioTexts, WorkerJob, WorkerReply } from './workerProtocol.js';

// The compiled worker entry: beside this file in dist/; from the TypeScript sources (tests), in dist/.
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/dashboard/dashboardWorker.js', here) : new URL('./dashboardWorker.js', here);
}

function texts(c: CompiledScenario): ScenarioTexts {
  return { file: c.merged.file, sources: c.merged.sources.map((s) => ({ file: s.file, text: s.text })) };
}

type Kind = WorkerJob['type'];
// What each kind of job answers.
type Answers = { readonly [K in Kind]: Extract<WorkerReply, { type: K }>['report'] };

// Does one job in a worker thread of its own; aborting the signal ends the thread at once and rejects with
// MonteCarloAborted.
function inWorker<T extends Kind>(job: Extract<WorkerJob, { type: T }>, signal: AbortSignal): Promise<Answers[T]> {
  if (signal.aborted) return Promise.reject(new MonteCarloAborted());
  const worker = new Worker(workerFile(), { workerData: job });
  let onAbort = () => {};
  return new Promise<Answers[T]>((resolve, reject) => {
    onAbort = () => reject(new MonteCarloAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: WorkerReply) => (m.type === 'failure' ? reject(new Error(m.message)) : resolve(m.report as Answers[T])));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error(`the dashboard's ${job.type} worker stopped without an answer`)));
  }).finally(() => {
    signal.removeEventListener('abort', onAbort);
    void worker.terminate();
  });
}

/**
 * Compares a baseline and an alternative run by run (compareScenarios) in a worker thread, so the screen stays
 * responsive; aborting the signal ends the thread at once and rejects with MonteCarloAborted.
 */
export function compareOffThread(base: CompiledScenario, alternative: CompiledScenario, options: { runs: number; seed: number }, signal: AbortSignal): Promise<CompareReport> {
  return inWorker({ type: 'compare', base: texts(base), alternative: texts(alternative), runs: options.runs, seed: options.seed }, signal);
}

/**
 * The tornado of a metric in a year (analyzeSensitivity) in a worker thread: the dashboard's default
 * TornadoRunner. Aborting the signal ends the thread at once and rejects with MonteCarloAborted.
 */
export function tornadoOffThread(request: TornadoRequest, signal: AbortSignal): Promise<TornadoReport> {
  const { scenario, metric, year, runs, seed } = request;
  return inWorker({ type: 'tornado', scenario: texts(scenario), metric, year, runs, seed }, signal);
}

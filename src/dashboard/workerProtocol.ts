import type { CompareReport } from '../compare/compareScenarios.js';
import type { SourceText } from '../scenario/memoryFilePort.js';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';

/** A scenario as texts: the file the user gave and every file of its `extends` chain, as read. */
export interface ScenarioTexts {
  readonly file: string;
  readonly sources: readonly SourceText[];
}

/** Compare a baseline and an alternative, run by run on common random numbers. */
export interface CompareJob {
  readonly type: 'compare';
  readonly base: ScenarioTexts;
  readonly alternative: ScenarioTexts;
  readonly runs: number;
  readonly seed: number;
}

/** A tornado of one metric in one year: each uncertain parameter at its p10 and p90, `runs` runs a bar. */
export interface TornadoJob {
  readonly type: 'tornado';
  readonly scenario: ScenarioTexts;
  readonly metric: string;
  readonly year: number;
  readonly runs: number;
  readonly seed: number;
}

/** The jobs the dashboard's worker thread does, one per thread. */
export type WorkerJob = CompareJob | TornadoJob;

/** The worker's answer: the job's report, or why there is none (already said in words). */
export type WorkerReply =
  | { readonly type: 'compare'; readonly report: CompareReport }
  | { readonly type: 'tornado'; readonly report: TornadoReport }
  | { readonly type: 'failure'; readonly message: string };

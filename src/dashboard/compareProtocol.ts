import type { CompareReport } from '../compare/compareScenarios.js';
import type { SourceText } from '../scenario/memoryFilePort.js';

/** A scenario as texts: the file the user gave and every file of its `extends` chain, as read. */
export interface ScenarioTexts {
  readonly file: string;
  readonly sources: readonly SourceText[];
}

/** The job the compare worker does: a baseline and an alternative, run by run on common random numbers. */
export interface CompareJob {
  readonly base: ScenarioTexts;
  readonly alternative: ScenarioTexts;
  readonly runs: number;
  readonly seed: number;
}

/** The compare worker's answer: the report, or why there is none (already said in words). */
export type CompareReply = { readonly type: 'report'; readonly report: CompareReport } | { readonly type: 'failure'; readonly message: string };

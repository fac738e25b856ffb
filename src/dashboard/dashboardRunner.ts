import type { DifferenceReport } from '../compare/compareScenarios.js';
import type { RunReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';

/** What the dashboard asks to be run: a scenario, or a baseline and an alternative to compare run by run. */
export interface RunRequest {
  readonly base: CompiledScenario;
  readonly alternative?: CompiledScenario;
  readonly runs: number;
  readonly seed: number;
}

/** What a run gives the dashboard: each scenario's report and, when comparing, the per-run differences. */
export interface RunResult {
  readonly runs: number;
  readonly base: RunReport;
  readonly alternative?: RunReport;
  /** Per metric, the distribution of alternative minus baseline, run by run on common random numbers. */
  readonly difference?: Readonly<Record<string, DifferenceReport>>;
}

/**
 * Runs what the dashboard asks, off the UI thread, reporting runs done as it goes and stopping when the signal
 * aborts (then it rejects). Injected, so tests pass a quick in-process runner.
 */
export type DashboardRunner = (request: RunRequest, onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<RunResult>;

/** What the sensitivity view asks: the tornado of a metric in a calendar year of a scenario, `runs` runs a bar. */
export interface TornadoRequest {
  readonly scenario: CompiledScenario;
  readonly metric: string;
  readonly year: number;
  readonly runs: number;
  readonly seed: number;
}

/**
 * Computes a tornado off the UI thread, rejecting when the signal aborts. Injected like the runner, so tests
 * pass a quick, fixed one.
 */
export type TornadoRunner = (request: TornadoRequest, signal: AbortSignal) => Promise<TornadoReport>;

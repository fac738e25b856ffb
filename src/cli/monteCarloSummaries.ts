import type { DesignKind } from '../design/designKind.js';
import { runMonteCarlo } from '../montecarlo/runMonteCarlo.js';
import type { MetricSummaries } from '../montecarlo/summarizeRuns.js';
import { formatTable } from '../report/formatTable.js';
import { runReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { InvalidInput } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import { withProgress } from './withProgress.js';

/** What a command's Monte Carlo needs from its options. */
export interface MonteCarloCommandOptions {
  readonly runs: number;
  readonly seed: number;
  readonly workers?: number;
  readonly quiet?: boolean;
  readonly design?: DesignKind;
}

/**
 * Runs a command's Monte Carlo: on the worker pool when it pays, with a progress line on a terminal,
 * stoppable by Ctrl-C; a value out of its legal range ends the command as an invalid scenario, located.
 */
export async function monteCarloSummaries(c: CompiledScenario, opts: MonteCarloCommandOptions, io: CliIo): Promise<MetricSummaries> {
  try {
    return await withProgress(io, opts.quiet, (onProgress) =>
      runMonteCarlo(c, { runs: opts.runs, seed: opts.seed, design: opts.design, workers: defaultWorkers(opts.workers, opts.runs), onProgress, signal: io.interrupt }),
    );
  } catch (e) {
    if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
    throw e;
  }
}

/** The table `brigadas run` prints for a scenario, with its default years. */
export async function runTableText(c: CompiledScenario, opts: MonteCarloCommandOptions, io: CliIo): Promise<string> {
  return formatTable(runReport(c, opts.seed, opts.runs, await monteCarloSummaries(c, opts, io)));
}

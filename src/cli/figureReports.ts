import { compareMemoryProblem, compareProblem, CompareRangeError, compareScenarios, type CompareReport } from '../compare/compareScenarios.js';
import type { DesignKind } from '../design/designKind.js';
import type { FanChartInput } from '../figures/fanChartSpec.js';
import { policyStrip } from '../figures/policyStrip.js';
import type { MetricDef } from '../model/layout.js';
import { runReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { VERSION } from '../version.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import { monteCarloSummaries, type MonteCarloCommandOptions } from './monteCarloSummaries.js';
import { withProgress } from './withProgress.js';

/** --runs of a chart or report when not given: enough for steady 5th and 95th percentiles. */
export const FIGURE_RUNS = 1000;

/** Ends the command before any run (exit 2) when the scenarios cannot be compared, or not in the memory allowed. */
export function checkFigureRuns(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], opts: { readonly runs: number; readonly seed: number }): void {
  if (alternatives.length === 0) return;
  const problem = compareProblem(baseline, alternatives) ?? compareMemoryProblem(baseline, alternatives, { runs: opts.runs, seed: opts.seed });
  if (problem !== undefined) throw new UsageError(problem);
}

/**
 * The numbers a chart or a report draws: what `compare --format json` gives for the scenarios (for one
 * scenario, its `run` report as a comparison with no alternatives), with progress and Ctrl-C as for `run`.
 */
export async function figureReports(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], opts: MonteCarloCommandOptions & { readonly design: DesignKind }, io: CliIo): Promise<CompareReport> {
  const { runs, seed, design } = opts;
  if (alternatives.length === 0) {
    const report = runReport(baseline, seed, runs, await monteCarloSummaries(baseline, opts, io));
    const name = report.scenario.name;
    return { brigadas: VERSION, seed, runs, years: report.years, baseline: name, alternatives: [], scenarios: { [name]: report }, differences: {} };
  }
  try {
    return await withProgress(io, opts.quiet, (onProgress) => compareScenarios(baseline, alternatives, { runs, seed, design, workers: defaultWorkers(opts.workers, runs), onProgress, signal: io.interrupt }));
  } catch (e) {
    if (e instanceof CompareRangeError) throw new InvalidInput([rangeDiagnostic(e.scenario, e)]);
    throw e;
  }
}

/** The fan chart of one metric from those numbers: every scenario, the differences, the policies under them. */
export function fanInput(r: CompareReport, scenarios: readonly CompiledScenario[], def: MetricDef, view: { from: number; to: number; width: number; height: number; design: DesignKind }): FanChartInput {
  const names = [r.baseline, ...r.alternatives];
  return {
    metric: def.name,
    unit: def.unit,
    years: r.years,
    from: view.from,
    to: view.to,
    series: names.map((n) => ({ name: n, report: r.scenarios[n].metrics[def.name] })),
    differences: r.alternatives.filter((a) => r.differences[a]?.[def.name] !== undefined).map((a) => ({ name: a, report: r.differences[a][def.name] })),
    strip: policyStrip(scenarios),
    manifest: { scenarios: names.map((n) => r.scenarios[n].scenario), runs: r.runs, seed: r.seed, design: view.design },
    width: view.width,
    height: view.height,
  };
}

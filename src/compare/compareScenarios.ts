import { simulateColumns, simulateColumnsOnPool } from '../montecarlo/simulateColumns.js';
import { summarizeColumns } from '../montecarlo/summarizeRuns.js';
import { openWorkerPool, type WorkerPool } from '../montecarlo/workerPool.js';
import { runReport, type MetricReport, type RunReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { summarize } from '../stats/summarize.js';
import { VERSION } from '../version.js';

/** How many runs each scenario gets and the master seed they share. */
export interface CompareOptions {
  readonly runs: number;
  readonly seed: number;
}

/** The per-run difference (alternative minus baseline) of one metric, summarized per year like a MetricReport. */
export interface DifferenceReport extends MetricReport {
  /** Share of runs (with a value) in which the difference is above zero; null where no run has a value. */
  readonly probabilityPositive: (number | null)[];
}

/** What `brigadas compare --format json` prints: each scenario's report and the differences from the baseline. */
export interface CompareReport {
  readonly brigadas: string;
  readonly seed: number;
  readonly runs: number;
  readonly years: number[];
  /** The key of the baseline in `scenarios`. */
  readonly baseline: string;
  /** The keys of the alternatives in `scenarios` and `differences`, in the order given. */
  readonly alternatives: string[];
  /** Each scenario's report, keyed by its name (a repeated name gets ` (2)`, ` (3)`...). */
  readonly scenarios: Record<string, RunReport>;
  /** Per alternative, per metric both scenarios have: the distribution of the per-run differences. */
  readonly differences: Record<string, Record<string, DifferenceReport>>;
}

// One scenario's per-run values cell by cell (`[metric][year][run]`, as `simulateColumns` returns them).
interface ScenarioRuns {
  readonly scenario: CompiledScenario;
  readonly values: Float64Array;
}

/**
 * A ValueRangeError from one of the scenarios being compared, saying which one: callers that only know
 * ValueRangeError still catch it, and the command line locates it without running the scenarios again.
 */
export class CompareRangeError extends ValueRangeError {
  constructor(
    readonly scenario: CompiledScenario,
    cause: ValueRangeError,
  ) {
    super(cause.path, cause.detail);
  }
}

/** Says why scenarios cannot be compared run by run (different horizons), or undefined when they can. */
export function compareProblem(baseline: CompiledScenario, alternatives: readonly CompiledScenario[]): string | undefined {
  // Run i of two scenarios shares random numbers month by month from the start, so another start would pair
  // unrelated months, and another end would sum different months into the last year: horizons must match.
  for (const a of alternatives) {
    if (a.start !== baseline.start || a.end !== baseline.end) {
      return `scenarios compared run by run must cover the same months: '${baseline.name}' runs ${baseline.start} to ${baseline.end}, '${a.name}' runs ${a.start} to ${a.end}`;
    }
  }
  return undefined;
}

/**
 * Runs a baseline and alternatives on common random numbers (run i of each uses the streams of run i) and
 * summarizes each, with the per-run differences of every alternative from the baseline. It holds the runs of
 * two scenarios at a time (runs x metrics x years numbers each).
 * Throws RangeError when compareProblem finds the scenarios incomparable, CompareRangeError (a ValueRangeError)
 * when an expression of one of them leaves its range in some run.
 */
export function compareScenarios(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: CompareOptions): CompareReport {
  const problem = compareProblem(baseline, alternatives);
  if (problem !== undefined) throw new RangeError(problem);
  const { runs, seed } = options;
  const simulate = (c: CompiledScenario): ScenarioRuns => {
    try {
      return { scenario: c, values: simulateColumns(c, seed, runs) };
    } catch (e) {
      throw e instanceof ValueRangeError ? new CompareRangeError(c, e) : e;
    }
  };
  const report = new ReportBuilder(baseline, alternatives, options, simulate(baseline));
  alternatives.forEach((c) => report.add(simulate(c)));
  return report.done();
}

/** How to compare on worker threads. */
export interface PoolCompareOptions extends CompareOptions {
  /** Worker threads started for the call, or an open pool to use (and leave open). */
  readonly workers: number | WorkerPool;
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** `compareScenarios` with the runs on worker threads: the same report for any number of them. */
export async function compareScenariosOnPool(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: PoolCompareOptions): Promise<CompareReport> {
  const problem = compareProblem(baseline, alternatives);
  if (problem !== undefined) throw new RangeError(problem);
  // One pool for every scenario: threads start, and warm up, once.
  const pool = typeof options.workers === 'number' ? openWorkerPool(options.workers) : options.workers;
  const simulate = async (c: CompiledScenario): Promise<ScenarioRuns> => {
    try {
      return { scenario: c, values: await simulateColumnsOnPool(c, { ...options, workers: pool }) };
    } catch (e) {
      throw e instanceof ValueRangeError ? new CompareRangeError(c, e) : e;
    }
  };
  try {
    const report = new ReportBuilder(baseline, alternatives, options, await simulate(baseline));
    for (const c of alternatives) report.add(await simulate(c));
    return report.done();
  } finally {
    if (pool !== options.workers) await pool.close();
  }
}

// Assembles a CompareReport scenario by scenario, holding the baseline's runs and one alternative's at a time.
class ReportBuilder {
  private readonly keys: string[];
  private readonly scenarios: Record<string, RunReport> = {};
  private readonly differences: Record<string, Record<string, DifferenceReport>> = {};
  private next = 1;

  constructor(
    baseline: CompiledScenario,
    alternatives: readonly CompiledScenario[],
    private readonly options: CompareOptions,
    private readonly base: ScenarioRuns,
  ) {
    this.keys = uniqueKeys([baseline, ...alternatives].map((c) => c.name));
    this.scenarios[this.keys[0]] = this.summary(base);
  }

  add(alt: ScenarioRuns): void {
    const key = this.keys[this.next++];
    this.scenarios[key] = this.summary(alt);
    this.differences[key] = differenceReports(this.base, alt, this.options.runs);
  }

  done(): CompareReport {
    const { seed, runs } = this.options;
    return { brigadas: VERSION, seed, runs, years: [...this.base.scenario.years], baseline: this.keys[0], alternatives: this.keys.slice(1), scenarios: this.scenarios, differences: this.differences };
  }

  private summary({ scenario: c, values }: ScenarioRuns): RunReport {
    const { seed, runs } = this.options;
    return runReport(c, seed, runs, summarizeColumns(values, runs, c.layout.metrics.length, c.years.length));
  }
}

// Metrics of hosts that only one scenario has cannot be paired: differences cover the metrics both have.
function differenceReports(base: ScenarioRuns, alt: ScenarioRuns, runs: number): Record<string, DifferenceReport> {
  const years = base.scenario.years.length;
  const column = new Float64Array(runs);
  const scratch = new Float64Array(runs);
  const out: Record<string, DifferenceReport> = {};
  base.scenario.layout.metrics.forEach((def, m) => {
    const altRow = alt.scenario.layout.index[def.name];
    if (altRow === undefined) return;
    const report: DifferenceReport = { unit: def.unit, kind: def.kind, mean: [], p5: [], p25: [], p50: [], p75: [], p95: [], probabilityPositive: [] };
    for (let y = 0; y < years; y++) {
      let counted = 0;
      let positive = 0;
      for (let r = 0; r < runs; r++) {
        const d = alt.values[(altRow * years + y) * runs + r] - base.values[(m * years + y) * runs + r];
        column[r] = d;
        if (!Number.isNaN(d)) counted++;
        if (d > 0) positive++;
      }
      const s = summarize(column, scratch);
      report.mean.push(s.mean);
      report.p5.push(s.p5);
      report.p25.push(s.p25);
      report.p50.push(s.p50);
      report.p75.push(s.p75);
      report.p95.push(s.p95);
      report.probabilityPositive.push(counted === 0 ? null : positive / counted);
    }
    out[def.name] = report;
  });
  return out;
}

// Names are free text and may repeat (a scenario compared with itself): suffix repeats so keys stay unique.
function uniqueKeys(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let key = name;
    for (let n = 2; used.has(key); n++) key = `${name} (${n})`;
    used.add(key);
    return key;
  });
}

import type { SummaryMode } from '../montecarlo/chunkResult.js';
import { chunksOf, type Chunk } from '../montecarlo/chunksOf.js';
import type { Job } from '../montecarlo/job.js';
import { memoryRefusal } from '../montecarlo/memoryBudget.js';
import { chooseRunner, type RunnerChoice } from '../montecarlo/runner.js';
import { ScenarioRangeError } from '../montecarlo/scenarioRangeError.js';
import { shipScenario } from '../montecarlo/workerPool.js';
import type { DesignKind } from '../design/designKind.js';
import { designOf } from '../montecarlo/designOf.js';
import { runReport, type MetricReport, type RunReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { VERSION } from '../version.js';
import { comparePlan, makeCompareAccumulator, type CompareAccumulator } from './compareAccumulator.js';
import { compareBytes } from './compareBytes.js';

/** How many runs each scenario gets and the master seed they share. */
export interface CompareOptions {
  readonly runs: number;
  readonly seed: number;
  /** Forces exact or sketch summaries (by default each scenario's as `run` chooses it, from runs x cells; see `comparePlan`). */
  readonly summaries?: SummaryMode;
  /** Called as chunks finish, with the runs (of every scenario) done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the uncertain parameters are sampled (default mc), the baseline's design for every scenario. */
  readonly design?: DesignKind;
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
 * Says why a comparison would not fit in memory (MEMORY_BUDGET, estimated by compareBytes: it grows with the
 * scenarios compared, not with runs beyond the exact summaries' limit), or undefined when it fits.
 */
export function compareMemoryProblem(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: CompareOptions): string | undefined {
  const scenarios = [baseline, ...alternatives];
  const bytes = compareBytes(scenarios, options.runs, comparePlan(scenarios, options.runs, options.summaries));
  return memoryRefusal(`comparing ${scenarios.length} scenarios of ${options.runs} runs`, bytes, 'compare fewer alternatives at a time');
}

// Both problems are refused before any run.
function checkComparable(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: CompareOptions): void {
  const problem = compareProblem(baseline, alternatives) ?? compareMemoryProblem(baseline, alternatives, options);
  if (problem !== undefined) throw new RangeError(problem);
}

/**
 * A comparison as a job: one task per chunk of runs of every scenario together, on common random numbers
 * (run i of each uses the streams of run i), so each chunk's differences are computed where its runs are;
 * each scenario and the run-by-run differences of every alternative from the baseline are summarized with
 * the accumulators `run` uses: exact up to EXACT_LIMIT values per scenario, sketches above, so memory does
 * not grow with runs (see `compareBytes`).
 */
export function compareJob(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: CompareOptions): Job<Chunk, CompareReport> {
  const { runs, seed } = options;
  const scenarios = [baseline, ...alternatives];
  const plan = comparePlan(scenarios, runs, options.summaries);
  const acc = makeCompareAccumulator(scenarios, runs, plan);
  const shipped = scenarios.map(shipScenario);
  const design = designOf(baseline, options);
  let done = 0;
  return {
    tasks: chunksOf(runs),
    request: ({ first, count }) => ({ type: 'compare', scenarios: shipped, seed, first, count, plan, ...design }),
    take: (_, reply) => {
      if (reply.type !== 'compare') throw new Error(`a worker answered a comparison's chunk with ${reply.type}`);
      acc.add(reply);
      done += reply.count;
      options.onProgress?.(done, runs);
    },
    result: () => compareReport(scenarios, options, acc),
  };
}

/**
 * Runs a baseline and alternatives on common random numbers (`compareJob`) where the options say, and
 * resolves to the report: the same for every runner and number of threads.
 * Rejects with RangeError when compareProblem finds the scenarios incomparable or compareMemoryProblem too
 * many, CompareRangeError (a ValueRangeError) when an expression of one of them leaves its range in some run.
 */
export async function compareScenarios(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: CompareRunOptions): Promise<CompareReport> {
  checkComparable(baseline, alternatives, options);
  const job = compareJob(baseline, alternatives, options);
  try {
    return await chooseRunner(options, job.tasks.length).run(job, options.signal);
  } catch (e) {
    throw located([baseline, ...alternatives], e);
  }
}

/** How to compare: what, and where (a runner, an open pool or worker threads started for the call). */
export interface CompareRunOptions extends CompareOptions, RunnerChoice {
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

// Says which scenario a range error came from.
function located(scenarios: readonly CompiledScenario[], e: unknown): unknown {
  return e instanceof ScenarioRangeError ? new CompareRangeError(scenarios[e.scenario], e) : e;
}

// The report from the accumulated summaries; each scenario is keyed by its name, made unique.
function compareReport(scenarios: readonly CompiledScenario[], options: CompareOptions, acc: CompareAccumulator): CompareReport {
  const { seed, runs } = options;
  const keys = uniqueKeys(scenarios.map((c) => c.name));
  const reports: Record<string, RunReport> = {};
  const differences: Record<string, Record<string, DifferenceReport>> = {};
  scenarios.forEach((c, i) => {
    reports[keys[i]] = runReport(c, seed, runs, acc.scenario(i));
    if (i > 0) differences[keys[i]] = differenceReports(scenarios[0], acc, i - 1);
  });
  return { brigadas: VERSION, seed, runs, years: [...scenarios[0].years], baseline: keys[0], alternatives: keys.slice(1), scenarios: reports, differences };
}

// Metrics of hosts that only one scenario has cannot be paired: differences cover the metrics both have.
function differenceReports(base: CompiledScenario, acc: CompareAccumulator, j: number): Record<string, DifferenceReport> {
  const { cells, summaries, probabilityPositive } = acc.differences(j);
  const out: Record<string, DifferenceReport> = {};
  cells.metrics.forEach((m, i) => {
    const def = base.layout.metrics[m];
    const row = summaries[i];
    out[def.name] = {
      unit: def.unit,
      kind: def.kind,
      mean: row.map((s) => s.mean),
      p5: row.map((s) => s.p5),
      p25: row.map((s) => s.p25),
      p50: row.map((s) => s.p50),
      p75: row.map((s) => s.p75),
      p95: row.map((s) => s.p95),
      probabilityPositive: [...probabilityPositive[i]],
    };
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

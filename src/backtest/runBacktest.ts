import { makeAccumulator } from '../montecarlo/accumulator.js';
import { encodeChunk, summaryMode } from '../montecarlo/chunkResult.js';
import { cellsJob } from '../montecarlo/cellsJob.js';
import type { Chunk } from '../montecarlo/chunksOf.js';
import type { Job } from '../montecarlo/job.js';
import { chooseRunner, type RunnerChoice } from '../montecarlo/runner.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { summarize } from '../stats/summarize.js';
import { judgeTarget, type TargetResult } from './judgeTarget.js';
import type { ResolvedTarget } from './resolveTargets.js';
import { targetCells } from './targetCells.js';
import { targetValue } from './targetValue.js';
import { summarizeBacktest, type BacktestSummary } from './summarizeBacktest.js';
import type { Target } from './target.js';
import { scenarioIdentity } from '../scenario/scenarioIdentity.js';

/** What `brigadas backtest` reports: each target judged against the scenario's runs, and the summary. */
export interface BacktestReport {
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly targetsFile: string;
  readonly seed: number;
  readonly runs: number;
  readonly results: readonly TargetResult[];
  readonly summary: BacktestSummary;
}

/** What a back-test runs: runs of a scenario from a seed, with progress. */
export interface BacktestOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called as chunks finish, with the runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A back-test as a job: each target's value computed run by run from the cells it reads (so ratios and
 * fiscal years are exact per run), summarized chunk by chunk with the accumulators `run` uses (one cell per
 * target: exact up to EXACT_LIMIT values, within 0.1% above, in memory that does not grow with runs), and
 * each target judged against the p5, p50 and p95 of its values across runs.
 */
export function backtestJob(c: CompiledScenario, targets: readonly ResolvedTarget[], targetsFile: string, options: BacktestOptions): Job<Chunk, BacktestReport> {
  const { runs, seed } = options;
  const tc = targetCells(targets);
  const width = targets.length;
  const mode = summaryMode(runs, width);
  const acc = makeAccumulator(runs, width, 1, mode);
  const cellsOfRuns = cellsJob(c, {
    runs,
    seed,
    cells: tc.cells,
    onProgress: options.onProgress,
    onChunk: (first, count, cells) => {
      // Each run's target values, run after run (`[run][target]`), as a chunk of runs is encoded.
      const values = new Float64Array(count * width);
      for (let i = 0; i < count; i++) tc.targets.forEach((t, k) => (values[i * width + k] = targetValue(t, cells, i * tc.cells.length)));
      acc.add(encodeChunk(values, first, count, width, mode));
    },
  });
  return {
    ...cellsOfRuns,
    result: () => {
      const summaries = acc.summaries();
      const results = targets.map((t, k) => {
        const s = summaries[k][0];
        return judgeTarget(t.target, { p5: s.p5, p50: s.p50, p95: s.p95 });
      });
      return {
        scenario: scenarioIdentity(c),
        targetsFile,
        seed,
        runs,
        results,
        summary: summarizeBacktest(results),
      };
    },
  };
}

/** How to run a back-test: what, and where (a runner, an open pool, or worker threads started for the call). */
export interface BacktestRunOptions extends BacktestOptions, RunnerChoice {
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** Runs `backtestJob` where the options say and resolves to the report. */
export async function runBacktest(c: CompiledScenario, targets: readonly ResolvedTarget[], targetsFile: string, options: BacktestRunOptions): Promise<BacktestReport> {
  const job = backtestJob(c, targets, targetsFile, options);
  return chooseRunner(options, job.tasks.length).run(job, options.signal);
}

/** Judges each target against the p5, p50 and p95 of its values across runs, `samples[k]` for target k. */
export function judgeSamples(targets: readonly Target[], samples: readonly Float64Array[]): TargetResult[] {
  return targets.map((t, k) => {
    const s = summarize(samples[k]);
    return judgeTarget(t, { p5: s.p5, p50: s.p50, p95: s.p95 });
  });
}

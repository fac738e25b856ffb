import { createHash } from 'node:crypto';
import { makeAccumulator } from '../montecarlo/accumulator.js';
import { encodeChunk, summaryMode } from '../montecarlo/chunkResult.js';
import { chunksOf } from '../montecarlo/chunksOf.js';
import type { MonteCarloOptions } from '../montecarlo/runInProcess.js';
import { simulateCells } from '../montecarlo/simulateCells.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { summarize } from '../stats/summarize.js';
import { judgeTarget, type TargetResult } from './judgeTarget.js';
import type { ResolvedTarget } from './resolveTargets.js';
import { targetCells } from './targetCells.js';
import { targetValue } from './targetValue.js';
import { summarizeBacktest, type BacktestSummary } from './summarizeBacktest.js';
import type { Target } from './target.js';

/** What `brigadas backtest` reports: each target judged against the scenario's runs, and the summary. */
export interface BacktestReport {
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly targetsFile: string;
  readonly seed: number;
  readonly runs: number;
  readonly results: readonly TargetResult[];
  readonly summary: BacktestSummary;
}

/**
 * Runs a scenario's Monte Carlo and judges each target against the p5, p50 and p95 of its model value
 * across runs. Each target's value is computed run by run (so ratios and fiscal years are exact per run),
 * and summarized chunk by chunk with the accumulators `run` uses (one cell per target): exact up to
 * EXACT_LIMIT values, within 0.1% above, in memory that does not grow with runs.
 */
export function runBacktest(c: CompiledScenario, targets: readonly ResolvedTarget[], targetsFile: string, options: MonteCarloOptions): BacktestReport {
  const { runs, seed } = options;
  const tc = targetCells(targets);
  const width = targets.length;
  const mode = summaryMode(runs, width);
  const acc = makeAccumulator(runs, width, 1, mode);
  for (const { first, count } of chunksOf(runs)) {
    const cells = simulateCells(c, seed, first, count, tc.cells);
    // Each run's target values, run after run (`[run][target]`), as a chunk of runs is encoded.
    const values = new Float64Array(count * width);
    for (let i = 0; i < count; i++) tc.targets.forEach((t, k) => (values[i * width + k] = targetValue(t, cells, i * tc.cells.length)));
    acc.add(encodeChunk(values, first, count, width, mode));
    options.onProgress?.(first + count, runs);
  }
  const summaries = acc.summaries();
  const results = targets.map((t, k) => {
    const s = summaries[k][0];
    return judgeTarget(t.target, { p5: s.p5, p50: s.p50, p95: s.p95 });
  });
  return {
    scenario: { name: c.name, file: c.file, sha256: createHash('sha256').update(c.text).digest('hex') },
    targetsFile,
    seed,
    runs,
    results,
    summary: summarizeBacktest(results),
  };
}

/** Judges each target against the p5, p50 and p95 of its values across runs, `samples[k]` for target k. */
export function judgeSamples(targets: readonly Target[], samples: readonly Float64Array[]): TargetResult[] {
  return targets.map((t, k) => {
    const s = summarize(samples[k]);
    return judgeTarget(t, { p5: s.p5, p50: s.p50, p95: s.p95 });
  });
}

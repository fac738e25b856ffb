import { createHash } from 'node:crypto';
import { chunksOf } from '../montecarlo/chunksOf.js';
import type { MonteCarloOptions } from '../montecarlo/runInProcess.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { summarize } from '../stats/summarize.js';
import { judgeTarget, type TargetResult } from './judgeTarget.js';
import type { ResolvedTarget } from './resolveTargets.js';
import { fillTargetSamples } from './fillTargetSamples.js';
import { targetCells } from './targetCells.js';
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
 * and only those values are kept, not every metric of every run.
 */
export function runBacktest(c: CompiledScenario, targets: readonly ResolvedTarget[], targetsFile: string, options: MonteCarloOptions): BacktestReport {
  const { runs, seed } = options;
  const samples = targets.map(() => new Float64Array(runs));
  const tc = targetCells(targets);
  for (const { first, count } of chunksOf(runs)) {
    fillTargetSamples(c, tc, seed, first, count, samples);
    options.onProgress?.(first + count, runs);
  }
  const results = judgeSamples(targets.map((t) => t.target), samples);
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

import { judgeTarget, type TargetResult } from '../backtest/judgeTarget.js';
import { judgeSamples } from '../backtest/runBacktest.js';
import { summarizeBacktest, type BacktestSummary } from '../backtest/summarizeBacktest.js';
import type { Target } from '../backtest/target.js';
import { drawParameters } from '../montecarlo/drawParameters.js';
import { quantile, type Distribution } from '../random/distribution.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { abcDistances } from './abcDistances.js';
import { abcWeights } from './abcWeights.js';
import { effectiveSampleSize } from './effectiveSampleSize.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';
import { weightedCorrelation } from './weightedCorrelation.js';
import { weightedQuantiles } from './weightedQuantiles.js';
import { scenarioIdentity } from '../scenario/scenarioIdentity.js';

/** How many equally likely values stand for a calibrated parameter's posterior in the written scenario. */
export const POSTERIOR_POINTS = 40;

/** Posterior correlations at least this strong are reported (they are lost in the written marginals). */
const REPORTED_CORRELATION = 0.2;

/** p5, p50 and p95 of a distribution. */
export interface Quantiles {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** One uncertain parameter's prior and posterior. */
export interface ParameterPosterior {
  readonly name: string;
  readonly prior: Distribution;
  readonly source: string;
  /** Whether some fit target can move it; the others keep their priors in the written scenario. */
  readonly informed: boolean;
  /** The prior's exact quantiles. */
  readonly priorQuantiles: Quantiles;
  /** The weighted quantiles of the kept draws. */
  readonly posteriorQuantiles: Quantiles;
  /** The posterior's quantiles at (j + 0.5) / POSTERIOR_POINTS, j = 0 ... POSTERIOR_POINTS - 1 (empty when not informed). */
  readonly points: readonly number[];
}

/** Every target judged against one set of weighted draws, and the coverage that gives. */
export interface JudgedDraws {
  readonly results: readonly TargetResult[];
  readonly summary: BacktestSummary;
}

/** What `brigadas calibrate` reports, and what the calibrated scenario is written from. */
export interface CalibrationReport {
  readonly scenario: { readonly name: string; readonly description: string; readonly file: string; readonly sha256: string };
  readonly targetsFile: string;
  readonly seed: number;
  readonly draws: number;
  /** How many draws were kept (the nearest), and their effective sample size under the kernel weights. */
  readonly kept: number;
  readonly effectiveSampleSize: number;
  readonly fitTargets: number;
  readonly fitSeries: number;
  readonly parameters: readonly ParameterPosterior[];
  /** The targets against all draws, equally weighted (the prior), and against the kept draws, weighted (the posterior). */
  readonly prior: JudgedDraws;
  readonly posterior: JudgedDraws;
  /** The strongest posterior correlations between informed parameters, strongest first. */
  readonly correlations: readonly { readonly first: string; readonly second: string; readonly r: number }[];
}

/** What a calibration is computed from: run i of the scenario (seed, i) is draw i. */
export interface CalibrationInput {
  readonly scenario: CompiledScenario;
  /** Every target of the file; only those of the fit set are fitted, all are judged. */
  readonly targets: readonly Target[];
  /** `samples[k][i]`: target k's model value in draw i. */
  readonly samples: readonly Float64Array[];
  /** The parameters some fit target can move (informedParameters). */
  readonly informed: readonly string[];
  readonly targetsFile: string;
  readonly seed: number;
  readonly draws: number;
  /** How many of the nearest draws to keep. */
  readonly keep: number;
}

/**
 * Calibrates a scenario's uncertain parameters to the fit targets by approximate Bayesian computation:
 * each draw (one run: its parameters and its random streams) is scored by its distance from the fit targets
 * (abcDistances), the nearest `keep` are kept with Epanechnikov weights (abcWeights), and the weighted
 * draws are the posterior, summarized parameter by parameter and judged against every target.
 */
export function calibrateDraws(input: CalibrationInput): CalibrationReport {
  const { scenario: c, targets, samples, draws, seed } = input;
  const fit = targets.flatMap((t, k) => (t.set === 'fit' ? [k] : []));
  const distances = abcDistances(
    fit.map((k) => targets[k]),
    fit.map((k) => samples[k]),
    draws,
  );
  const weights = abcWeights(distances, input.keep);
  const informed = new Set(input.informed);
  const uncertain = uncertainParameters(c.parameters);
  const values = new Map(uncertain.map((p) => [p.name, new Float64Array(draws)]));
  for (let i = 0; i < draws; i++) {
    const drawn = drawParameters(uncertain, seed, i);
    for (const p of uncertain) (values.get(p.name) as Float64Array)[i] = drawn[p.name];
  }
  const parameters = uncertain.map((p): ParameterPosterior => {
    const v = values.get(p.name) as Float64Array;
    // Integer parameters are drawn rounded (drawParameters): their summaries are whole numbers too.
    const whole = (xs: number[]) => (p.integer ? xs.map(Math.round) : xs);
    const [p5, p50, p95] = whole(weightedQuantiles(v, weights, [0.05, 0.5, 0.95]));
    const priorAt = (u: number) => (p.integer ? Math.round(quantile(p.dist, u)) : quantile(p.dist, u));
    const points = informed.has(p.name) ? whole(weightedQuantiles(v, weights, Array.from({ length: POSTERIOR_POINTS }, (_, j) => (j + 0.5) / POSTERIOR_POINTS))) : [];
    return {
      name: p.name,
      prior: p.dist,
      source: p.source,
      informed: informed.has(p.name),
      priorQuantiles: { p5: priorAt(0.05), p50: priorAt(0.5), p95: priorAt(0.95) },
      posteriorQuantiles: { p5, p50, p95 },
      points,
    };
  });
  const judged = (results: TargetResult[]): JudgedDraws => ({ results, summary: summarizeBacktest(results) });
  const posterior = targets.map((t, k) => {
    const [p5, p50, p95] = weightedQuantiles(samples[k], weights, [0.05, 0.5, 0.95]).map((x) => (Number.isNaN(x) ? null : x));
    return judgeTarget(t, { p5, p50, p95 });
  });
  return {
    scenario: { name: c.name, description: c.description, file: c.file, sha256: scenarioIdentity(c).sha256 },
    targetsFile: input.targetsFile,
    seed,
    draws,
    kept: Math.max(0, Math.min(draws, Math.floor(input.keep))),
    effectiveSampleSize: effectiveSampleSize(weights),
    fitTargets: fit.length,
    fitSeries: new Set(fit.map((k) => targets[k].series)).size,
    parameters,
    prior: judged(judgeSamples(targets, samples)),
    posterior: judged(posterior),
    correlations: correlations(parameters.filter((p) => p.informed).map((p) => p.name), values, weights),
  };
}

function correlations(names: readonly string[], values: ReadonlyMap<string, Float64Array>, weights: Float64Array) {
  const out: { first: string; second: string; r: number }[] = [];
  names.forEach((a, i) => {
    for (const b of names.slice(i + 1)) {
      const r = weightedCorrelation(values.get(a) as Float64Array, values.get(b) as Float64Array, weights);
      if (Math.abs(r) >= REPORTED_CORRELATION) out.push({ first: a, second: b, r });
    }
  });
  return out.sort((x, y) => Math.abs(y.r) - Math.abs(x.r) || x.first.localeCompare(y.first) || x.second.localeCompare(y.second));
}

import { quantile } from '../random/distribution.js';
import { streamFor, type Rng } from '../random/rng.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { VERSION } from '../version.js';
import type { PointBatch, SensitivityProblem } from '../montecarlo/evaluatePoints.js';
import { morrisDesign, morrisEffects, type MorrisEffect } from './morris.js';
import { saltelliDesign, saltelliPoints, sobolIndices, type Estimate, type PairEstimate } from './sobol.js';
import { scenarioIdentity } from '../scenario/scenarioIdentity.js';

/** The sensitivity methods, cheapest first. */
export const SENSITIVITY_METHODS = ['tornado', 'morris', 'sobol'] as const;
/** A sensitivity method: one-at-a-time swings, elementary-effect screening or variance-based indices. */
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** Runs the model at a batch of points (see evaluatePoints); may be asynchronous, e.g. on worker threads. */
export type BatchEvaluator = (batch: PointBatch) => Float64Array | Promise<Float64Array>;

/** The quantiles of a tornado's low and high bars. */
export const TORNADO_QUANTILES = [0.1, 0.9] as const;
/** How tables and CSV name the runs' random streams among the Sobol factors (no parameter name has spaces). */
export const RANDOM_STREAMS = '(random streams of the run)';
/** Bootstrap resamples and confidence level of the Sobol indices' intervals. */
export const SOBOL_BOOTSTRAP = { resamples: 1000, confidence: 0.95 } as const;

/** One end of a tornado bar: the parameter at a quantile, its value there and the metric that results. */
export interface TornadoEnd {
  readonly quantile: number;
  readonly value: number;
  readonly metric: number;
}

/** One bar of a tornado chart. */
export interface TornadoBar {
  readonly parameter: string;
  readonly low: TornadoEnd;
  readonly high: TornadoEnd;
  /** |metric at high - metric at low|: what the bars are sorted by. */
  readonly swing: number;
}

/** What every sensitivity report says: the scenario, metric and year, the design's size and the factors. */
export interface SensitivityHeader {
  readonly brigadas: string;
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  /** When present, what is explained is this policy's effect: its metric less the scenario's, run by run. */
  readonly versus?: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly metric: string;
  readonly unit: string;
  readonly year: number;
  readonly seed: number;
  /** Runs per bar (tornado), trajectories (morris) or base samples (sobol). */
  readonly samples: number;
  /** How many times the model was run. */
  readonly modelRuns: number;
  /** The uncertain parameters varied; every other parameter is fixed. */
  readonly factors: string[];
}

/** A tornado analysis: the base value (all parameters at their medians) and the bars by decreasing swing. */
export interface TornadoReport extends SensitivityHeader {
  readonly method: 'tornado';
  readonly base: number;
  readonly bars: TornadoBar[];
}

/** A Morris screening: grid, step, and each parameter's effects by decreasing mu*. */
export interface MorrisReport extends SensitivityHeader {
  readonly method: 'morris';
  readonly levels: number;
  readonly delta: number;
  readonly effects: (MorrisEffect & { readonly parameter: string })[];
}

/** Sobol indices of one parameter (or of the runs' random streams). */
export interface SobolEntry {
  readonly parameter: string;
  readonly firstOrder: Estimate;
  readonly total: Estimate;
}

/** The second-order Sobol index of two factors (named in the order of `factors`, the random streams last). */
export interface SobolPair extends Estimate {
  readonly parameters: readonly [string, string];
}

/** A Sobol analysis: the output's mean and variance, the indices by decreasing total index, and the random streams'. */
export interface SobolReport extends SensitivityHeader {
  readonly method: 'sobol';
  readonly resamples: number;
  readonly confidence: number;
  readonly mean: number;
  readonly variance: number;
  readonly indices: SobolEntry[];
  /** The runs' random streams (the stochastic flows) treated as one more factor. */
  readonly randomStreams: Omit<SobolEntry, 'parameter'>;
  /**
   * Only when asked for: the second-order index of every pair of factors (the random streams included), by
   * decreasing |S2|; SALib's S2 matrix entry [i][j], i < j in factor order, is the pair of factors i and j.
   */
  readonly secondOrder?: SobolPair[];
}

/** What `brigadas sensitivity --format json` prints. */
export type SensitivityReport = TornadoReport | MorrisReport | SobolReport;

/** A metric with no value (NaN: a ratio with a zero denominator) at some point of the design. */
export class UndefinedMetricError extends Error {}

/** What an analysis may do beyond the default: Sobol second-order indices, and show the caller every run. */
export interface AnalysisOptions {
  /** Sobol only (an error with another method): add second-order indices, n (2D + 2) model runs for n (D + 2). */
  readonly secondOrder?: boolean;
  /**
   * Called with each batch of points and the metric at them, in order, as soon as it is evaluated and before
   * the check for NaN (so the points without a value can be found); the arrays are the analysis's own: read,
   * don't write.
   */
  readonly onEvaluated?: (batch: PointBatch, y: Float64Array) => void | Promise<void>;
}

/**
 * Analyses how a metric in a year depends on a scenario's uncertain parameters by tornado, Morris or Sobol,
 * running the model through `evaluate` (one call per method, with every point of its design).
 */
export async function analyzeSensitivity(
  problem: SensitivityProblem,
  method: SensitivityMethod,
  samples: number,
  evaluate: BatchEvaluator,
  options: AnalysisOptions = {},
): Promise<SensitivityReport> {
  const secondOrder = options.secondOrder === true;
  if (secondOrder && method !== 'sobol') throw new RangeError(`second-order indices are Sobol indices; method ${method} has none`);
  const { onEvaluated } = options;
  const study: Study = {
    problem,
    samples,
    names: problem.factors.map((f) => f.name),
    secondOrder,
    async run(batch) {
      const y = await evaluate(batch);
      if (onEvaluated !== undefined) await onEvaluated(batch, y);
      const missing = y.filter(Number.isNaN).length;
      if (missing > 0) {
        throw new UndefinedMetricError(`${problem.metric} has no value in ${problem.year} in ${missing} of ${y.length} model runs (a ratio with a zero denominator); choose another metric or year`);
      }
      return y;
    },
    header: (modelRuns) => sensitivityHeader(problem, samples, modelRuns),
    stream: (purpose) => streamFor(problem.seed, 0, `sensitivity:${method}:${purpose}`),
  };
  return method === 'tornado' ? tornado(study) : method === 'morris' ? morrisScreening(study) : sobolAnalysis(study);
}

// What the three methods share: the problem, the design size, the model behind its NaN check, the report's
// header, and seeded streams of their own (run 0, components no model stream uses).
interface Study {
  readonly problem: SensitivityProblem;
  readonly samples: number;
  readonly names: readonly string[];
  readonly secondOrder: boolean;
  readonly run: (batch: PointBatch) => Promise<Float64Array>;
  readonly header: (modelRuns: number) => SensitivityHeader;
  readonly stream: (purpose: string) => Rng;
}

async function tornado({ problem, samples, names, run, header }: Study): Promise<TornadoReport> {
  const k = names.length;
  // 2k + 1 settings (all medians, then each factor low and high), each over runs 0..samples-1.
  const settings = 2 * k + 1;
  const u = new Float64Array(settings * samples * k).fill(0.5);
  const runs = new Float64Array(settings * samples);
  for (let s = 0; s < settings; s++) {
    for (let r = 0; r < samples; r++) {
      const p = s * samples + r;
      runs[p] = r;
      if (s > 0) u[p * k + ((s - 1) >> 1)] = TORNADO_QUANTILES[(s - 1) & 1];
    }
  }
  const y = await run({ u, runs });
  const mean = (s: number) => y.subarray(s * samples, (s + 1) * samples).reduce((a, b) => a + b, 0) / samples;
  const end = (i: number, side: 0 | 1): TornadoEnd => {
    const f = problem.factors[i];
    const x = quantile(f.dist, TORNADO_QUANTILES[side]);
    return { quantile: TORNADO_QUANTILES[side], value: f.integer ? Math.round(x) : x, metric: mean(1 + 2 * i + side) };
  };
  const bars = names.map((parameter, i) => {
    const low = end(i, 0);
    const high = end(i, 1);
    return { parameter, low, high, swing: Math.abs(high.metric - low.metric) };
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { ...header(y.length), method: 'tornado', base: mean(0), bars };
}

async function morrisScreening({ samples, names, run, header, stream }: Study): Promise<MorrisReport> {
  const k = names.length;
  const design = morrisDesign(k, samples, stream('design'));
  // Every point of trajectory t uses run t: its elementary effects compare runs on common random numbers.
  const runs = Float64Array.from({ length: samples * (k + 1) }, (_, p) => Math.floor(p / (k + 1)));
  const y = await run({ u: design.points, runs });
  const effects = morrisEffects(design, y).map((e, i) => ({ parameter: names[i], ...e }));
  effects.sort((a, b) => b.muStar - a.muStar);
  return { ...header(y.length), method: 'morris', levels: design.levels, delta: design.delta, effects };
}

async function sobolAnalysis({ samples, names, secondOrder, run, header, stream }: Study): Promise<SobolReport> {
  // The run (its random streams) is one more input, the last column: AB_i keeps A's run for i < k (common
  // random numbers, so the difference is x_i's alone), and the streams get indices of their own.
  const k = names.length;
  const dim = k + 1;
  const points = saltelliPoints(saltelliDesign(dim, samples, stream('design')), { secondOrder });
  const count = points.length / dim;
  const u = new Float64Array(count * k);
  const runs = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    u.set(points.subarray(p * dim, p * dim + k), p * k);
    runs[p] = Math.floor(points[p * dim + k] * 2 ** 32);
  }
  const y = await run({ u, runs });
  const s = sobolIndices(y, samples, dim, { ...SOBOL_BOOTSTRAP, rng: stream('bootstrap') }, { secondOrder });
  const indices = names.map((parameter, i) => ({ parameter, firstOrder: s.firstOrder[i], total: s.total[i] }));
  indices.sort((a, b) => b.total.estimate - a.total.estimate);
  return {
    ...header(y.length),
    method: 'sobol',
    ...SOBOL_BOOTSTRAP,
    mean: s.mean,
    variance: s.variance,
    indices,
    randomStreams: { firstOrder: s.firstOrder[k], total: s.total[k] },
    ...(s.secondOrder === undefined ? {} : { secondOrder: rankPairs(s.secondOrder, [...names, RANDOM_STREAMS]) }),
  };
}

// Names the pairs and ranks them by |S2|, largest first; a NaN estimate (no variance) goes last, and the
// stable sort keeps ties in factor order.
function rankPairs(pairs: readonly PairEstimate[], names: readonly string[]): SobolPair[] {
  const size = (e: number) => (Number.isNaN(e) ? -1 : Math.abs(e));
  return pairs
    .map(({ i, j, estimate, low, high }) => ({ parameters: [names[i], names[j]] as const, estimate, low, high }))
    .sort((a, b) => size(b.estimate) - size(a.estimate));
}

function sensitivityHeader(problem: SensitivityProblem, samples: number, modelRuns: number): SensitivityHeader {
  const c: CompiledScenario = problem.scenario;
  return {
    brigadas: VERSION,
    scenario: scenarioIdentity(c),
    ...(problem.versus === undefined
      ? {}
      : { versus: scenarioIdentity(problem.versus) }),
    metric: problem.metric,
    unit: c.layout.metrics[c.layout.index[problem.metric]].unit,
    year: problem.year,
    seed: problem.seed,
    samples,
    // A policy's effect takes two model runs a point, one of each scenario.
    modelRuns: problem.versus === undefined ? modelRuns : 2 * modelRuns,
    factors: problem.factors.map((f) => f.name),
  };
}

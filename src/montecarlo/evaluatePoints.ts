import { simulateRun } from '../model/simulateRun.js';
import { quantile } from '../random/distribution.js';
import { streamFor } from '../random/rng.js';
import type { CompiledParameter, CompiledScenario } from '../scenario/compiled.js';
import { resolveRun } from '../scenario/resolveRun.js';

/** What a sensitivity analysis evaluates: one metric in one year of a scenario, as a function of its factors. */
export interface SensitivityProblem {
  readonly scenario: CompiledScenario;
  /** The parameters varied, in the order of each point's quantiles. */
  readonly factors: readonly CompiledParameter[];
  readonly seed: number;
  readonly metric: string;
  readonly year: number;
  /**
   * When given, the quantity explained is a policy's effect: the metric in `versus` less the metric in
   * `scenario`, both run at the same point on the same random streams (common random numbers), so only the
   * factors' influence on the difference is left.
   */
  readonly versus?: CompiledScenario;
}

/**
 * Points at which to run the model: for each, one quantile in [0, 1) per factor (`u`, row-major) and the run
 * index whose random streams its stochastic flows use (`runs`): the same run at two points is common
 * random numbers.
 */
export interface PointBatch {
  readonly u: Float64Array;
  readonly runs: Float64Array;
}

/**
 * Runs the model once per point, with each factor at quantile(dist, u) and every other parameter at its
 * median, and returns the metric in the year: the unit of work that can move to worker threads as it is.
 */
export function evaluatePoints(problem: SensitivityProblem, batch: PointBatch): Float64Array {
  const { scenario: c, factors, seed, versus } = problem;
  const k = factors.length;
  const base = cellOf(c, problem.metric, problem.year);
  const alt = versus === undefined ? undefined : cellOf(versus, problem.metric, problem.year);
  // Non-factors are fixed (or degenerate): any quantile gives their value; the median is the natural one.
  const params = medians(c);
  const altParams = versus === undefined ? undefined : medians(versus);
  const out = new Float64Array(batch.runs.length);
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < k; j++) {
      const x = draw(factors[j], batch.u[i * k + j]);
      params[factors[j].name] = x;
      if (altParams !== undefined) altParams[factors[j].name] = x;
    }
    const run = batch.runs[i];
    const streams = (component: string) => streamFor(seed, run, component);
    const value = simulateRun(resolveRun(c, params), c.layout, c.years.length, streams)[base];
    if (versus === undefined || altParams === undefined || alt === undefined) out[i] = value;
    else out[i] = simulateRun(resolveRun(versus, altParams), versus.layout, versus.years.length, streams)[alt] - value;
  }
  return out;
}

// Where a metric in a year sits in a run's output.
function cellOf(c: CompiledScenario, metric: string, year: number): number {
  const row = c.layout.index[metric];
  const y = c.years.indexOf(year);
  if (row === undefined || y < 0) throw new RangeError(`no metric '${metric}' in ${year} in scenario '${c.name}'`);
  return row * c.years.length + y;
}

function medians(c: CompiledScenario): Record<string, number> {
  const params: Record<string, number> = {};
  for (const p of c.parameters) params[p.name] = draw(p, 0.5);
  return params;
}

// As drawParameters does: integer parameters are rounded, so the values met here are ones a run can draw.
function draw(p: CompiledParameter, u: number): number {
  const x = quantile(p.dist, u);
  return p.integer ? Math.round(x) : x;
}

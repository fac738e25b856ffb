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
  const { scenario: c, factors, seed } = problem;
  const k = factors.length;
  const row = c.layout.index[problem.metric];
  const y = c.years.indexOf(problem.year);
  if (row === undefined || y < 0) throw new RangeError(`no metric '${problem.metric}' in ${problem.year} in scenario '${c.name}'`);
  const params: Record<string, number> = {};
  // Non-factors are fixed (or degenerate): any quantile gives their value; the median is the natural one.
  for (const p of c.parameters) params[p.name] = draw(p, 0.5);
  const out = new Float64Array(batch.runs.length);
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < k; j++) params[factors[j].name] = draw(factors[j], batch.u[i * k + j]);
    const run = batch.runs[i];
    const values = simulateRun(resolveRun(c, params), c.layout, c.years.length, (component) => streamFor(seed, run, component));
    out[i] = values[row * c.years.length + y];
  }
  return out;
}

// As drawParameters does: integer parameters are rounded, so the values met here are ones a run can draw.
function draw(p: CompiledParameter, u: number): number {
  const x = quantile(p.dist, u);
  return p.integer ? Math.round(x) : x;
}

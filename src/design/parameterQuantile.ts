// The one entry point the engine calls: which design chooses the quantile is a property of the plan.
// Every design stratifies the uncertain parameters only: the flows' own binomial noise, drawn from each
// run's streams, is not stratified, so an output's spread over runs keeps that part of its variance.
import type { DesignPlan } from './designPlan.js';
import { latinHypercubeQuantile } from './latinHypercubeQuantile.js';
import { monteCarloQuantile } from './monteCarloQuantile.js';
import { sobolQuantile } from './sobolQuantile.js';

/**
 * The quantile of parameter names[index] in run `run` (0 <= run < plan.runs) under the plan's design,
 * depending on (kind, seed, runs, the name or index, run) alone: lhs and sobol give it in the open interval
 * (0, 1); mc gives exactly today's draw, in [0, 1). Check the plan with designProblem first: this does not.
 */
export function parameterQuantile(plan: DesignPlan, run: number, index: number): number {
  switch (plan.kind) {
    case 'mc':
      return monteCarloQuantile(plan.seed, plan.names[index], run);
    case 'lhs':
      return latinHypercubeQuantile(plan.seed, plan.runs, plan.names[index], run);
    case 'sobol':
      return sobolQuantile(plan.seed, index, run);
  }
}

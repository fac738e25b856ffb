import type { DesignKind } from '../design/designKind.js';
import type { DesignPlan } from '../design/designPlan.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { designPlanFor } from './drawParameters.js';

/**
 * The `design` field of a job's requests: nothing for plain Monte Carlo (so its requests, and output, are
 * what they were before designs), else the plan over the scenario's uncertain parameters and all the runs.
 */
export function designOf(c: CompiledScenario, options: { readonly runs: number; readonly seed: number; readonly design?: DesignKind }): { design?: DesignPlan } {
  if (options.design === undefined || options.design === 'mc') return {};
  return { design: designPlanFor(c, options.design, options.runs, options.seed) };
}

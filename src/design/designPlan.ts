import type { DesignKind } from './designKind.js';

/**
 * Everything a sampling design needs to give any run's quantile of any uncertain parameter.
 *
 * It is plain data (it crosses to workers by structured clone) and the same for every run and every worker,
 * so a quantile depends on the plan, the run number and the parameter alone, never on which worker computes
 * which runs or in which order.
 */
export interface DesignPlan {
  readonly kind: DesignKind;
  /** N, the total number of runs of the Monte Carlo: Latin hypercube strata are 1/N wide. */
  readonly runs: number;
  /** The master seed of the Monte Carlo. */
  readonly seed: number;
  /** The uncertain parameters in scenario order: Sobol dimension k is names[k]. */
  readonly names: readonly string[];
}

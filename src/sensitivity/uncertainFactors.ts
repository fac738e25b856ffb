import { quantile } from '../random/distribution.js';
import type { CompiledParameter } from '../scenario/compiled.js';

/**
 * The parameters a sensitivity analysis varies: those whose distribution is not fixed and not degenerate
 * (a uniform of zero width, a discrete of one value), in the scenario's order.
 */
export function uncertainFactors(parameters: readonly CompiledParameter[]): CompiledParameter[] {
  return parameters.filter((p) => p.dist.dist !== 'fixed' && quantile(p.dist, 0) !== quantile(p.dist, 1 - 1e-12));
}

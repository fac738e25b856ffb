import { quantile } from '../random/distribution.js';
import type { CompiledParameter } from './compiled.js';

/** The parameters whose draws vary: not fixed and not degenerate (a uniform of zero width, one discrete value). */
export function uncertainParameters(parameters: readonly CompiledParameter[]): CompiledParameter[] {
  return parameters.filter((p) => p.dist.dist !== 'fixed' && quantile(p.dist, 0) !== quantile(p.dist, 1 - 1e-12));
}

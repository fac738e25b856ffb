import type { CompiledParameter } from '../scenario/compiled.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';

/** The factors of a sensitivity analysis: the uncertain parameters (those whose draws vary), in scenario order. */
export function uncertainFactors(parameters: readonly CompiledParameter[]): CompiledParameter[] {
  return uncertainParameters(parameters);
}

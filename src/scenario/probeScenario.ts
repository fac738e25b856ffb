import { quantile } from '../random/distribution.js';
import type { CompiledScenario } from './compiled.js';
import type { Diagnostic } from './diagnostic.js';
import { locateMerged } from './loadChain.js';
import { resolveRun, ValueRangeError } from './resolveRun.js';

/** Returns the located diagnostic of a value that left its legal range while a scenario ran. */
export function rangeDiagnostic(c: CompiledScenario, e: ValueRangeError): Diagnostic {
  return { ...locateMerged(c.merged, e.path), message: e.message };
}

/**
 * Evaluates every expression with all parameters at their low, middle and high quantiles, to find values
 * that leave their legal range before a long run does; returns what it found (empty when all is well).
 */
export function probeScenario(c: CompiledScenario): Diagnostic[] {
  for (const u of [0.001, 0.5, 0.999]) {
    const params: Record<string, number> = {};
    for (const p of c.parameters) params[p.name] = quantile(p.dist, u);
    try {
      resolveRun(c, params);
    } catch (e) {
      if (e instanceof ValueRangeError) return [rangeDiagnostic(c, e)];
      throw e;
    }
  }
  return [];
}

import { DESIGN_KINDS } from './designKind.js';
import { MAX_SOBOL_DIMENSIONS } from './sobolDirections.js';

// Latin hypercube strata and Sobol points are indexed by 32-bit words.
const MAX_DESIGN_RUNS = 2 ** 32;

/**
 * Why a design cannot be made for this many runs and uncertain parameters, in plain English, or undefined
 * when it can; to be asked before any run, since parameterQuantile does not check.
 */
export function designProblem(kind: string, runs: number, dims: number): string | undefined {
  if (!(DESIGN_KINDS as readonly string[]).includes(kind)) {
    return `unknown sampling design '${kind}': expected one of ${DESIGN_KINDS.join(', ')}`;
  }
  if (!Number.isSafeInteger(runs) || runs < 1) {
    return `a sampling design needs a whole number of runs, at least 1 (got ${runs})`;
  }
  if (!Number.isSafeInteger(dims) || dims < 0) {
    return `a sampling design needs a whole number of uncertain parameters, 0 or more (got ${dims})`;
  }
  if (kind !== 'mc' && runs > MAX_DESIGN_RUNS) {
    return `the ${kind} design numbers its runs with 32-bit words, so it allows at most ${count(MAX_DESIGN_RUNS)} runs (got ${count(runs)}); use fewer runs or the mc design`;
  }
  if (kind === 'sobol' && dims > MAX_SOBOL_DIMENSIONS) {
    return `the sobol design has direction numbers for at most ${count(MAX_SOBOL_DIMENSIONS)} uncertain parameters and this scenario has ${count(dims)}; use the lhs or mc design`;
  }
  return undefined;
}

/**
 * Advice, not a refusal, when a design works but loses some of its balance: Sobol points form a balanced
 * net only when the number of runs is a power of two.
 */
export function designAdvice(kind: string, runs: number): string | undefined {
  if (kind !== 'sobol' || !Number.isSafeInteger(runs) || runs < 1) return undefined;
  const below = 2 ** Math.floor(Math.log2(runs));
  if (below === runs) return undefined;
  return `the sobol design is balanced only when the number of runs is a power of two: of ${count(runs)} runs only the first ${count(below)} are (try ${count(below)} or ${count(2 * below)})`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

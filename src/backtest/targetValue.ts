import type { ResolvedTarget, Term } from './resolveTargets.js';

/**
 * A target's model value in one run, from the run's cells starting at `base`, as its terms number them (a
 * run's cells as `simulateCells` numbers them, or their positions in `targetCells`' list); NaN where the run
 * has no value (a ratio over zero, a year without payments).
 */
export function targetValue(r: ResolvedTarget, values: ArrayLike<number>, base: number): number {
  const num = weightedSum(r.numerator, values, base);
  if (r.denominator === undefined) return num;
  const den = weightedSum(r.denominator, values, base);
  return den === 0 ? NaN : num / den;
}

function weightedSum(terms: readonly Term[], values: ArrayLike<number>, base: number): number {
  let sum = 0;
  for (const t of terms) sum += t.weight * values[base + t.offset];
  return sum;
}

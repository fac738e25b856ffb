/**
 * The months of a mission's term at a host, from its length in years: at least one month, and 0 for a term
 * that never ends (an infinite length, as hand-made inputs use to switch rotation off).
 */
export function termMonths(lengthYears: number): number {
  return Number.isFinite(lengthYears) ? Math.max(1, Math.round(12 * lengthYears)) : 0;
}

/** Where a run keeps its cohorts: per host and cadre, workers by months served, and each host's term. */
export interface CohortStore {
  readonly cohorts: readonly Float64Array[];
  readonly termOf: ArrayLike<number>;
}

/** Spreads a host's workers at the start of the horizon evenly over the months of its term, doctors and others apart. */
export function initCohorts(s: CohortStore, h: number, doctors: number, others: number): void {
  spread(s.cohorts[2 * h], s.termOf[h], doctors);
  spread(s.cohorts[2 * h + 1], s.termOf[h], others);
}

// Spreads n workers evenly over a term's months (all in one place for a term that never ends).
function spread(cohorts: Float64Array, T: number, n: number): void {
  if (T === 0) {
    cohorts[0] = n;
    return;
  }
  const each = Math.floor(n / T);
  const extra = n - each * T;
  for (let k = 0; k < T; k++) cohorts[k] = each + (k < extra ? 1 : 0);
}


import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import { MAX_HORIZON_MONTHS } from '../scenario/compileScenario.js';
import { monthIndex, monthText } from '../scenario/month.js';

/** A simulated period, as a scenario writes it: its first and last months (YYYY-MM), both included. */
export interface Horizon {
  readonly start: string;
  readonly end: string;
}

/** A horizon as month counts: its first month (months since year 0) and its length in months. */
export interface MonthSpan {
  readonly start: number;
  readonly months: number;
}

/** Converts a horizon to its first month's index and its length in months. */
export function monthSpan(h: Horizon): MonthSpan {
  const start = monthIndex(h.start);
  return { start, months: monthIndex(h.end) - start + 1 };
}

const FIRST = 1990 * 12;
const LAST = 2050 * 12 + 11;

/**
 * Horizons starting between 1990 and 2050 and lasting 1 to `maxMonths` months (default 240, at most the
 * 1,200 a scenario may span), with the edge cases often: a single month, and a December start (a first
 * reported year of one month).
 */
export function arbHorizon(options: { readonly maxMonths?: number } = {}): Arbitrary<Horizon> {
  const max = Math.min(MAX_HORIZON_MONTHS, Math.max(1, Math.floor(options.maxMonths ?? 240)));
  const toHorizon = ({ start, months }: MonthSpan): Horizon => ({ start: monthText(start), end: monthText(start + months - 1) });
  return fc
    .oneof(
      fc.record({ start: fc.integer({ min: FIRST, max: LAST }), months: fc.constant(1) }),
      fc.record({ start: fc.integer({ min: 1990, max: 2050 }).map((y) => y * 12 + 11), months: fc.integer({ min: 1, max: Math.min(40, max) }) }),
      fc.record({ start: fc.integer({ min: FIRST, max: LAST }), months: fc.integer({ min: 1, max }) }),
    )
    .map(toHorizon);
}

import type { MetricDef } from '../model/layout.js';

/**
 * Whether adding a metric's yearly values gives a meaningful total: it counts something over each calendar
 * year (not a value at a moment, a stock or running total) and its unit is an amount, not a ratio or share.
 * `doctors/year`, `USD/year` and `months` add up; `share`, `persons/doctor` and `USD/worker-month` do not.
 */
export function summableOverYears(m: Pick<MetricDef, 'unit' | 'moment'>): boolean {
  if (m.moment) return false;
  const unit = m.unit.trim().toLowerCase();
  if (unit === 'share' || unit.endsWith(' share') || unit.includes(' per ') || unit.includes('%')) return false;
  // A per-year rate summed over years is a count over those years; any other division is a ratio.
  const amount = unit.endsWith('/year') ? unit.slice(0, -'/year'.length) : unit;
  return !amount.includes('/');
}

/** Why a metric cannot be summed over years, for messages (`summableOverYears` is false). */
export function notSummableReason(m: Pick<MetricDef, 'unit' | 'moment'>): string {
  if (!summableOverYears({ unit: m.unit, moment: false })) return `a ratio (${m.unit}), which does not add up over years`;
  return `a value at a moment (${m.unit} on 31 December), which does not add up over years`;
}

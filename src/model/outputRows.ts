import type { ModelLayout } from './layout.js';

// The metrics that are not per host, each given its output row by `outputRows`.
const NAMES = [
  'domesticDoctors',
  'paroleApplicants',
  'paroleAdmitted',
  'stayedAbroad',
  'emigrated',
  'retired',
  'graduation',
  'retirement',
  'domesticEmigration',
  'paroleApprovals',
  'paroleDenials',
  'defectorReturns',
  'doctorsAbroad',
  'otherWorkersAbroad',
  'healthWorkersAbroad',
  'totalDoctors',
  'population',
  'patientsPerDoctor',
  'defections',
  'doctorDefections',
  'cumulativeDefections',
  'cumulativeParoleApprovals',
  'cumulativeParoleApplications',
  'hostPaymentsUSD',
  'stateRevenueUSD',
  'workerPayUSD',
  'retentionShare',
  'reportedHealthExportsUSD',
  'bookedStateRevenueUSD',
  'bookedRetentionShare',
  'bookedLessReceivedUSD',
  'workerPayPerMonthUSD',
  'paroleOpenMonths',
] as const;

/** The output row (`index × years`) of each metric that is not per host. */
export type OutputRows = { readonly [M in (typeof NAMES)[number]]: number };

const cache = new WeakMap<ModelLayout, Map<number, OutputRows>>();

/** The output rows of a layout's metrics for a number of years, worked out once and shared by every run. */
export function outputRows(layout: ModelLayout, years: number): OutputRows {
  let byYears = cache.get(layout);
  if (byYears === undefined) cache.set(layout, (byYears = new Map()));
  let rows = byYears.get(years);
  if (rows === undefined) {
    rows = Object.fromEntries(NAMES.map((n) => [n, layout.index[n] * years])) as unknown as OutputRows;
    byYears.set(years, rows);
  }
  return rows;
}

import type { ModelLayout } from './layout.js';

/** The output row (`index × years`) of each metric that is not per host. */
export interface OutputRows {
  readonly domesticDoctors: number;
  readonly paroleApplicants: number;
  readonly paroleAdmitted: number;
  readonly stayedAbroad: number;
  readonly emigrated: number;
  readonly retired: number;
  readonly graduation: number;
  readonly retirement: number;
  readonly domesticEmigration: number;
  readonly paroleApprovals: number;
  readonly paroleDenials: number;
  readonly doctorsAbroad: number;
  readonly otherWorkersAbroad: number;
  readonly healthWorkersAbroad: number;
  readonly totalDoctors: number;
  readonly population: number;
  readonly patientsPerDoctor: number;
  readonly defections: number;
  readonly doctorDefections: number;
  readonly cumulativeDefections: number;
  readonly cumulativeParoleApprovals: number;
  readonly hostPaymentsUSD: number;
  readonly stateRevenueUSD: number;
  readonly workerPayUSD: number;
  readonly retentionShare: number;
  readonly reportedHealthExportsUSD: number;
  readonly bookedStateRevenueUSD: number;
  readonly bookedRetentionShare: number;
  readonly bookedLessReceivedUSD: number;
  readonly workerPayPerMonthUSD: number;
  readonly paroleOpenMonths: number;
}

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
] as const satisfies readonly (keyof OutputRows)[];

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

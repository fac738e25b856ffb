/** One metric the dashboard charts: its report name, a label for chart titles and a shorter one for tables. */
export interface DashboardMetric {
  readonly name: string;
  readonly label: string;
  /** At most 15 characters. */
  readonly short: string;
}

/**
 * The metrics the dashboard charts, in the order of the number keys 1-9 and 0. Related metrics sit side by
 * side (workers and doctors abroad, the state's and the workers' shares of payments), so a page of two or four
 * charts keeps each pair together.
 */
export const DASHBOARD_METRICS: readonly DashboardMetric[] = [
  { name: 'healthWorkersAbroad', label: 'health workers abroad', short: 'workers abroad' },
  { name: 'doctorsAbroad', label: 'doctors abroad', short: 'doctors abroad' },
  { name: 'defections', label: 'defections a year', short: 'defections' },
  { name: 'cumulativeDefections', label: 'defections since start', short: 'defected total' },
  { name: 'stateRevenueUSD', label: 'state revenue a year', short: 'state revenue' },
  { name: 'workerPayUSD', label: 'worker pay a year', short: 'worker pay' },
  { name: 'paroleApprovals', label: 'parole approvals a year', short: 'parole approved' },
  { name: 'retentionShare', label: 'retention share', short: 'retention' },
  { name: 'domesticDoctors', label: 'doctors at home', short: 'doctors at home' },
  { name: 'patientsPerDoctor', label: 'patients per doctor', short: 'patients/doctor' },
];

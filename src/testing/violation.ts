/** Every invariant `checkInvariants` checks on a report, with the statement it makes. */
export const INVARIANTS = {
  shape: 'the report has every metric of the model for its hosts, of the right kind, with one value per year for every statistic',
  values:
    'every statistic is a finite number; only retentionShare and workerPayPerMonthUSD (in years whose mean host payments are 0) and bookedRetentionShare (whose mean reported health exports are 0) may be null, all their statistics at once',
  orderedPercentiles: 'p5 <= p25 <= p50 <= p75 <= p95',
  nonNegative: 'no statistic of any metric is negative (people, money, ratios and months never are), except the booked values less what is received: bookedLessReceivedUSD, bookedStateRevenueUSD, bookedRetentionShare',
  conservation:
    'the mean of every stock changes over each year by the means of its inflows minus those of its outflows (model.flows), from its value at the start where that is known',
  aggregates:
    'the means of doctorsAbroad, otherWorkersAbroad, healthWorkersAbroad (also per host), totalDoctors, defections and doctorDefections are the sums of the means they add up',
  cumulative:
    'the means of cumulativeDefections and cumulativeParoleApprovals are running sums of the yearly means, and paroleAdmitted equals cumulativeParoleApprovals in every statistic',
  moneySplit:
    'mean stateRevenueUSD + mean workerPayUSD = mean hostPaymentsUSD; mean bookedStateRevenueUSD + mean workerPayUSD = mean reportedHealthExportsUSD',
  revenueWithinPayments: 'every statistic of stateRevenueUSD and of workerPayUSD is at most the same statistic of hostPaymentsUSD',
  retentionBounds:
    'every statistic of retentionShare lies in [0, 1], and between the least and greatest min(retention, retentionCap) of paying hosts where the scenario fixes them',
  paroleClosed:
    'in a year with no month of open parole in it or before it (paroleOpenMonths mean 0), nobody defects to parole, waits, is decided or admitted',
} as const;

/** The name of an invariant of a report. */
export type Invariant = keyof typeof INVARIANTS;

/** One broken invariant: which, of which metric (or `money`, `model`...), in which calendar year (null: all of them). */
export interface Violation {
  readonly invariant: Invariant;
  readonly metric: string;
  readonly year: number | null;
  readonly message: string;
}

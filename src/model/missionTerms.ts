import { allocate, splitWhole } from '../random/allocate.js';
import { binomial } from '../random/binomial.js';
import type { RunState } from './runState.js';

/*
 * Mission terms: each host's workers of each cadre are kept by the months they have served,
 * `cohort_{h,c}[k]` for k = 0 .. T_h - 1, where `T_h = round(12 × missionLengthYears_h)` is the host's term. A
 * worker comes home at the end of the month in which the term ends, unless the mission is renewed:
 *
 *     ending_{h,c}  = cohort_{h,c}[T_h - 1]                  after this month's defections and cuts
 *     renewed_{h,c} ~ Binomial(ending_{h,c}, renewalShare_h)  serve another term: back to k = 0
 *     home_{h,c}    = ending_{h,c} - renewed_{h,c}
 *
 * Terms are fixed by contract: two-year postings (S002, S038, X088-X089), three-year terms in Brazil
 * (X114), whose first cohorts came home together at the end of 2016 (X129). A geometric duration of the same
 * mean would bring home a third of a cohort in its first year; a fixed term brings the whole cohort home when
 * it ends, so the 2013-2014 arrivals in Brazil make the 2016-2017 rotation. Workers at the start of the horizon
 * are spread evenly over the months served (`initCohorts`, in cohortStart.ts). Defectors and cuts leave each
 * cohort of their cadre in proportion to its size (`leaveCohorts`). Cohort `c` of host `h` is `s.cohorts[2h + c]` (0 doctors, 1 others).
 */

/** Takes `n` workers of cadre c who leave host h (defectors, a cut) out of its cohorts, each in proportion to its size. */
export function leaveCohorts(s: RunState, h: number, c: number, n: number): void {
  if (n <= 0) return;
  const cohorts = s.cohorts[2 * h + c];
  const T = s.termOf[h];
  if (T <= 1) {
    cohorts[0] -= n;
    return;
  }
  allocate(s.termStream[h], n, cohorts, T, s.cohortScratch);
  for (let k = 0; k < T; k++) cohorts[k] -= s.cohortScratch[k];
}

/**
 * Ends this month's terms at host h: writes how many of each cadre come home to `s.returned` (renewals start
 * a new term) and advances every cohort by a month, so that `recruitToCohorts` adds the month's arrivals to
 * the new first cohort. A host whose terms never end (T = 0) sends nobody home.
 */
export function endTerms(s: RunState, h: number): void {
  const T = s.termOf[h];
  if (T === 0) {
    s.returned[2 * h] = s.returned[2 * h + 1] = 0;
    return;
  }
  // The cohort in its last month sits just before the first: the ring turns by one slot a month.
  const start = s.cohortStart[h];
  const last = start === 0 ? T - 1 : start - 1;
  for (let c = 0; c < 2; c++) {
    const cohorts = s.cohorts[2 * h + c];
    const ending = cohorts[last];
    const renewed = ending > 0 && s.renewalOf[h] > 0 ? binomial(s.termStream[h], ending, s.renewalOf[h]) : 0;
    cohorts[last] = renewed;
    s.returned[2 * h + c] = ending - renewed;
  }
  s.cohortStart[h] = last;
}

/** Adds this month's arrivals at host h, `doctors` and `others`, to its first cohorts. */
export function recruitToCohorts(s: RunState, h: number, doctors: number, others: number): void {
  s.cohorts[2 * h][s.cohortStart[h]] += doctors;
  s.cohorts[2 * h + 1][s.cohortStart[h]] += others;
}

/**
 * Takes `n` workers who leave host h during their term (defectors, the parole wave) off its stocks and
 * cohorts, doctors among them in proportion to the host's stock; returns how many were doctors.
 */
export function leaveHost(s: RunState, h: number, n: number): number {
  const doctors = doctorsAmong(s, h, n);
  s.docs[h] -= doctors;
  s.others[h] -= n - doctors;
  leaveCohorts(s, h, 0, doctors);
  leaveCohorts(s, h, 1, n - doctors);
  return doctors;
}

/**
 * How many of `n` workers leaving host h are doctors: in proportion to the doctors in its stock, by
 * systematic sampling (never more than there are).
 */
export function doctorsAmong(s: RunState, h: number, n: number): number {
  return splitWhole(s.termStream[h], n, s.docs[h], s.docs[h] + s.others[h]);
}

import type { RunInputs } from './inputs.js';
import { FIRST_HOST_FLOW, HOST_ROW } from './layout.js';
import type { OutputRows } from './outputRows.js';
import { HOST_ROWS, type RunState } from './runState.js';

const R_DOCS = HOST_ROW.doctorsAbroad;
const R_OTHERS = HOST_ROW.otherWorkersAbroad;
const R_ALL = HOST_ROW.healthWorkersAbroad;

/**
 * 7. Year end (31 December, or the horizon's last month): the values at the moment are recorded
 * (`recordMoment`), each host's flows of the year written, and the values derived from the year's flows:
 *
 *     retentionShare = stateRevenueUSD / hostPaymentsUSD       (NaN in a year without payments)
 *     bookedStateRevenueUSD = reportedHealthExportsUSD - workerPayUSD
 *     bookedRetentionShare = bookedStateRevenueUSD / reportedHealthExportsUSD
 *     workerPayPerMonthUSD = workerPayUSD / worker-months at paying hosts
 */
export function yearEnd(s: RunState, inputs: RunInputs, rows: OutputRows, t: number, y: number): void {
  const H = s.docs.length;
  const out = s.out;
  recordMoment(s, inputs, rows, s.hostRow, out, t, y);
  for (let h = 0; h < H; h++) {
    const base = HOST_ROWS * h;
    for (let k = FIRST_HOST_FLOW; k < HOST_ROWS; k++) {
      out[s.hostRow[base + k] + y] = s.hostYear[base + k];
      s.hostYear[base + k] = 0;
    }
  }
  const payments = out[rows.hostPaymentsUSD + y];
  out[rows.retentionShare + y] = payments > 0 ? out[rows.stateRevenueUSD + y] / payments : NaN;
  const booked = out[rows.reportedHealthExportsUSD + y];
  out[rows.bookedStateRevenueUSD + y] = booked - out[rows.workerPayUSD + y];
  out[rows.bookedRetentionShare + y] = booked > 0 ? out[rows.bookedStateRevenueUSD + y] / booked : NaN;
  out[rows.workerPayPerMonthUSD + y] = s.paidWorkerMonths > 0 ? out[rows.workerPayUSD + y] / s.paidWorkerMonths : NaN;
  s.paidWorkerMonths = 0;
}

/**
 * Writes every value at a moment (the metrics whose layout entry has `moment`: stocks, their sums, running
 * totals and the ratios of them) at the end of month `t` to `out[row + y]`, rows as in `rows` and `hostRow`:
 *
 *     totalDoctors = domesticDoctors + doctorsAbroad          (what ONEI counts: its totals include those abroad)
 *     patientsPerDoctor = population / max(domesticDoctors, 1)
 *
 * The year end writes them to the run's yearly values; a month probe to a one-column scratch (`MonthProbes`).
 */
export function recordMoment(s: RunState, inputs: RunInputs, rows: OutputRows, hostRow: Int32Array, out: Float64Array, t: number, y: number): void {
  const H = s.docs.length;
  let sumD = 0;
  let sumO = 0;
  out[rows.domesticDoctors + y] = s.domestic;
  for (let h = 0; h < H; h++) {
    const base = HOST_ROWS * h;
    out[hostRow[base + R_DOCS] + y] = s.docs[h];
    out[hostRow[base + R_OTHERS] + y] = s.others[h];
    out[hostRow[base + R_ALL] + y] = s.docs[h] + s.others[h];
    sumD += s.docs[h];
    sumO += s.others[h];
  }
  out[rows.paroleApplicants + y] = s.applicants;
  out[rows.paroleAdmitted + y] = s.admitted;
  out[rows.stayedAbroad + y] = s.stayed;
  out[rows.emigrated + y] = s.emigrated;
  out[rows.retired + y] = s.retired;
  out[rows.doctorsAbroad + y] = sumD;
  out[rows.otherWorkersAbroad + y] = sumO;
  out[rows.healthWorkersAbroad + y] = sumD + sumO;
  out[rows.totalDoctors + y] = s.domestic + sumD;
  const population = inputs.population[t];
  out[rows.population + y] = population;
  // With no doctor at home the ratio is taken per one doctor, so it stays finite.
  out[rows.patientsPerDoctor + y] = population / Math.max(s.domestic, 1);
  out[rows.cumulativeDefections + y] = s.cumDefections;
  out[rows.cumulativeParoleApprovals + y] = s.cumApprovals;
  out[rows.cumulativeParoleApplications + y] = s.cumApplications;
}

import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';

/**
 * 6. Money, on the workers serving at the end of the month, under two concepts kept side by side.
 *
 * Received (cash and in kind, what actually comes in):
 *
 *     received_h = workers_h × value_h(t)                        (value_h: cash × price factor + oil, `hostTerms`)
 *     revenue_h  = received_h × r_h(t)                           (the state's part; r_h = min(retention_h, cap))
 *     workerPay_h = received_h - revenue_h
 *
 * Booked (what Cuba reports as exports of health services, ONEI X190, S087):
 *
 *     booked_h = workers_h × bookedPriceUSD_h(t)                 (value_h where the host has no booked price)
 *     reportedHealthExports = Σ_h booked_h + healthSalesAtHomeUSD(t) / 12
 *
 * `stateRevenueUSD + workerPayUSD = hostPaymentsUSD` exactly; `bookedLessReceivedUSD = Σ_h (booked_h -
 * received_h)` is what the books count beyond what was delivered (Venezuela's services, booked at a price
 * X213, X216 and X275 put far above the oil that paid for them). Retention: S095-S096 (70-90%), S014, X215
 * (Venezuela ~95%), X125-X127 (Brazil ~70%), X149-X175 (cash hosts, Trinidad's 50%).
 */
export function money(s: RunState, inputs: RunInputs, rows: OutputRows, t: number, y: number): void {
  const H = s.docs.length;
  let monthPayments = 0;
  let monthRevenue = 0;
  let monthBooked = 0;
  for (let h = 0; h < H; h++) {
    const workers = s.docs[h] + s.others[h];
    const perWorker = s.valueOf[h];
    const payment = workers * perWorker;
    monthPayments += payment;
    monthRevenue += payment * s.retainedOf[h];
    const booked = s.bookedOf[h];
    monthBooked += booked === undefined ? payment : workers * booked[t];
    if (perWorker > 0) s.paidWorkerMonths += workers;
  }
  const out = s.out;
  out[rows.hostPaymentsUSD + y] += monthPayments;
  out[rows.stateRevenueUSD + y] += monthRevenue;
  out[rows.workerPayUSD + y] += monthPayments - monthRevenue;
  out[rows.bookedLessReceivedUSD + y] += monthBooked - monthPayments;
  out[rows.reportedHealthExportsUSD + y] += monthBooked + inputs.healthSalesAtHomeUSD[t] / 12;
  if (inputs.paroleOpen[t] >= 0.5) out[rows.paroleOpenMonths + y] += 1;
}

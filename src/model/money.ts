import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';

/**
 * 6. Money, on the workers serving at the end of the month, per host:
 *
 *     payments_h = workers_h × paymentUSD_h(t)
 *     revenue_h  = payments_h × r_h(t),   r_h(t) = min(retention_h, retentionCap(t))
 *     workerPay_h = payments_h - revenue_h
 *
 * so `stateRevenueUSD + workerPayUSD = hostPaymentsUSD` exactly. Retention: S095-S096 (70-90%), S014, X215
 * (Venezuela ~95%), X125-X127 (Brazil ~70%), X149-X175 (cash hosts).
 */
export function money(s: RunState, inputs: RunInputs, rows: OutputRows, t: number, y: number): void {
  const H = s.docs.length;
  let monthPayments = 0;
  let monthRevenue = 0;
  for (let h = 0; h < H; h++) {
    const workers = s.docs[h] + s.others[h];
    const perWorker = s.paymentOf[h][t];
    const payment = workers * perWorker;
    monthPayments += payment;
    monthRevenue += payment * s.retainedOf[h];
    if (perWorker > 0) s.paidWorkerMonths += workers;
  }
  s.out[rows.hostPaymentsUSD + y] += monthPayments;
  s.out[rows.stateRevenueUSD + y] += monthRevenue;
  s.out[rows.workerPayUSD + y] += monthPayments - monthRevenue;
  if (inputs.paroleOpen[t] >= 0.5) s.out[rows.paroleOpenMonths + y] += 1;
}

import type { RunInputs } from './inputs.js';
import type { RunState } from './runState.js';

/** Days in an average month, to turn oil deliveries in barrels a day into barrels a month. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The responses of hosts and of Cuba to the retention cap and the price factor, recomputed when either
 * lever changes (they are flat for years at a time, and the powers are the costly part):
 *
 *     r_h(t)      = min(retention_h, retentionCap(t))                   share of the value the state keeps
 *     m_h(t)      = r_h(t) / retention_h                               the state's margin against its contract
 *     priced_h(t) = hostPriceFactor(t) ^ (-hostPriceElasticity)        a cash host's demand at the new price
 *     staffed_h(t) = min(1, (p_h(t) × m_h(t)) ^ supplyMarginElasticity) share of the posts Cuba agrees to staff,
 *                   p_h = hostPriceFactor(t) for a cash host, 1 for a host paying in kind
 *     calm_h(t)   = m_h(t) ^ pressureRetentionElasticity               factor on the intensity of pressure cuts
 *
 * Directions (docs/MODEL.md, "Demand and supply of posts"): a cap lowers the state's margin, so Cuba staffs
 * fewer posts (it withdrew from Mais Medicos when Brazil asked that doctors be paid in full, X131-X135, and it
 * works where hosts pay the workers and take half, X175) and US pressure, aimed at the share the state keeps
 * (X201, X267-X271), eases; a higher price lowers what cash hosts ask for.
 */
export function updateResponses(s: RunState, inputs: RunInputs, t: number): void {
  const cap = inputs.retentionCap[t];
  const priceFactor = inputs.hostPriceFactor[t];
  if (cap === s.lastCap && priceFactor === s.lastPriceFactor) return;
  s.lastCap = cap;
  s.lastPriceFactor = priceFactor;
  // The intensity of pressure cuts depends on the margin: have them recomputed.
  s.lastPressure = NaN;
  const H = s.docs.length;
  s.priced = Math.pow(priceFactor, -inputs.hostPriceElasticity);
  for (let h = 0; h < H; h++) {
    const contract = s.retentionOf[h];
    const kept = Math.min(contract, cap);
    const margin = contract > 0 ? kept / contract : 1;
    s.retainedOf[h] = kept;
    s.staffedCashOf[h] = Math.min(1, Math.pow(priceFactor * margin, inputs.supplyMarginElasticity));
    s.staffedKindOf[h] = Math.min(1, Math.pow(margin, inputs.supplyMarginElasticity));
    s.calmOf[h] = Math.pow(margin, inputs.pressureRetentionElasticity);
  }
}

/**
 * This month's terms at each host, after the month's cuts:
 *
 *     posts_h(t)  = demand_h(t) × open_h                                   what the host asks for
 *     oil_h(t)    = oilBarrelsPerDay_h(t) × 365.25/12 × oilPriceUSD(t) × oilValueShare_h   (USD/month)
 *     value_h(t)  = paymentUSD_h(t) × hostPriceFactor(t) + oil_h(t) / max(demand_h(t), 1)  (USD/worker-month)
 *     target_h(t) = round(posts_h(t) × priced_h(t) × staffed_h(t))        workers Cuba keeps there
 *
 * `value_h` is what a worker-month brings in, cash and in kind (Venezuela's oil: S073-S074, X070, X206-X212,
 * valued at Brent less a discount and the part that pays for other services); the oil pays for the posts
 * Venezuela asked for, so a post left empty, or ended by a cut, earns nothing. A host that pays nothing (the free programmes,
 * S082) is staffed whatever the margin.
 */
export function hostTerms(s: RunState, inputs: RunInputs, t: number): void {
  const H = s.docs.length;
  const priceFactor = inputs.hostPriceFactor[t];
  const oilPrice = inputs.oilPriceUSD[t];
  for (let h = 0; h < H; h++) {
    const posts = s.demandOf[h][t] * s.open[h];
    const cash = s.paymentOf[h][t];
    const barrels = s.oilOf[h][t];
    const oil = barrels > 0 ? (barrels * DAYS_PER_MONTH * oilPrice * s.oilShareOf[h]) / Math.max(s.demandOf[h][t], 1) : 0;
    s.valueOf[h] = cash * priceFactor + oil;
    const response = cash > 0 ? s.priced * s.staffedCashOf[h] : barrels > 0 ? s.staffedKindOf[h] : 1;
    s.targetOf[h] = Math.round(posts * response);
  }
}

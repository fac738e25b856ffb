import type { CompiledScenario } from '../scenario/compiled.js';

/** What is known of every run of a scenario before running it, for the invariants that need it. */
export interface KnownFacts {
  /** Stock values before the first month, where they are the same in every run. */
  readonly initial: Readonly<Record<string, number>>;
  /** The least and greatest min(retention, retentionCap) over the paying hosts and months of year index y, where known. */
  readonly retention: (y: number) => readonly [number, number] | undefined;
}

/** The stocks that start every run empty: the parole queue and the exits, counted since the start (docs/MODEL.md). */
export const EMPTY_AT_START = ['paroleApplicants', 'paroleAdmitted', 'stayedAbroad', 'emigrated', 'retired'] as const;

/** The month indices (from the start) that fall in reported year index y of a horizon. */
export function monthsOfYear(startMonth: number, months: number, y: number): number[] {
  const out: number[] = [];
  for (let t = Math.max(0, y * 12 - startMonth); t < months && Math.floor((startMonth + t) / 12) === y; t++) out.push(t);
  return out;
}

/** A host as the retention bounds see it: its retention (undefined: differs between runs) and whether it may be paid in month t. */
export interface RetentionSource {
  readonly retention: number | undefined;
  readonly paid: (t: number) => boolean;
}

/**
 * The least and greatest min(retention, cap) over the months given and the hosts paid in them: the range of
 * the year's effective retention, a payment-weighted average of those values. Undefined when a value needed
 * is unknown or no host is paid.
 */
export function retentionRange(months: readonly number[], hosts: readonly RetentionSource[], cap: (t: number) => number | undefined): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of months) {
    for (const h of hosts) {
      if (!h.paid(t)) continue;
      const c = cap(t);
      if (h.retention === undefined || c === undefined) return undefined;
      const r = Math.min(h.retention, c);
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * What a scenario fixes for all its runs: the empty stocks at the start, doctors at home when their number is
 * `fixed`, host workers when constant, and retention ranges when retentions and the cap are constants.
 */
export function factsOfScenario(c: CompiledScenario | undefined): KnownFacts {
  const initial: Record<string, number> = Object.fromEntries(EMPTY_AT_START.map((s) => [s, 0]));
  if (!c) return { initial, retention: () => undefined };
  const doctors = c.parameters.find((p) => p.name === 'initialDomesticDoctors');
  if (doctors?.dist.dist === 'fixed') initial.domesticDoctors = Math.round(doctors.dist.value);
  for (const h of c.hosts) {
    const workers = h.initialWorkers.constant;
    const share = h.doctorShare.constant?.[0];
    if (workers === undefined || share === undefined) continue;
    // As the model splits them (simulateRun).
    const docs = Math.round(Math.round(workers) * share);
    initial[`doctorsAbroad.${h.id}`] = docs;
    initial[`otherWorkersAbroad.${h.id}`] = Math.round(workers) - docs;
  }
  // A host is paid in a month when it pays cash or delivers oil then (or when either differs between runs).
  const may = (s: { readonly constant: Float64Array | undefined }, t: number) => s.constant === undefined || s.constant[t] > 0;
  const hosts = c.hosts.map((h) => ({ retention: h.retention.constant, paid: (t: number) => may(h.paymentUSD, t) || may(h.oilBarrelsPerDay, t) }));
  const cap = c.levers.retentionCap.constant;
  return { initial, retention: (y) => retentionRange(monthsOfYear(c.startMonth, c.months, y), hosts, (t) => cap?.[t]) };
}

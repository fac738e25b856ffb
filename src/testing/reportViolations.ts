import { modelLayout } from '../model/layout.js';
import { STATISTICS, type MetricReport, type RunReport } from '../report/runReport.js';
import type { KnownFacts } from './knownFacts.js';
import type { Invariant, Violation } from './violation.js';

type Stat = (typeof STATISTICS)[number];

// Relative tolerance of identities between means: each mean is rounded once, so sums of a few dozen of them
// agree to ~1e-15; a person more or less in a stock of millions is still ~1e-7.
const TOLERANCE = 1e-9;
// Percentiles of two metrics ordered run by run are interpolated with the same weights: ordered up to an ulp or so.
const ULPS = 1e-12;
// Revenue = payment x retention underflows for retentions near the smallest double (5e-324, which generated
// scenarios use): shares may then fall short of the range by a few denormals.
const UNDERFLOW = 1e-300;
// Each ratio, with the metric whose zero makes it null.
const RATIOS = new Map([
  ['retentionShare', 'hostPaymentsUSD'],
  ['workerPayPerMonthUSD', 'hostPaymentsUSD'],
  ['bookedRetentionShare', 'reportedHealthExportsUSD'],
]);
// Booked values may fall below received ones (a booked price under the value of the oil delivered), so these
// may be negative.
const SIGNED = new Set(['bookedLessReceivedUSD', 'bookedStateRevenueUSD', 'bookedRetentionShare']);
const PAROLE = ['paroleApplicants', 'paroleAdmitted', 'paroleApprovals', 'paroleDenials', 'cumulativeParoleApprovals'];

/**
 * Checks a report (a summary across runs, or one run written as a report) against every invariant, using
 * what is known of its runs beforehand; returns the violations, empty when all hold.
 */
export function reportViolations(report: RunReport, facts: KnownFacts): Violation[] {
  const out: Violation[] = [];
  const fail = (invariant: Invariant, metric: string, y: number | null, message: string) =>
    out.push({ invariant, metric, year: y === null ? null : (report.years[y] ?? null), message });

  // The hosts, from the per-host metrics: the model description is itself checked against them.
  const hostIds = Object.keys(report.metrics).filter((s) => s.startsWith('doctorsAbroad.')).map((s) => s.slice('doctorsAbroad.'.length));
  const layout = modelLayout(hostIds);
  const Y = report.years.length;
  // Shape first: the other checks read the metrics it vouches for.
  if (JSON.stringify(report.model) !== JSON.stringify({ stocks: layout.stocks, flows: layout.flows })) fail('shape', 'model', null, 'model.stocks and model.flows are not those of the model for its hosts');
  for (const def of layout.metrics) {
    const m = report.metrics[def.name] as MetricReport | undefined;
    if (!m) fail('shape', def.name, null, 'missing');
    else if (m.kind !== def.kind) fail('shape', def.name, null, `kind ${m.kind}, expected ${def.kind}`);
    else for (const s of STATISTICS) if (!Array.isArray(m[s]) || m[s].length !== Y) fail('shape', def.name, null, `${s} does not have one value per year (${Y})`);
  }
  for (const name of Object.keys(report.metrics)) if (layout.index[name] === undefined) fail('shape', name, null, 'not a metric of the model');
  if (out.length > 0) return out;

  const stat = (metric: string, s: Stat, y: number): number | null => report.metrics[metric][s][y];
  // A mean as a number, NaN when null (a `values` violation, reported on its own; NaN skips the identities).
  const mean = (metric: string, y: number): number => stat(metric, 'mean', y) ?? NaN;
  const sum = (metrics: readonly string[], y: number) => metrics.reduce((acc, m) => acc + mean(m, y), 0);
  const scale = (metrics: readonly string[], y: number) => metrics.reduce((acc, m) => acc + Math.abs(mean(m, y)), 0);
  // lhs = rhs up to TOLERANCE relative to the sizes of every term involved.
  const identity = (invariant: Invariant, metric: string, y: number, lhs: number, rhs: number, size: number, what: string) => {
    if (Number.isNaN(lhs) || Number.isNaN(rhs)) return;
    if (!(Math.abs(lhs - rhs) <= TOLERANCE * size)) fail(invariant, metric, y, `${what}: ${lhs} != ${rhs}`);
  };

  for (let y = 0; y < Y; y++) {
    const payments = mean('hostPaymentsUSD', y);
    for (const def of layout.metrics) {
      const name = def.name;
      const values = STATISTICS.map((s) => stat(name, s, y));
      const nulls = values.filter((v) => v === null).length;
      const over = RATIOS.get(name);
      if (nulls > 0 && nulls < values.length) fail('values', name, y, `some statistics are null, not all: ${JSON.stringify(values)}`);
      if (nulls > 0 && over === undefined) fail('values', name, y, 'null, but only a ratio may be');
      if (over !== undefined) {
        const denominator = mean(over, y);
        if (denominator === 0 && nulls < values.length) fail('values', name, y, `a value in a year where ${over} is 0`);
        if (denominator > 0 && nulls > 0) fail('values', name, y, `null in a year where ${over} is not 0 (mean ${denominator})`);
      }
      for (const [i, v] of values.entries()) {
        if (v === null) continue;
        if (typeof v !== 'number' || !Number.isFinite(v)) fail('values', name, y, `${STATISTICS[i]} = ${v}, not a finite number`);
        else if (v < 0 && !SIGNED.has(name)) fail('nonNegative', name, y, `${STATISTICS[i]} = ${v} < 0`);
      }
      const ps = values.slice(1);
      for (let i = 1; i < ps.length; i++) {
        const [a, b] = [ps[i - 1], ps[i]];
        if (a !== null && b !== null && !(a <= b)) fail('orderedPercentiles', name, y, `${STATISTICS[i]} = ${a} > ${STATISTICS[i + 1]} = ${b}`);
      }
    }

    // People are conserved: each stock's change is its inflows minus its outflows, for the means as for each run.
    for (const s of layout.stocks) {
      const inflows = layout.flows.filter((f) => f.to === s).map((f) => f.name);
      const outflows = layout.flows.filter((f) => f.from === s).map((f) => f.name);
      const before = y === 0 ? (facts.initial[s] ?? NaN) : mean(s, y - 1);
      const change = mean(s, y) - before;
      const size = Math.abs(mean(s, y)) + Math.abs(before) + scale(inflows, y) + scale(outflows, y);
      identity('conservation', s, y, change, sum(inflows, y) - sum(outflows, y), size, `change of the mean ${y === 0 ? 'from the start' : 'over the year'} vs inflows - outflows`);
    }

    // Totals are sums, so their means are the sums of the means.
    const perHost = (prefix: string) => hostIds.map((h) => `${prefix}.${h}`);
    const total = (metric: string, parts: readonly string[]) =>
      identity('aggregates', metric, y, mean(metric, y), sum(parts, y), Math.abs(mean(metric, y)) + scale(parts, y), `mean vs the sum of the means of ${parts.join(' + ') || 'nothing'}`);
    const doctorDefectFlows = [...perHost('paroleDefectDoctors'), ...perHost('stayDefectDoctors')];
    total('doctorsAbroad', perHost('doctorsAbroad'));
    total('otherWorkersAbroad', perHost('otherWorkersAbroad'));
    total('healthWorkersAbroad', ['doctorsAbroad', 'otherWorkersAbroad']);
    for (const h of hostIds) total(`healthWorkersAbroad.${h}`, [`doctorsAbroad.${h}`, `otherWorkersAbroad.${h}`]);
    total('totalDoctors', ['domesticDoctors', 'doctorsAbroad']);
    total('defections', [...doctorDefectFlows, ...perHost('paroleDefectOthers'), ...perHost('stayDefectOthers')]);
    total('doctorDefections', doctorDefectFlows);

    // Running totals.
    for (const [cumulative, yearly] of [['cumulativeDefections', 'defections'], ['cumulativeParoleApprovals', 'paroleApprovals']] as const) {
      const years = Array.from({ length: y + 1 }, (_, i) => i);
      const running = years.reduce((acc, i) => acc + mean(yearly, i), 0);
      const size = Math.abs(mean(cumulative, y)) + years.reduce((acc, i) => acc + Math.abs(mean(yearly, i)), 0);
      identity('cumulative', cumulative, y, mean(cumulative, y), running, size, `mean vs the running sum of the means of ${yearly}`);
    }
    // Equal in every run, so equal in every statistic.
    for (const s of STATISTICS) {
      if (stat('paroleAdmitted', s, y) !== stat('cumulativeParoleApprovals', s, y)) fail('cumulative', 'paroleAdmitted', y, `${s} = ${stat('paroleAdmitted', s, y)}, cumulativeParoleApprovals ${stat('cumulativeParoleApprovals', s, y)}`);
    }

    // Money: revenue and pay split the payments, and neither exceeds them in any run, so in no statistic.
    const revenue = mean('stateRevenueUSD', y);
    const pay = mean('workerPayUSD', y);
    identity('moneySplit', 'hostPaymentsUSD', y, revenue + pay, payments, Math.abs(revenue) + Math.abs(pay) + Math.abs(payments), 'mean revenue + mean worker pay vs mean payments');
    const booked = mean('reportedHealthExportsUSD', y);
    const bookedRevenue = mean('bookedStateRevenueUSD', y);
    identity('moneySplit', 'reportedHealthExportsUSD', y, bookedRevenue + pay, booked, Math.abs(bookedRevenue) + Math.abs(pay) + Math.abs(booked), 'mean booked state revenue + mean worker pay vs mean reported health exports');
    for (const part of ['stateRevenueUSD', 'workerPayUSD']) {
      for (const s of STATISTICS) {
        const [a, b] = [stat(part, s, y), stat('hostPaymentsUSD', s, y)];
        if (a !== null && b !== null && !(a <= b + ULPS * Math.abs(b))) fail('revenueWithinPayments', part, y, `${s} = ${a} exceeds hostPaymentsUSD ${s} = ${b}`);
      }
    }

    // Effective retention: a share, within the range the scenario allows.
    const [lo, hi] = facts.retention(y) ?? [0, 1];
    for (const s of STATISTICS) {
      const r = stat('retentionShare', s, y);
      if (r === null) continue;
      if (!(r >= 0 && r <= 1)) fail('retentionBounds', 'retentionShare', y, `${s} = ${r}, not a share in [0, 1]`);
      else if (!(r >= lo - ULPS * lo - UNDERFLOW && r <= hi + ULPS * hi)) fail('retentionBounds', 'retentionShare', y, `${s} = ${r}, outside [${lo}, ${hi}] of min(retention, cap) over paying hosts`);
    }

    // Parole never open so far: nobody in or through the parole stocks.
    if (Array.from({ length: y + 1 }, (_, i) => mean('paroleOpenMonths', i)).every((m) => m === 0)) {
      for (const m of [...PAROLE, ...perHost('paroleDefectDoctors'), ...perHost('paroleDefectOthers')]) {
        for (const s of STATISTICS) {
          const v = stat(m, s, y);
          if (v !== 0) fail('paroleClosed', m, y, `${s} = ${v} with parole closed since the start`);
        }
      }
    }
  }
  return out;
}

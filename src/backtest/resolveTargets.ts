import type { MetricDef, ModelLayout } from '../model/layout.js';
import { monthCell, type CellGrid } from '../montecarlo/cellReader.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { Diagnostic, Result } from '../scenario/diagnostic.js';
import { monthText } from '../scenario/month.js';
import { nearest } from '../scenario/nearest.js';
import type { Period, Target } from './target.js';

/** One weighted cell of a run: `offset` is a yearly cell (`metric * years + year`) or a month cell (`monthCell`). */
export interface Term {
  readonly offset: number;
  readonly weight: number;
}

/** A target with its model value spelled out as weighted cells: the sum of `numerator`, over that of `denominator`. */
export interface ResolvedTarget {
  readonly target: Target;
  readonly numerator: readonly Term[];
  readonly denominator: readonly Term[] | undefined;
}

/** What targets resolve against: a scenario's metrics, years and months, and the calendar month it starts in (0-11). */
export type TargetFrame = CellGrid & Pick<CompiledScenario, 'startMonth'>;

/**
 * Checks targets against a scenario's metrics and horizon and turns each into weighted cells of a run, or
 * returns every problem found, located at the metric or period cell. A year reads the year's cell (a stock on
 * 31 December, a flow's total); a month, the value at a moment at the end of that month; a US fiscal year FYy
 * (October y-1 to September y), a value at a moment on 30 September y and a flow with a running total as
 * that total's rise from the end of September y-1 to the end of September y. A fiscal year of any other flow
 * is 0.25 of year y-1 plus 0.75 of year y, as if the flow were spread evenly over its year.
 */
export function resolveTargets(targets: readonly Target[], frame: TargetFrame): Result<ResolvedTarget[]> {
  const { layout, years } = frame;
  const errors: Diagnostic[] = [];
  const out: ResolvedTarget[] = [];
  const names = layout.metrics.map((m) => m.name);
  // Months count from year 0 (`monthIndex`); the first simulated one is month index 0 of the run.
  const start = years[0] * 12 + frame.startMonth;
  const end = start + frame.months - 1;
  for (const target of targets) {
    const { at, metric, period } = target;
    const before = errors.length;
    const metricError = (message: string) => errors.push({ file: at.file, line: at.line, col: at.metricCol, message });
    const periodError = (message: string) => errors.push({ file: at.file, line: at.line, col: at.periodCol, message });

    const lookup = (name: string): MetricDef | undefined => {
      const i = layout.index[name];
      if (i !== undefined) return layout.metrics[i];
      const guess = nearest(name, names);
      metricError(`unknown metric '${name}'${guess ? `; did you mean '${guess}'?` : ''} (brigadas run --format csv lists them all)`);
      return undefined;
    };
    const cells = (def: MetricDef, reads: Reads): Term[] | undefined => {
      const metricIndex = layout.index[(reads.metric ?? def).name];
      const terms: Term[] = [];
      for (const [year, weight] of reads.years) {
        const y = years.indexOf(year);
        if (y < 0) {
          periodError(`period ${target.periodText} needs the model's value for ${year}, outside the scenario's years ${years[0]}-${years[years.length - 1]}`);
          return undefined;
        }
        terms.push({ offset: metricIndex * years.length + y, weight });
      }
      for (const [month, weight] of reads.months) {
        // The month before the start ends with every running total at 0: nothing is counted before the start.
        if (month === start - 1 && reads.zeroBeforeStart) continue;
        if (month < start || month > end) {
          periodError(`period ${target.periodText} needs the model's value at the end of ${monthText(month)}, ${month < start ? `before the scenario's start ${monthText(start)}` : `after its end ${monthText(end)}`}`);
          return undefined;
        }
        terms.push({ offset: monthCell(frame, metricIndex, month - start), weight });
      }
      return terms;
    };

    if (metric.type === 'decline') {
      const def = lookup(metric.name);
      if (!def) continue;
      if (isYearly(def)) metricError(`decline() takes a value at a moment; '${def.name}' is a total over each year (${def.unit})`);
      if (period.type !== 'year' && period.type !== 'span') periodError(`decline() takes a year (2019) or a span (2018..2019), not ${target.periodText}`);
      if (errors.length > before || (period.type !== 'year' && period.type !== 'span')) continue;
      const [first, last] = period.type === 'year' ? [period.year, period.year] : [period.from, period.to];
      const terms = cells(def, yearReads([first - 1, 1], [last, -1]));
      if (terms) out.push({ target, numerator: terms, denominator: undefined });
      continue;
    }

    const defs = (metric.type === 'metric' ? [metric.name] : [metric.numerator, metric.denominator]).map(lookup);
    if (defs.some((d) => d === undefined)) continue;
    const resolved: Term[][] = [];
    for (const def of defs as MetricDef[]) {
      const reads = periodReads(period, def, layout);
      if (typeof reads === 'string') {
        periodError(`${reads}; '${def.name}' is ${nature(def)}`);
        break;
      }
      const terms = cells(def, reads);
      if (!terms) break;
      resolved.push(terms);
    }
    if (errors.length > before) continue;
    out.push({ target, numerator: resolved[0], denominator: resolved[1] });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/** Whether a metric is a total over each calendar year (a flow, money) rather than a value at a moment. */
export function isYearly(def: MetricDef): boolean {
  return def.kind === 'flow' || def.unit.endsWith('/year');
}

// What a period reads of a metric: weighted yearly cells and month cells (months counted from year 0), of the
// metric itself or of another one (its running total).
interface Reads {
  readonly metric?: MetricDef;
  readonly years: readonly (readonly [number, number])[];
  readonly months: readonly (readonly [number, number])[];
  /** Whether a month before the start reads 0 (a running total, 0 until the first month counts). */
  readonly zeroBeforeStart?: boolean;
}

const yearReads = (...years: (readonly [number, number])[]): Reads => ({ years, months: [] });

// What a period reads of a metric, or why it cannot apply.
function periodReads(period: Period, def: MetricDef, layout: ModelLayout): Reads | string {
  switch (period.type) {
    case 'year':
      return yearReads([period.year, 1]);
    case 'fiscalYear': {
      const september = period.year * 12 + 8;
      if (def.moment) return { years: [], months: [[september, 1]] };
      // The flow from October to September, exactly, where the model counts it month by month.
      if (def.runningTotal !== undefined) {
        return {
          metric: layout.metrics[layout.index[def.runningTotal]],
          years: [],
          months: [
            [september, 1],
            [september - 12, -1],
          ],
          zeroBeforeStart: true,
        };
      }
      return yearReads([period.year - 1, 0.25], [period.year, 0.75]);
    }
    case 'month':
      if (def.moment) return { years: [], months: [[period.year * 12 + period.month - 1, 1]] };
      return 'a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span';
    case 'span': {
      if (!isYearly(def)) return 'a span sums a yearly total: for a change in a value at a moment use decline()';
      const years: [number, number][] = [];
      for (let y = period.from; y <= period.to; y++) years.push([y, 1]);
      return { years, months: [] };
    }
  }
}

// What kind of value a metric is, for messages.
function nature(def: MetricDef): string {
  if (def.moment) return 'a value at a moment';
  return isYearly(def) ? `a total over each year (${def.unit})` : `worked out from each year's totals (${def.unit})`;
}

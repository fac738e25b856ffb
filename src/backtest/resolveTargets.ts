import type { MetricDef, ModelLayout } from '../model/layout.js';
import type { Diagnostic, Result } from '../scenario/diagnostic.js';
import { nearest } from '../scenario/nearest.js';
import type { Period, Target } from './target.js';

/** One weighted cell of a run's values: `offset` into its `[metric][year]` block. */
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

/**
 * Checks targets against a scenario's metrics and years and turns each into weighted cells of a run's values,
 * or returns every problem found, located at the metric or period cell. Periods map to the model's calendar
 * years: a fiscal year FYy is 0.25 of year y-1 plus 0.75 of year y (a flow spread evenly over its year, or a
 * stock interpolated to 30 September); a month is interpolated between the year ends around it.
 */
export function resolveTargets(targets: readonly Target[], layout: ModelLayout, years: readonly number[]): Result<ResolvedTarget[]> {
  const errors: Diagnostic[] = [];
  const out: ResolvedTarget[] = [];
  const names = layout.metrics.map((m) => m.name);
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
    const cells = (def: MetricDef, weights: readonly (readonly [number, number])[]): Term[] | undefined => {
      const terms: Term[] = [];
      for (const [year, weight] of weights) {
        const y = years.indexOf(year);
        if (y < 0) {
          periodError(`period ${target.periodText} needs the model's value for ${year}, outside the scenario's years ${years[0]}-${years[years.length - 1]}`);
          return undefined;
        }
        terms.push({ offset: layout.index[def.name] * years.length + y, weight });
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
      const terms = cells(def, [
        [first - 1, 1],
        [last, -1],
      ]);
      if (terms) out.push({ target, numerator: terms, denominator: undefined });
      continue;
    }

    const defs = (metric.type === 'metric' ? [metric.name] : [metric.numerator, metric.denominator]).map(lookup);
    if (defs.some((d) => d === undefined)) continue;
    const resolved: Term[][] = [];
    for (const def of defs as MetricDef[]) {
      const weights = periodWeights(period, isYearly(def));
      if (typeof weights === 'string') {
        periodError(`${weights}; '${def.name}' is ${isYearly(def) ? `a total over each year (${def.unit})` : 'a value at a moment'}`);
        break;
      }
      const terms = cells(def, weights);
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

// The (year, weight) pairs a period takes from the model's yearly values, or why it cannot apply.
function periodWeights(period: Period, yearly: boolean): (readonly [number, number])[] | string {
  switch (period.type) {
    case 'year':
      return [[period.year, 1]];
    case 'fiscalYear':
      return [
        [period.year - 1, 0.25],
        [period.year, 0.75],
      ];
    case 'month':
      if (yearly) return 'a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span';
      return period.month === 12
        ? [[period.year, 1]]
        : [
            [period.year - 1, (12 - period.month) / 12],
            [period.year, period.month / 12],
          ];
    case 'span': {
      if (!yearly) return 'a span sums a yearly total: for a change in a value at a moment use decline()';
      const out: [number, number][] = [];
      for (let y = period.from; y <= period.to; y++) out.push([y, 1]);
      return out;
    }
  }
}

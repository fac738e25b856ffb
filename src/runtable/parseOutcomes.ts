import type { MetricDef } from '../model/layout.js';
import { nearest } from '../scenario/nearest.js';
import type { Outcome, OutcomeReduction } from './outcome.js';
import { notSummableReason, summableOverYears } from './summableOverYears.js';

/** The most outcomes one run table may have: each is a column of every row (a million rows of 200 floats is 1.6 GB of CSV). */
export const MAX_OUTCOMES = 200;

/** Either the parsed outcomes or every problem found, each a plain English sentence naming its item. */
export type OutcomesResult = { readonly ok: true; readonly value: readonly Outcome[] } | { readonly ok: false; readonly errors: readonly string[] };

/** What parseOutcomes checks names and years against: the scenario's metrics (layout order) and reported years. */
export interface OutcomeContext {
  readonly metrics: readonly MetricDef[];
  readonly years: readonly number[];
}

const FORMS = 'metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean';
const ITEM = /^(?<metric>[^@]*)@(?<from>[^.:]*)(?:\.\.(?<to>[^:]*))?(?::(?<how>.*))?$/;
const YEAR = /^\d{4}$/;

/**
 * Parses `--outcomes` text, comma-separated items `metric@YEAR`, `metric@Y1..Y2` (summed for a metric that
 * adds up over years, averaged otherwise) or `metric@Y1..Y2:sum` / `:mean`, against a scenario's metrics and
 * years. Every item is checked, so one run of the command lists every mistake.
 */
export function parseOutcomes(text: string, context: OutcomeContext, label = '--outcomes'): OutcomesResult {
  const items = text.split(',').map((s) => s.trim());
  if (items.length === 1 && items[0] === '') return { ok: false, errors: [`${label}: no outcome given; expected ${FORMS}, comma-separated`] };
  if (items.length > MAX_OUTCOMES) return { ok: false, errors: [`${label}: ${items.length} outcomes; expected at most ${MAX_OUTCOMES}`] };

  const index = new Map(context.metrics.map((m, i) => [m.name, i]));
  const names = context.metrics.map((m) => m.name);
  const { years } = context;
  const range = years.length > 0 ? `${years[0]}..${years[years.length - 1]}` : 'none';
  const errors: string[] = [];
  const outcomes: Outcome[] = [];
  const byColumn = new Map<string, Outcome>();

  items.forEach((item, i) => {
    const fail = (why: string) => errors.push(`${label}: '${item}': ${why}`);
    if (item === '') return errors.push(`${label}: item ${i + 1} is empty; expected ${FORMS}`);
    const parts = ITEM.exec(item)?.groups;
    if (!parts) {
      const guess = index.has(item) ? `${item}@${years[years.length - 1] ?? 'YEAR'}` : undefined;
      return fail(`expected ${FORMS}${guess ? ` (such as '${guess}')` : ''}`);
    }
    const metric = parts.metric.trim();
    const m = index.get(metric);
    if (m === undefined) {
      const close = nearest(metric, names);
      return fail(metric === '' ? `no metric before '@'; expected ${FORMS}` : `no metric '${metric}'${close ? ` (did you mean '${close}'?)` : ''}`);
    }
    const def = context.metrics[m];
    const ranged = parts.to !== undefined;
    const yearIndex = (t: string): number | undefined => {
      const y = t.trim();
      if (!YEAR.test(y)) {
        fail(`'${y}' is not a year; expected ${FORMS}`);
        return undefined;
      }
      const k = years.indexOf(Number(y));
      if (k < 0) fail(`year ${y} is outside the scenario's years ${range}`);
      return k < 0 ? undefined : k;
    };
    const a = yearIndex(parts.from);
    const b = ranged ? yearIndex(parts.to as string) : a;
    if (a === undefined || b === undefined) return;
    if (b < a) return fail(`the range runs backwards; write ${metric}@${years[b]}..${years[a]}`);

    let reduction: OutcomeReduction = 'value';
    if (parts.how !== undefined) {
      const how = parts.how.trim();
      if (how !== 'sum' && how !== 'mean') return fail(`unknown reduction ':${how}'; expected :sum or :mean`);
      if (!ranged) return fail(`:${how} applies to a range of years; write ${metric}@${years[a]}..YEAR:${how}, or ${metric}@${years[a]} for the year alone`);
      if (how === 'sum' && !summableOverYears(def)) return fail(`cannot sum ${metric}: it is ${notSummableReason(def)}; use :mean`);
      reduction = how;
    } else if (ranged) reduction = summableOverYears(def) ? 'sum' : 'mean';

    const cells = new Int32Array(b - a + 1);
    for (let k = a; k <= b; k++) cells[k - a] = m * years.length + k;
    const from = years[a];
    const to = years[b];
    const outcome: Outcome = { text: item, metric, metricIndex: m, from, to, reduction, column: columnName(metric, reduction, from, to), cells };
    const twin = byColumn.get(outcome.column);
    if (twin) {
      const same = twin.metric === metric && twin.from === from && twin.to === to && twin.reduction === reduction;
      return fail(same ? `the same outcome as '${twin.text}' (column ${outcome.column}); list it once` : `its column name ${outcome.column} is also that of '${twin.text}'`);
    }
    byColumn.set(outcome.column, outcome);
    outcomes.push(outcome);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: outcomes };
}

/**
 * The column name of an outcome: the metric with its dots as `_` (host ids are letters, digits and `_`, so
 * the name is an identifier in Python and R), then the year, or the reduction and the range.
 */
export function columnName(metric: string, reduction: OutcomeReduction, from: number, to: number): string {
  const base = metric.replaceAll('.', '_');
  return reduction === 'value' ? `${base}_${from}` : `${base}_${reduction}_${from}_${to}`;
}

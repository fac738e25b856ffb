import type { Diagnostic, Result } from '../scenario/diagnostic.js';
import { nearest } from '../scenario/nearest.js';
import { csvRecords, type CsvField } from './csvRecords.js';
import { parseAnchors } from './parseAnchors.js';
import { SOURCE_FAMILIES } from './sourceFamilies.js';
import type { MetricExpr, Period, Target, TargetKind, TargetSet } from './target.js';

/** The columns of a targets file, in the order the project's file uses (any order is accepted). */
export const TARGET_COLUMNS = ['id', 'series', 'metric', 'period', 'kind', 'value', 'low', 'high', 'unit', 'source', 'evidence', 'fit', 'anchor', 'family', 'note'] as const;

type Column = (typeof TARGET_COLUMNS)[number];

const KINDS: readonly TargetKind[] = ['point', 'lower_bound', 'upper_bound', 'range'];
const SETS: readonly TargetSet[] = ['fit', 'heldout', 'excluded'];
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;
const EVIDENCE_ID = /^[A-Z]\d{3}$/;

/** The most targets a file may hold: a calibration keeps every target's value in every draw (data/history.csv has 77). */
export const MAX_TARGETS = 10_000;

/**
 * Reads a targets file (CSV with the TARGET_COLUMNS header) into typed targets, or every problem found,
 * each located at its cell as `file:line:col`. Metric names are checked later, against a scenario's layout.
 */
export function parseTargets(text: string, file: string): Result<Target[]> {
  const parsed = csvRecords(text, file);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.value;
  if (header === undefined) return { ok: false, errors: [{ file, line: 1, col: 1, message: `empty targets file: expected a header line ${TARGET_COLUMNS.join(',')}` }] };

  const errors: Diagnostic[] = [];
  const at = (f: CsvField, message: string) => errors.push({ file, line: f.line, col: f.col, message });
  const index = new Map<Column, number>();
  header.fields.forEach((f, i) => {
    const name = f.text.trim();
    if (!(TARGET_COLUMNS as readonly string[]).includes(name)) {
      const guess = nearest(name, TARGET_COLUMNS);
      at(f, `unknown column '${name}'${guess ? `; did you mean '${guess}'?` : ''} expected: ${TARGET_COLUMNS.join(', ')}`);
    } else if (index.has(name as Column)) at(f, `column '${name}' appears twice`);
    else index.set(name as Column, i);
  });
  const missing = TARGET_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) errors.push({ file, line: header.line, col: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  if (errors.length > 0) return { ok: false, errors };

  if (rows.length > MAX_TARGETS) {
    const first = rows[MAX_TARGETS];
    return { ok: false, errors: [{ file, line: first.line, col: 1, message: `the file holds ${rows.length.toLocaleString('en-US')} targets; expected at most ${MAX_TARGETS.toLocaleString('en-US')}` }] };
  }
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      errors.push({ file, line: row.line, col: 1, message: `expected ${header.fields.length} fields as in the header, found ${row.fields.length}` });
      continue;
    }
    const cell = (c: Column): CsvField => row.fields[index.get(c) as number];
    const before = errors.length;
    const required = (c: Column): string => {
      const t = cell(c).text.trim();
      if (t === '') at(cell(c), `empty ${c}: every target needs one`);
      return t;
    };

    const id = required('id');
    if (id !== '' && seen.has(id)) at(cell('id'), `duplicate id '${id}' (first on line ${seen.get(id)})`);
    else if (id !== '') seen.set(id, row.line);
    const series = required('series');
    const metricText = required('metric');
    const metric = metricText === '' ? undefined : parseMetric(metricText);
    if (metricText !== '' && !metric) at(cell('metric'), `cannot read metric '${metricText}': expected a metric name, 'a / b' or 'decline(a)'`);
    const periodText = required('period');
    const period = periodText === '' ? undefined : parsePeriod(periodText);
    if (periodText !== '' && !period) at(cell('period'), `cannot read period '${periodText}': expected a year (2015), a US fiscal year (FY2015), a month (2020-03) or a span (2006..2021)`);
    const kindText = required('kind');
    const kind = KINDS.find((k) => k === kindText);
    if (kindText !== '' && !kind) at(cell('kind'), `unknown kind '${kindText}': expected one of ${KINDS.join(', ')}`);
    const unit = required('unit');
    const source = required('source');
    const evidenceText = required('evidence');
    const evidence = evidenceText.split(/[;\s]+/).filter((e) => e !== '');
    const badId = evidence.find((e) => !EVIDENCE_ID.test(e));
    if (badId !== undefined) at(cell('evidence'), `evidence id '${badId}' is not of the form S012 or X086 (separate ids with ';')`);
    const setText = required('fit');
    const set = SETS.find((s) => s === setText);
    if (setText !== '' && !set) at(cell('fit'), `unknown fit '${setText}': expected one of ${SETS.join(', ')}`);
    const anchorCell = required('anchor');
    const anchor = anchorCell === '' ? undefined : parseAnchors(anchorCell);
    if (typeof anchor === 'string') at(cell('anchor'), anchor);
    const familyText = required('family');
    const family = SOURCE_FAMILIES.find((f) => f === familyText);
    if (familyText !== '' && !family) {
      const guess = nearest(familyText, SOURCE_FAMILIES);
      at(cell('family'), `unknown family '${familyText}'${guess ? `; did you mean '${guess}'?` : ':'} expected one of ${SOURCE_FAMILIES.join(', ')}`);
    }
    const note = cell('note').text.trim();
    if (set === 'excluded' && note === '') at(cell('note'), 'an excluded target needs a note saying why it is excluded');

    const interval = kind ? readInterval(kind, cell, at) : undefined;
    if (errors.length > before || !metric || !period || !kind || !set || !interval || anchor === undefined || typeof anchor === 'string' || !family) continue;
    targets.push({
      id,
      series,
      metricText,
      metric,
      periodText,
      period,
      kind,
      low: interval[0],
      high: interval[1],
      unit,
      source,
      evidence,
      set,
      anchor,
      family,
      note,
      at: { file, line: row.line, metricCol: cell('metric').col, periodCol: cell('period').col },
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: targets };
}

// A point or a bound is written in `value` and a range in `low` and `high`; the other cells stay empty, so
// a row cannot say two things at once.
function readInterval(kind: TargetKind, cell: (c: Column) => CsvField, at: (f: CsvField, m: string) => void): [number, number] | undefined {
  const num = (c: Column, wanted: boolean): number | undefined => {
    const f = cell(c);
    const t = f.text.trim();
    if (!wanted) {
      if (t !== '') at(f, `a ${kind} leaves '${c}' empty (${kind === 'range' ? "use 'low' and 'high'" : "use 'value'"})`);
      return undefined;
    }
    if (t === '') {
      at(f, `a ${kind} needs a number in '${c}'`);
      return undefined;
    }
    if (!NUMBER.test(t)) {
      at(f, `'${t}' is not a number (write digits without thousands separators, e.g. 30407 or 2.312e9)`);
      return undefined;
    }
    return Number(t);
  };
  const isRange = kind === 'range';
  const value = num('value', !isRange);
  const low = num('low', isRange);
  const high = num('high', isRange);
  if (!isRange) {
    if (value === undefined) return undefined;
    return kind === 'point' ? [value, value] : kind === 'lower_bound' ? [value, Infinity] : [-Infinity, value];
  }
  if (low === undefined || high === undefined) return undefined;
  if (low > high) {
    at(cell('low'), `range low ${low} is above its high ${high}`);
    return undefined;
  }
  return [low, high];
}

/** Reads a metric cell: `name`, `name / name` or `decline(name)`. */
export function parseMetric(text: string): MetricExpr | undefined {
  const decline = /^decline\(\s*([^()\s]+)\s*\)$/.exec(text);
  if (decline) return NAME.test(decline[1]) ? { type: 'decline', name: decline[1] } : undefined;
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length === 2 && NAME.test(parts[0]) && NAME.test(parts[1])) return { type: 'ratio', numerator: parts[0], denominator: parts[1] };
  return parts.length === 1 && NAME.test(parts[0]) ? { type: 'metric', name: parts[0] } : undefined;
}

/** Reads a period cell: `2015`, `FY2015`, `2020-03` or `2006..2021`. */
export function parsePeriod(text: string): Period | undefined {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { type: 'year', year: Number(m[1]) };
  m = /^FY(\d{4})$/.exec(text);
  if (m) return { type: 'fiscalYear', year: Number(m[1]) };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { type: 'month', year: Number(m[1]), month } : undefined;
  }
  m = /^(\d{4})\.\.(\d{4})$/.exec(text);
  if (m && Number(m[1]) <= Number(m[2])) return { type: 'span', from: Number(m[1]), to: Number(m[2]) };
  return undefined;
}

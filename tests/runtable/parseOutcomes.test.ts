import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/model/layout.js';
import { outcomeCells } from '../../src/runtable/outcomeCells.js';
import { MAX_OUTCOMES, parseOutcomes } from '../../src/runtable/parseOutcomes.js';
import { outcomeColumns, reduceOutcomes } from '../../src/runtable/reduceOutcomes.js';
import { summableOverYears } from '../../src/runtable/summableOverYears.js';

const layout = modelLayout(['venezuela', 'brazil']);
const years = Array.from({ length: 33 }, (_, i) => 2003 + i); // 2003..2035
const context = { metrics: layout.metrics, years };
const Y = years.length;

function parsed(text: string) {
  const r = parseOutcomes(text, context);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}
function errors(text: string): readonly string[] {
  const r = parseOutcomes(text, context);
  if (r.ok) throw new Error(`'${text}' parsed`);
  return r.errors;
}

describe('parseOutcomes', () => {
  it('reads a metric in a year, its column and its cell', () => {
    const [o] = parsed('healthWorkersAbroad@2030');
    const m = layout.index.healthWorkersAbroad;
    expect(o).toMatchObject({ metric: 'healthWorkersAbroad', metricIndex: m, from: 2030, to: 2030, reduction: 'value', column: 'healthWorkersAbroad_2030' });
    expect(Array.from(o.cells)).toEqual([m * Y + 27]);
  });

  it('sums a flow over a range and averages a stock or a ratio', () => {
    const [rev, stock, share, perDoctor, pay] = parsed('stateRevenueUSD@2030..2035, healthWorkersAbroad@2030..2035,retentionShare@2030..2035,patientsPerDoctor@2030..2031,workerPayPerMonthUSD@2030..2031');
    expect([rev.reduction, rev.column]).toEqual(['sum', 'stateRevenueUSD_sum_2030_2035']);
    expect(Array.from(rev.cells)).toEqual([27, 28, 29, 30, 31, 32].map((k) => layout.index.stateRevenueUSD * Y + k));
    expect([stock.reduction, stock.column]).toEqual(['mean', 'healthWorkersAbroad_mean_2030_2035']);
    expect([share.reduction, share.column]).toEqual(['mean', 'retentionShare_mean_2030_2035']);
    expect(perDoctor.reduction).toBe('mean');
    expect(pay.reduction).toBe('mean');
  });

  it('takes an explicit :sum or :mean, and writes a host metric with _ for its dot', () => {
    const [a, b, c] = parsed('stateRevenueUSD@2030..2035:mean,defections.venezuela@2010..2012:sum,paroleOpenMonths@2027..2030');
    expect(a.column).toBe('stateRevenueUSD_mean_2030_2035');
    expect(b).toMatchObject({ metric: 'defections.venezuela', column: 'defections_venezuela_sum_2010_2012', reduction: 'sum' });
    expect(c.reduction).toBe('sum');
  });

  it('classifies every metric of the layout by one rule: flows of amounts add up, moments and ratios do not', () => {
    const summable = layout.metrics.filter(summableOverYears).map((m) => m.name);
    const not = layout.metrics.filter((m) => !summableOverYears(m));
    for (const m of not) expect(m.moment || /share|\/(doctor|worker-month)/.test(m.unit), m.name).toBe(true);
    expect(summable).toContain('stateRevenueUSD');
    expect(summable).toContain('deployDoctors.brazil');
    expect(summable).toContain('paroleOpenMonths');
    expect(summable).not.toContain('retentionShare');
    expect(summable).not.toContain('workerPayPerMonthUSD');
    expect(summable).not.toContain('cumulativeDefections');
  });

  it('gives every column name as an identifier pandas and R take unquoted', () => {
    const all = layout.metrics.map((m) => `${m.name}@2030`).join(',');
    expect(layout.metrics.length).toBeLessThanOrEqual(MAX_OUTCOMES);
    for (const o of parsed(all)) expect(o.column).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('says what is wrong with each item, in plain English', () => {
    expect(errors('healthWorkerAbroad@2030')).toEqual(["--outcomes: 'healthWorkerAbroad@2030': no metric 'healthWorkerAbroad' (did you mean 'healthWorkersAbroad'?)"]);
    expect(errors('zzz@2030')).toEqual(["--outcomes: 'zzz@2030': no metric 'zzz'"]);
    expect(errors('healthWorkersAbroad@2040')).toEqual(["--outcomes: 'healthWorkersAbroad@2040': year 2040 is outside the scenario's years 2003..2035"]);
    expect(errors('healthWorkersAbroad@2030..2036')).toEqual(["--outcomes: 'healthWorkersAbroad@2030..2036': year 2036 is outside the scenario's years 2003..2035"]);
    expect(errors('healthWorkersAbroad@30')).toEqual(["--outcomes: 'healthWorkersAbroad@30': '30' is not a year; expected metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean"]);
    expect(errors('healthWorkersAbroad')).toEqual(["--outcomes: 'healthWorkersAbroad': expected metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean (such as 'healthWorkersAbroad@2035')"]);
    expect(errors('@2030')).toEqual(["--outcomes: '@2030': no metric before '@'; expected metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean"]);
    expect(errors('stateRevenueUSD@2035..2030')).toEqual(["--outcomes: 'stateRevenueUSD@2035..2030': the range runs backwards; write stateRevenueUSD@2030..2035"]);
    expect(errors('stateRevenueUSD@2030..2035:total')).toEqual(["--outcomes: 'stateRevenueUSD@2030..2035:total': unknown reduction ':total'; expected :sum or :mean"]);
    expect(errors('stateRevenueUSD@2030:sum')).toEqual(["--outcomes: 'stateRevenueUSD@2030:sum': :sum applies to a range of years; write stateRevenueUSD@2030..YEAR:sum, or stateRevenueUSD@2030 for the year alone"]);
    expect(errors('retentionShare@2030..2035:sum')).toEqual(["--outcomes: 'retentionShare@2030..2035:sum': cannot sum retentionShare: it is a ratio (share), which does not add up over years; use :mean"]);
    expect(errors('healthWorkersAbroad@2030..2035:sum')).toEqual(["--outcomes: 'healthWorkersAbroad@2030..2035:sum': cannot sum healthWorkersAbroad: it is a value at a moment (health workers on 31 December), which does not add up over years; use :mean"]);
    expect(errors('patientsPerDoctor@2030..2035:sum')).toEqual(["--outcomes: 'patientsPerDoctor@2030..2035:sum': cannot sum patientsPerDoctor: it is a ratio (persons/doctor), which does not add up over years; use :mean"]);
  });

  it('refuses duplicates, empty items, no outcome and too many, listing every problem at once', () => {
    expect(errors('stateRevenueUSD@2030..2035, stateRevenueUSD@2030..2035:sum')).toEqual([
      "--outcomes: 'stateRevenueUSD@2030..2035:sum': the same outcome as 'stateRevenueUSD@2030..2035' (column stateRevenueUSD_sum_2030_2035); list it once",
    ]);
    expect(errors('healthWorkersAbroad@2030,,x@2030')).toEqual(['--outcomes: item 2 is empty; expected metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean', "--outcomes: 'x@2030': no metric 'x'"]);
    expect(errors(' ')).toEqual(['--outcomes: no outcome given; expected metric@YEAR, metric@YEAR..YEAR or metric@YEAR..YEAR:sum or :mean, comma-separated']);
    const many = Array.from({ length: MAX_OUTCOMES + 1 }, (_, i) => `healthWorkersAbroad@${2003 + (i % 33)}`).join(',');
    expect(errors(many)).toEqual([`--outcomes: ${MAX_OUTCOMES + 1} outcomes; expected at most ${MAX_OUTCOMES}`]);
    expect(parseOutcomes('x@2030', context, '--outcome')).toEqual({ ok: false, errors: ["--outcome: 'x@2030': no metric 'x'"] });
  });
});

describe('outcomeCells and reduceOutcomes', () => {
  const outcomes = parsed('stateRevenueUSD@2030..2032,stateRevenueUSD@2031,retentionShare@2030..2031,healthWorkersAbroad@2030');
  const cells = outcomeCells(outcomes);

  it('lists the distinct cells in ascending order', () => {
    const r = layout.index.stateRevenueUSD * Y;
    const s = layout.index.retentionShare * Y;
    const h = layout.index.healthWorkersAbroad * Y;
    expect(Array.from(cells)).toEqual([h + 27, r + 27, r + 28, r + 29, s + 27, s + 28].sort((a, b) => a - b));
  });

  it('sums, averages and reads the cells of each run; a NaN year makes its sum or mean NaN', () => {
    const value = (cell: number, run: number) => (cell === layout.index.retentionShare * Y + 28 && run === 1 ? NaN : cell + run * 1000);
    const runs = 3;
    const values = new Float64Array(runs * cells.length);
    for (let r = 0; r < runs; r++) cells.forEach((c, k) => (values[r * cells.length + k] = value(c, r)));
    const out = new Float64Array(outcomes.length);
    for (let r = 0; r < runs; r++) {
      reduceOutcomes(outcomes, values, r * cells.length, out);
      const expected = outcomes.map((o) => {
        const xs = Array.from(o.cells, (c) => value(c, r));
        const total = xs.reduce((a, b) => a + b, 0);
        return o.reduction === 'mean' ? total / xs.length : total;
      });
      expect(Array.from(out)).toEqual(expected);
    }
    const columns = outcomeColumns(outcomes, values, runs);
    expect(columns.map((c) => c[1])).toEqual(Array.from((reduceOutcomes(outcomes, values, cells.length, out), out)));
    expect(Number.isNaN(columns[2][1])).toBe(true);
    expect(() => outcomeColumns(outcomes, values, runs + 1)).toThrow(/expected 4 runs x 6 cells/);
  });
});

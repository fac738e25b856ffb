// From a target's period and metric to a run's cells: calendar years, US fiscal years, months, spans, ratios
// and declines, computed run by run; and the located errors of targets the model cannot answer.
import { describe, expect, it } from 'vitest';
import { resolveTargets, type ResolvedTarget, type TargetFrame } from '../../src/backtest/resolveTargets.js';
import { targetValue } from '../../src/backtest/targetValue.js';
import { modelLayout } from '../../src/model/layout.js';
import { monthCell } from '../../src/montecarlo/cellReader.js';
import { parseOk, targetsFile } from './targetsText.js';

const layout = modelLayout(['alpha']);
const YEARS = [2010, 2011, 2012];
/** Three whole calendar years, 2010-01 to 2012-12. */
const FRAME: TargetFrame = { layout, years: YEARS, startMonth: 0, months: 36 };

/** One run's cells with the given metrics' yearly values, and month values (by month index), set; all others 0. */
function runValues(yearly: Record<string, readonly number[]>, monthly: Record<string, (t: number) => number> = {}): Float64Array {
  const values = new Float64Array(layout.metrics.length * (YEARS.length + FRAME.months));
  for (const [name, ys] of Object.entries(yearly)) ys.forEach((v, y) => (values[layout.index[name] * YEARS.length + y] = v));
  for (const [name, f] of Object.entries(monthly)) for (let t = 0; t < FRAME.months; t++) values[monthCell(FRAME, layout.index[name], t)] = f(t);
  return values;
}

function resolveOk(...rows: string[]): ResolvedTarget[] {
  const r = resolveTargets(parseOk(targetsFile(...rows)), FRAME);
  if (!r.ok) expect.fail(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

function resolveErrors(...rows: string[]): string[] {
  const r = resolveTargets(parseOk(targetsFile(...rows)), FRAME);
  if (r.ok) expect.fail('expected the targets to be refused');
  return r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`);
}

// Month values that tell the month read: 1000 + t for the running total, 10 t for a host's workers.
const RUN = runValues(
  {
    paroleApprovals: [100, 200, 400], // a flow with a running total
    paroleDenials: [10, 20, 40], // a flow without one
    cumulativeParoleApprovals: [100, 300, 700], // a value at a moment
    population: [1000, 1100, 1200],
    totalDoctors: [10, 0, 12],
    'healthWorkersAbroad.alpha': [50, 80, 30],
  },
  { cumulativeParoleApprovals: (t) => 1000 + t, 'healthWorkersAbroad.alpha': (t) => 10 * t, population: (t) => 1000 + t, totalDoctors: (t) => (t === 20 ? 0 : 10) },
);

describe('resolveTargets and targetValue', () => {
  it('a calendar year is the year-end value of a stock or the year total of a flow', () => {
    const [flow, stock] = resolveOk('A,s,paroleApprovals,2011,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,cumulativeParoleApprovals,2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(flow, RUN, 0)).toBe(200);
    expect(targetValue(stock, RUN, 0)).toBe(700);
  });

  it('a US fiscal year FYy: a flow with a running total is its rise from September y-1 to September y', () => {
    // September 2011 and 2012 are months 20 and 32.
    const [flow] = resolveOk('A,s,paroleApprovals,FY2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(flow.numerator).toEqual([
      { offset: monthCell(FRAME, layout.index.cumulativeParoleApprovals, 32), weight: 1 },
      { offset: monthCell(FRAME, layout.index.cumulativeParoleApprovals, 20), weight: -1 },
    ]);
    expect(targetValue(flow, RUN, 0)).toBe(12);
  });

  it('FYy of a value at a moment is its value at the end of September y; of another flow, 0.25 of year y-1 and 0.75 of year y', () => {
    const [stock, flow] = resolveOk('A,s,cumulativeParoleApprovals,FY2011,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,paroleDenials,FY2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(stock, RUN, 0)).toBe(1020);
    expect(targetValue(flow, RUN, 0)).toBe(0.25 * 20 + 0.75 * 40);
  });

  it('the first fiscal year of a horizon that starts in October counts from 0', () => {
    const frame: TargetFrame = { layout, years: [2009, 2010], startMonth: 9, months: 15 };
    const r = resolveTargets(parseOk(targetsFile('A,s,paroleApprovals,FY2010,point,1,,,u,src,X001,fit,none,scholarly,')), frame);
    expect(r.ok && r.value[0].numerator).toEqual([{ offset: monthCell(frame, layout.index.cumulativeParoleApprovals, 11), weight: 1 }]);
  });

  it('a month reads a value at a moment at the end of that month', () => {
    const [march, december] = resolveOk('A,s,healthWorkersAbroad.alpha,2012-03,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,healthWorkersAbroad.alpha,2011-12,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(march.numerator).toEqual([{ offset: monthCell(FRAME, layout.index['healthWorkersAbroad.alpha'], 26), weight: 1 }]);
    expect(targetValue(march, RUN, 0)).toBe(260);
    expect(targetValue(december, RUN, 0)).toBe(230);
  });

  it('a span sums a flow over its calendar years', () => {
    const [span] = resolveOk('A,s,paroleApprovals,2011..2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(span, RUN, 0)).toBe(600);
  });

  it('decline() is the value before the period less the value at its end', () => {
    const [year, span] = resolveOk('A,s,decline(healthWorkersAbroad.alpha),2012,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,decline(healthWorkersAbroad.alpha),2011..2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(year, RUN, 0)).toBe(50);
    expect(targetValue(span, RUN, 0)).toBe(20);
  });

  it('a ratio divides the two metrics run by run at the same period, NaN over zero', () => {
    const [y2010, y2011, june, september] = resolveOk(
      'A,s,population / totalDoctors,2010,point,1,,,u,src,X001,fit,none,scholarly,',
      'B,s,population / totalDoctors,2011,point,1,,,u,src,X001,fit,none,scholarly,',
      'C,s,population / totalDoctors,2012-06,point,1,,,u,src,X001,fit,none,scholarly,',
      'D,s,population / totalDoctors,2011-09,point,1,,,u,src,X001,fit,none,scholarly,',
    );
    expect(targetValue(y2010, RUN, 0)).toBe(100);
    expect(targetValue(y2011, RUN, 0)).toBeNaN();
    expect(targetValue(june, RUN, 0)).toBe(102.9);
    expect(targetValue(september, RUN, 0)).toBeNaN();
  });

  it('reads a run at its offset in a block of runs', () => {
    const [t] = resolveOk('A,s,paroleApprovals,2012,point,1,,,u,src,X001,fit,none,scholarly,');
    const block = new Float64Array([...runValues({}), ...RUN]);
    expect(targetValue(t, block, RUN.length)).toBe(400);
  });
});

describe('resolveTargets errors', () => {
  it('unknown metrics, with a suggestion, at the metric cell', () => {
    expect(resolveErrors('A,s,healthWorkersAbraod,2011,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,population / totalDoctor,2011,point,1,,,u,src,X001,fit,none,scholarly,')).toEqual([
      "targets.csv:2:5: unknown metric 'healthWorkersAbraod'; did you mean 'healthWorkersAbroad'? (brigadas run --format csv lists them all)",
      "targets.csv:3:5: unknown metric 'totalDoctor'; did you mean 'totalDoctors'? (brigadas run --format csv lists them all)",
    ]);
  });

  it('periods the model cannot answer, at the period cell', () => {
    expect(
      resolveErrors(
        'A,s,paroleApprovals,2011-06,point,1,,,u,src,X001,fit,none,scholarly,',
        'B,s,healthWorkersAbroad,2010..2011,point,1,,,u,src,X001,fit,none,scholarly,',
        'C,s,healthWorkersAbroad,2009-12,point,1,,,u,src,X001,fit,none,scholarly,',
        'D,s,paroleDenials,FY2010,point,1,,,u,src,X001,fit,none,scholarly,',
        'E,s,decline(healthWorkersAbroad),FY2011,point,1,,,u,src,X001,fit,none,scholarly,',
        'F,s,decline(paroleApprovals),2011,point,1,,,u,src,X001,fit,none,scholarly,',
        'G,s,totalDoctors,2013-01,point,1,,,u,src,X001,fit,none,scholarly,',
        'H,s,paroleApprovals,FY2010,point,1,,,u,src,X001,fit,none,scholarly,',
        'I,s,cumulativeDefections,FY2013,point,1,,,u,src,X001,fit,none,scholarly,',
        'J,s,retentionShare,2011-06,point,1,,,u,src,X001,fit,none,scholarly,',
        'K,s,population / paroleApprovals,2011-06,point,1,,,u,src,X001,fit,none,scholarly,',
      ),
    ).toEqual([
      "targets.csv:2:21: a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span; 'paroleApprovals' is a total over each year (persons/year)",
      "targets.csv:3:25: a span sums a yearly total: for a change in a value at a moment use decline(); 'healthWorkersAbroad' is a value at a moment",
      "targets.csv:4:25: period 2009-12 needs the model's value at the end of 2009-12, before the scenario's start 2010-01",
      "targets.csv:5:19: period FY2010 needs the model's value for 2009, outside the scenario's years 2010-2012",
      'targets.csv:6:34: decline() takes a year (2019) or a span (2018..2019), not FY2011',
      "targets.csv:7:5: decline() takes a value at a moment; 'paroleApprovals' is a total over each year (persons/year)",
      "targets.csv:8:18: period 2013-01 needs the model's value at the end of 2013-01, after its end 2012-12",
      // Approvals from October 2009 on, but the model counts them only from its start in January 2010.
      "targets.csv:9:21: period FY2010 needs the model's value at the end of 2009-09, before the scenario's start 2010-01",
      "targets.csv:10:26: period FY2013 needs the model's value at the end of 2013-09, after its end 2012-12",
      "targets.csv:11:20: a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span; 'retentionShare' is worked out from each year's totals (share)",
      "targets.csv:12:34: a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span; 'paroleApprovals' is a total over each year (persons/year)",
    ]);
  });
});

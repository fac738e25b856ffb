// From a target's period and metric to the model's yearly values: calendar years, US fiscal years, months,
// spans, ratios and declines, computed run by run; and the located errors of targets the model cannot answer.
import { describe, expect, it } from 'vitest';
import { resolveTargets, type ResolvedTarget } from '../../src/backtest/resolveTargets.js';
import { targetValue } from '../../src/backtest/targetValue.js';
import { modelLayout } from '../../src/model/layout.js';
import { parseOk, targetsFile } from './targetsText.js';

const layout = modelLayout(['alpha']);
const YEARS = [2010, 2011, 2012];

/** One run's values with the given metrics' yearly values set (all others 0). */
function runValues(set: Record<string, readonly number[]>): Float64Array {
  const values = new Float64Array(layout.metrics.length * YEARS.length);
  for (const [name, ys] of Object.entries(set)) ys.forEach((v, y) => (values[layout.index[name] * YEARS.length + y] = v));
  return values;
}

function resolveOk(...rows: string[]): ResolvedTarget[] {
  const r = resolveTargets(parseOk(targetsFile(...rows)), layout, YEARS);
  if (!r.ok) expect.fail(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

function resolveErrors(...rows: string[]): string[] {
  const r = resolveTargets(parseOk(targetsFile(...rows)), layout, YEARS);
  if (r.ok) expect.fail('expected the targets to be refused');
  return r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`);
}

const RUN = runValues({
  paroleApprovals: [100, 200, 400], // a flow
  cumulativeParoleApprovals: [100, 300, 700], // a value at a moment
  population: [1000, 1100, 1200],
  totalDoctors: [10, 0, 12],
  'healthWorkersAbroad.alpha': [50, 80, 30],
});

describe('resolveTargets and targetValue', () => {
  it('a calendar year is the year-end value of a stock or the year total of a flow', () => {
    const [flow, stock] = resolveOk('A,s,paroleApprovals,2011,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,cumulativeParoleApprovals,2012,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(flow, RUN, 0)).toBe(200);
    expect(targetValue(stock, RUN, 0)).toBe(700);
  });

  it('a US fiscal year FYy takes 0.25 of year y-1 and 0.75 of year y', () => {
    const [flow, stock] = resolveOk('A,s,paroleApprovals,FY2012,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,cumulativeParoleApprovals,FY2011,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(flow, RUN, 0)).toBe(0.25 * 200 + 0.75 * 400);
    expect(targetValue(stock, RUN, 0)).toBe(0.25 * 100 + 0.75 * 300);
  });

  it('a month interpolates a stock between the year ends around it; December is the year end', () => {
    const [march, december] = resolveOk('A,s,healthWorkersAbroad.alpha,2012-03,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,healthWorkersAbroad.alpha,2011-12,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(targetValue(march, RUN, 0)).toBe(0.75 * 80 + 0.25 * 30);
    expect(targetValue(december, RUN, 0)).toBe(80);
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
    const [y2010, y2011, march] = resolveOk(
      'A,s,population / totalDoctors,2010,point,1,,,u,src,X001,fit,none,scholarly,',
      'B,s,population / totalDoctors,2011,point,1,,,u,src,X001,fit,none,scholarly,',
      'C,s,population / totalDoctors,2012-06,point,1,,,u,src,X001,fit,none,scholarly,',
    );
    expect(targetValue(y2010, RUN, 0)).toBe(100);
    expect(targetValue(y2011, RUN, 0)).toBeNaN();
    expect(targetValue(march, RUN, 0)).toBe(1150 / 6);
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
        'C,s,healthWorkersAbroad,2010-06,point,1,,,u,src,X001,fit,none,scholarly,',
        'D,s,paroleApprovals,FY2010,point,1,,,u,src,X001,fit,none,scholarly,',
        'E,s,decline(healthWorkersAbroad),FY2011,point,1,,,u,src,X001,fit,none,scholarly,',
        'F,s,decline(paroleApprovals),2011,point,1,,,u,src,X001,fit,none,scholarly,',
      ),
    ).toEqual([
      "targets.csv:2:21: a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span; 'paroleApprovals' is a total over each year (persons/year)",
      "targets.csv:3:25: a span sums a yearly total: for a change in a value at a moment use decline(); 'healthWorkersAbroad' is a value at a moment",
      "targets.csv:4:25: period 2010-06 needs the model's value for 2009, outside the scenario's years 2010-2012",
      "targets.csv:5:21: period FY2010 needs the model's value for 2009, outside the scenario's years 2010-2012",
      'targets.csv:6:34: decline() takes a year (2019) or a span (2018..2019), not FY2011',
      "targets.csv:7:5: decline() takes a value at a moment; 'paroleApprovals' is a total over each year (persons/year)",
    ]);
  });
});

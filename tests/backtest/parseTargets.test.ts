// Reading a targets file: typed rows from good input, every problem located as file:line:col from bad input.
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, parseMetric, parsePeriod } from '../../src/backtest/parseTargets.js';
import { HEADER, parseErrors, parseOk, targetsFile } from './targetsText.js';

describe('parseTargets', () => {
  it('reads points, bounds and ranges as intervals, with quoted fields, evidence lists and sets', () => {
    const t = parseOk(
      targetsFile(
        'A,workers,healthWorkersAbroad,2015,point,50000,,,health workers,BBC,X086;S032,fit,none,scholarly,"68 countries, MINSAP"',
        'B,workers,healthWorkersAbroad,2019-11,lower_bound,3e4,,,health workers,UN,S040,heldout,none,scholarly,',
        'C,parole,paroleApprovals,FY2015,upper_bound,1663,,,persons/year,DHS,S018,fit,none,scholarly,',
        'D,ratio,population / totalDoctors,2006..2021,range,,7000,8000,x,"a, b",S062 S063,excluded,none,scholarly,"why, with ""quotes"""',
      ),
    );
    expect(t.map((x) => [x.id, x.kind, x.low, x.high, x.set])).toEqual([
      ['A', 'point', 50000, 50000, 'fit'],
      ['B', 'lower_bound', 30000, Infinity, 'heldout'],
      ['C', 'upper_bound', -Infinity, 1663, 'fit'],
      ['D', 'range', 7000, 8000, 'excluded'],
    ]);
    expect(t[0].evidence).toEqual(['X086', 'S032']);
    expect(t[0].note).toBe('68 countries, MINSAP');
    expect(t[3].evidence).toEqual(['S062', 'S063']);
    expect(t[3].source).toBe('a, b');
    expect(t[3].note).toBe('why, with "quotes"');
    expect(t[3].metric).toEqual({ type: 'ratio', numerator: 'population', denominator: 'totalDoctors' });
    expect(t[1].period).toEqual({ type: 'month', year: 2019, month: 11 });
    expect(t[2].period).toEqual({ type: 'fiscalYear', year: 2015 });
    expect(t[3].period).toEqual({ type: 'span', from: 2006, to: 2021 });
    expect(t[1].at).toEqual({ file: 'targets.csv', line: 3, metricCol: 11, periodCol: 31 });
  });

  it('accepts CRLF line ends, a byte-order mark, blank lines and columns in any order', () => {
    const text = `\uFEFFfit,family,id,series,metric,period,kind,value,low,high,unit,source,evidence,note,anchor\r\n\r\nfit,wire-press,A,s,m,2015,point,1,,,u,src,X001,,none\r\n`;
    const [t] = parseOk(text);
    expect([t.id, t.low, t.at.line]).toEqual(['A', 1, 3]);
  });

  it('reads what a target anchors and the family of its source', () => {
    const [a, b] = parseOk(
      targetsFile(
        'A,s,m,2019,point,1,,,u,src,X095,heldout,host:venezuela.demand; prior:venezuelaDemand2019;schedule:population;event:2019-11,cuban-state,',
        'B,s,m,2015,point,1,,,u,src,X001,fit,none,wire-press,',
      ),
    );
    expect(a.anchor).toEqual([
      { kind: 'host', name: 'venezuela.demand' },
      { kind: 'prior', name: 'venezuelaDemand2019' },
      { kind: 'schedule', name: 'population' },
      { kind: 'event', name: '2019-11' },
    ]);
    expect([a.family, b.family]).toEqual(['cuban-state', 'wire-press']);
    expect(b.anchor).toEqual([]);
  });

  it('reads metric and period cells', () => {
    expect(parseMetric('decline(healthWorkersAbroad.brazil)')).toEqual({ type: 'decline', name: 'healthWorkersAbroad.brazil' });
    expect(parseMetric('a/b')).toEqual({ type: 'ratio', numerator: 'a', denominator: 'b' });
    expect(parseMetric('a / b / c')).toBeUndefined();
    expect(parseMetric('sum(a)')).toBeUndefined();
    expect(parsePeriod('2020-13')).toBeUndefined();
    expect(parsePeriod('2021..2006')).toBeUndefined();
    expect(parsePeriod('FY15')).toBeUndefined();
  });
});

describe('parseTargets errors are located at the cell', () => {
  it('a bad kind, number, period, metric, evidence id and set, all reported at once', () => {
    expect(
      parseErrors(
        targetsFile(
          'A,s,m,2015,exact,1,,,u,src,X001,fit,none,scholarly,',
          'B,s,m,2015,point,"30,407",,,u,src,X001,fit,none,scholarly,',
          'C,s,m,mid-2015,point,1,,,u,src,X001,fit,none,scholarly,',
          'D,s,sum(m),2015,point,1,,,u,src,X001,fit,none,scholarly,',
          'E,s,m,2015,point,1,,,u,src,X1,fit,none,scholarly,',
          'F,s,m,2015,point,1,,,u,src,X001,train,none,scholarly,',
        ),
      ),
    ).toEqual([
      "targets.csv:2:12: unknown kind 'exact': expected one of point, lower_bound, upper_bound, range",
      "targets.csv:3:18: '30,407' is not a number (write digits without thousands separators, e.g. 30407 or 2.312e9)",
      "targets.csv:4:7: cannot read period 'mid-2015': expected a year (2015), a US fiscal year (FY2015), a month (2020-03) or a span (2006..2021)",
      "targets.csv:5:5: cannot read metric 'sum(m)': expected a metric name, 'a / b' or 'decline(a)'",
      "targets.csv:6:28: evidence id 'X1' is not of the form S012 or X086 (separate ids with ';')",
      "targets.csv:7:33: unknown fit 'train': expected one of fit, heldout, excluded",
    ]);
  });

  it('anchors of an unknown kind or form, none among others, repeats, and unknown families, with the likely one', () => {
    const row = (id: string, anchor: string, family = 'scholarly') => `${id},s,m,2015,point,1,,,u,src,X001,fit,${anchor},${family},`;
    expect(
      parseErrors(
        targetsFile(
          row('A', 'priors:venezuelaDemand2019'),
          row('B', 'host:venezuela'),
          row('C', 'event:2019-13'),
          row('D', 'none;prior:x'),
          row('E', 'prior:x;prior:x'),
          row('F', 'prior:x;;schedule:y'),
          row('G', ''),
          row('H', 'prior:'),
          row('I', 'none', 'wire press'),
          row('J', 'none', 'blog'),
        ),
      ),
    ).toEqual([
      "targets.csv:2:37: unknown anchor 'priors:venezuelaDemand2019'; did you mean 'prior:'? expected 'none' or entries prior:<parameterName>, e.g. prior:venezuelaDemand2019; schedule:<driver-or-lever>, e.g. schedule:population; host:<hostId>.<field>, e.g. host:venezuela.demand; event:<YYYY-MM>, e.g. event:2019-11",
      "targets.csv:3:37: cannot read anchor 'host:venezuela': expected host:<hostId>.<field>, e.g. host:venezuela.demand",
      "targets.csv:4:37: cannot read anchor 'event:2019-13': expected event:<YYYY-MM>, e.g. event:2019-11",
      "targets.csv:5:37: 'none' cannot be listed with other anchors: write 'none' alone, or only the anchors",
      "targets.csv:6:37: anchor 'prior:x' is listed twice",
      "targets.csv:7:37: empty entry in anchor 'prior:x;;schedule:y': separate entries with a single ';'",
      'targets.csv:8:37: empty anchor: every target needs one',
      "targets.csv:9:37: cannot read anchor 'prior:': expected prior:<parameterName>, e.g. prior:venezuelaDemand2019",
      "targets.csv:10:42: unknown family 'wire press'; did you mean 'wire-press'? expected one of cuban-state, us-government, host-government, wire-press, independent-cuban-media, advocacy, international-organisation, scholarly, other-media",
      "targets.csv:11:42: unknown family 'blog': expected one of cuban-state, us-government, host-government, wire-press, independent-cuban-media, advocacy, international-organisation, scholarly, other-media",
    ]);
  });

  it('ranges and points each use their own cells', () => {
    expect(parseErrors(targetsFile('A,s,m,2015,range,5,1,2,u,src,X001,fit,none,scholarly,', 'B,s,m,2015,range,,9,2,u,src,X001,fit,none,scholarly,', 'C,s,m,2015,point,,,,u,src,X001,fit,none,scholarly,'))).toEqual([
      "targets.csv:2:18: a range leaves 'value' empty (use 'low' and 'high')",
      'targets.csv:3:19: range low 9 is above its high 2',
      "targets.csv:4:18: a point needs a number in 'value'",
    ]);
  });

  it('duplicate ids, empty required cells, excluded targets without a reason and short rows', () => {
    expect(parseErrors(targetsFile('A,s,m,2015,point,1,,,u,src,X001,fit,none,scholarly,', 'A,s,m,2016,point,1,,,u,,X001,excluded,none,scholarly,', 'B,s,m,2015'))).toEqual([
      'targets.csv:3:1: duplicate id \'A\' (first on line 2)',
      'targets.csv:3:24: empty source: every target needs one',
      'targets.csv:3:54: an excluded target needs a note saying why it is excluded',
      'targets.csv:4:1: expected 15 fields as in the header, found 4',
    ]);
  });

  it('a bad header: unknown, repeated and missing columns', () => {
    expect(parseErrors(`${HEADER.replace('evidence', 'evidense')},id\n`, 'h.csv')).toEqual([
      "h.csv:1:57: unknown column 'evidense'; did you mean 'evidence'? expected: id, series, metric, period, kind, value, low, high, unit, source, evidence, fit, anchor, family, note",
      "h.csv:1:89: column 'id' appears twice",
      'h.csv:1:1: missing column evidence',
    ]);
    expect(parseErrors('', 'empty.csv')).toEqual([`empty.csv:1:1: empty targets file: expected a header line ${HEADER}`]);
  });

  it('malformed quotes', () => {
    expect(parseErrors(targetsFile('A,s,m,2015,point,1,,,u,"src,X001,fit,none,scholarly,'))).toEqual(['targets.csv:2:24: a quoted field is never closed: expected a closing "']);
    expect(parseErrors(targetsFile('A,s,m,2015,point,1,,,u,"src"x,X001,fit,none,scholarly,'))).toEqual(["targets.csv:2:29: unexpected 'x' after a closing quote: expected a comma or the end of the line"]);
    expect(parseErrors(targetsFile('A,s,m,2015,point,1,,,u,sr"c,X001,fit,none,scholarly,'))).toEqual(['targets.csv:2:26: a quote inside an unquoted field: quote the whole field and double the quote ("")']);
  });

  it('holds at most 10,000 targets, refused at the row past them', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `T${i},s,healthWorkersAbroad,2015,point,1,,,u,src,X001,fit,none,scholarly,`);
    expect(parseOk(targetsFile(...rows(MAX_TARGETS)))).toHaveLength(10_000);
    expect(parseErrors(targetsFile(...rows(MAX_TARGETS + 5)))).toEqual(['targets.csv:10002:1: the file holds 10,005 targets; expected at most 10,000']);
  });
});

import { describe, expect, it } from 'vitest';
import { columnMonth, policyTimeline, TIMELINE_GLYPHS } from '../../src/dashboard/policyTimeline.js';
import { parameterMedians } from '../../src/scenario/parameterMedians.js';
import { monthIndex } from '../../src/scenario/month.js';
import { yearToColumn } from '../../src/dashboard/yearColumns.js';
import { scenario } from './harness.js';

const baseline = scenario('scenarios/baseline.yaml');
const parole2027 = scenario('scenarios/parole-reinstated-2027.yaml');
const width = 38 * 2 - 1; // two columns a year: column 2i is year i
const row = (c = baseline, label: string, cursor?: number) => {
  const r = policyTimeline(c, width, parameterMedians(c), cursor).find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return r.cells.map((x) => x.ch).join('');
};
const at = (year: number) => yearToColumn(year - 2003, width, 38);

describe('the policy timeline', () => {
  it('shows each column at the middle of the year it stands for', () => {
    expect(columnMonth(baseline, at(2010), width)).toBe(monthIndex('2010-07') - monthIndex('2003-01'));
  });

  it('shows parole open from August 2006 until January 2017, and again from 2027 where a scenario reopens it', () => {
    const parole = row(baseline, 'parole open');
    expect(parole[at(2005)]).toBe(TIMELINE_GLYPHS.off);
    expect(parole[at(2007)]).toBe(TIMELINE_GLYPHS.on);
    expect(parole[at(2016)]).toBe(TIMELINE_GLYPHS.on);
    expect(parole[at(2017)]).toBe(TIMELINE_GLYPHS.off);
    expect(parole[at(2030)]).toBe(TIMELINE_GLYPHS.off);
    expect(row(parole2027, 'parole open')[at(2030)]).toBe(TIMELINE_GLYPHS.on);
  });

  it('shows levels as bars: all doctors needed permission until 2013, none until 2015, specialists after', () => {
    const permit = row(baseline, 'travel permit');
    expect(permit[at(2010)]).toBe('█');
    expect(permit[at(2014)]).toBe(TIMELINE_GLYPHS.off);
    expect('▃▄▅▆').toContain(permit[at(2020)]); // the specialists' share at its median, about half
  });

  it('shows US pressure from 2026 and host programmes until their end events', () => {
    expect(row(baseline, 'US pressure')[at(2020)]).toBe(TIMELINE_GLYPHS.off);
    expect(row(baseline, 'US pressure')[at(2030)]).toBe('█');
    const brazil = row(baseline, 'brazil');
    expect(brazil[at(2010)]).toBe(TIMELINE_GLYPHS.off);
    expect(brazil[at(2015)]).toBe(TIMELINE_GLYPHS.running);
    expect(brazil).toContain(TIMELINE_GLYPHS.end);
    expect(brazil[at(2020)]).toBe(TIMELINE_GLYPHS.off);
    expect(row(baseline, 'otherPaying')).toContain(TIMELINE_GLYPHS.cut);
    expect(row(baseline, 'venezuela')[at(2040)]).toBe(TIMELINE_GLYPHS.running);
  });

  it('leaves out levers that never change, and marks the cursor year where a row is empty', () => {
    const labels = policyTimeline(baseline, width, parameterMedians(baseline)).map((r) => r.label);
    expect(labels).not.toContain('re-entry ban');
    expect(labels).toContain('home salary');
    expect(row(baseline, 'parole open', 2030 - 2003)[at(2030)]).toBe(TIMELINE_GLYPHS.cursor);
  });
});

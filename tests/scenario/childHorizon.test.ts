// A child scenario that shortens or moves the baseline's horizon: the parent's schedule points and events
// outside it are clipped, every input inside it is exactly the parent's, and a change the parent's data cannot
// follow is reported at the child's own `start:`/`end:` line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { runChunk } from '../../src/montecarlo/runChunk.js';
import type { RunInputs } from '../../src/model/inputs.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import type { Diagnostic } from '../../src/scenario/diagnostic.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { memoryFilePort } from '../../src/scenario/memoryFilePort.js';
import { monthIndex } from '../../src/scenario/month.js';
import { resolveRun } from '../../src/scenario/resolveRun.js';

const CHILD = 'scenarios/child.yaml';
const shipped = ['scenarios/baseline.yaml', 'scenarios/priors.yaml'].map((file) => ({
  file,
  text: readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'),
}));

function load(text: string, file = 'scenarios/baseline.yaml'): ReturnType<typeof loadScenarioWith> {
  return loadScenarioWith(file, memoryFilePort([...shipped, { file: CHILD, text }]));
}
function compiled(text?: string): CompiledScenario {
  const r = text === undefined ? load('') : load(text, CHILD);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}
function errors(text: string): readonly Diagnostic[] {
  const r = load(text, CHILD);
  if (r.ok) throw new Error('expected the child to fail');
  return r.errors;
}
const child = (...lines: string[]) => ['extends: baseline.yaml', 'name: child', ...lines, ''].join('\n');

const parent = compiled();
const SEED = 11;
const RUNS = [0, 1, 2];

/** Every monthly series and per-run value of one run's inputs, by name. */
function seriesOf(inputs: RunInputs): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [k, v] of Object.entries(inputs)) if (v instanceof Float64Array) out.set(k, v);
  for (const h of inputs.hosts) for (const [k, v] of Object.entries(h)) if (v instanceof Float64Array) out.set(`${h.id}.${k}`, v);
  return out;
}
function scalarsOf(inputs: RunInputs): Record<string, unknown> {
  const plain = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number' || typeof v === 'string'));
  const { months: _months, startMonth: _startMonth, ...rest } = plain(inputs);
  return { ...rest, hosts: inputs.hosts.map(plain) };
}

/** Checks that a child's resolved inputs are the parent's for the months they share, run by run. */
function expectSameInputs(c: CompiledScenario): void {
  const offset = monthIndex(c.start) - monthIndex(parent.start);
  for (const run of RUNS) {
    // The same seed and run give the same parameter draws: parameters do not depend on the horizon.
    const params = drawParameters(c.parameters, SEED, run);
    expect(params).toEqual(drawParameters(parent.parameters, SEED, run));
    const mine = resolveRun(c, params);
    const theirs = resolveRun(parent, params);
    expect(mine.months).toBe(c.months);
    expect(scalarsOf(mine)).toEqual(scalarsOf(theirs));
    const a = seriesOf(mine);
    const b = seriesOf(theirs);
    expect([...a.keys()]).toEqual([...b.keys()]);
    // Drivers, levers and five series a host, six with a booked price: the comparison below is not vacuous.
    expect(a.size).toBe(5 + 11 + 5 * c.hosts.length + c.hosts.filter((h) => h.bookedPriceUSD !== undefined).length);
    for (const [name, s] of a) {
      const expected = b.get(name)!.subarray(offset, offset + c.months);
      // Exactly, month by month: clipping must not change the last digit of an interpolated month.
      const diffs = [...s].flatMap((x, t) => (Object.is(x, expected[t]) ? [] : [{ t, got: x, expected: expected[t] }]));
      expect(diffs, name).toEqual([]);
    }
    // The parent's events inside the horizon, at the same calendar months.
    expect(mine.events).toEqual(theirs.events.map((e) => ({ ...e, month: e.month - offset })).filter((e) => e.month >= 0 && e.month < c.months));
  }
}

describe('a child that shortens or moves the horizon', () => {
  it('end: 2030-12 keeps every monthly input, and every yearly output, of the baseline through 2030', () => {
    const c = compiled(child('end: 2030-12'));
    expect([c.start, c.end, c.months]).toEqual(['2003-01', '2030-12', 28 * 12]);
    expect(c.years).toEqual(parent.years.slice(0, 28));
    expectSameInputs(c);
    // Each month draws from per-component streams in month order, and nothing before 2030 reads a later
    // month, so with the same seed the runs are the same through 2030.
    const metrics = c.layout.metrics.length;
    const mine = runChunk(c, SEED, 0, RUNS.length);
    const theirs = runChunk(parent, SEED, 0, RUNS.length);
    for (const run of RUNS) {
      for (let metric = 0; metric < metrics; metric++) {
        for (let y = 0; y < c.years.length; y++) {
          const got = mine[(run * metrics + metric) * c.years.length + y];
          const expected = theirs[(run * metrics + metric) * parent.years.length + y];
          expect(got, `run ${run} ${c.layout.metrics[metric].name} ${c.years[y]}`).toBe(expected);
        }
      }
    }
  });

  it('start: 2010-01 keeps every monthly input of the baseline from 2010', () => {
    const c = compiled(child('start: 2010-01'));
    expect([c.start, c.end, c.months, c.startMonth]).toEqual(['2010-01', '2040-12', 31 * 12, 0]);
    expect(c.years[0]).toBe(2010);
    expectSameInputs(c);
  });

  it('start: 2010-01 and end: 2030-12 together keep the baseline inputs of 2010-2030', () => {
    const c = compiled(child('start: 2010-01', 'end: 2030-12'));
    expect([c.start, c.end, c.months]).toEqual(['2010-01', '2030-12', 21 * 12]);
    expectSameInputs(c);
  });

  it('a start in mid-year keeps the inputs too (the first year is partial)', () => {
    const c = compiled(child('start: 2013-08', 'end: 2019-03'));
    expect([c.startMonth, c.years[0], c.years[c.years.length - 1]]).toEqual([7, 2013, 2019]);
    expectSameInputs(c);
  });

  it('clips a step schedule to the value in force at the new start, and keeps the linear points around it', () => {
    const c = compiled(child('start: 2010-01', 'end: 2030-12'));
    const ts = (s: { points: readonly { t: number }[] }) => s.points.map((p) => p.t);
    // paroleOpen: 2003-01 false, 2006-08 true, 2017-01 false -> true at the start, false from 2017-01.
    expect(ts(c.levers.paroleOpen)).toEqual([0, 84]);
    expect(c.levers.paroleOpen.points.map((p) => p.value.constant)).toEqual([1, 0]);
    // Venezuela's demand: the 2008-01 point (24 months before the start) and the 2030-01 one (inside) stay
    // where they are; nothing later matters.
    const venezuela = c.hosts.find((h) => h.id === 'venezuela')!;
    expect(ts(venezuela.demand)[0]).toBe(-24);
    expect(ts(venezuela.demand).at(-1)).toBe(240);
    // Population: the line from 2024-12 to 2040-12 crosses the new end, so its 2040-12 point stays.
    expect(ts(c.drivers.population).at(-1)).toBe(monthIndex('2040-12') - monthIndex('2010-01'));
    expect(ts(c.drivers.population)[0]).toBe(monthIndex('2003-01') - monthIndex('2010-01'));
  });

  it("drops the baseline's events outside the horizon and keeps those inside", () => {
    // The baseline's events: Brazil 2018-11, other paying hosts 2019-11 and 2025-06.
    const early = compiled(child('end: 2019-12'));
    expect(early.events.map((e) => e.month)).toEqual([monthIndex('2018-11'), monthIndex('2019-11')].map((m) => m - monthIndex('2003-01')));
    const late = compiled(child('start: 2019-01'));
    expect(late.events.map((e) => e.month)).toEqual([monthIndex('2019-11'), monthIndex('2025-06')].map((m) => m - monthIndex('2019-01')));
    expect(compiled(child('start: 2019-01', 'end: 2019-06')).events).toEqual([]);
  });
});

describe("a child's horizon errors point at the child", () => {
  it('a start before the first month the inherited schedules cover', () => {
    const es = errors(child('start: 1990-01'));
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ file: CHILD, line: 3, col: 8 });
    expect(es[0].message).toMatch(/^start 1990-01 is before 2003-01, the first month that drivers\.population, drivers\.graduatesPerYear, .* and \d+ more cover/);
    expect(es[0].message).toMatch(/expected start on or after 2003-01, or a value at or before 1990-01 for each of those schedules$/);
  });

  it('names only the schedules for which the child gives no value at or before its start', () => {
    // Constants for every inherited schedule but Venezuela's defection factor and the solidarity demand.
    const es = errors(
      child(
        'start: 2002-01',
        'drivers: {population: 11200000, graduatesPerYear: 1500, emigrationPressure: 1}',
        'levers: {paroleOpen: false, travelPermissionCoverage: 1, domesticSalaryUSD: 20, usPressure: 0}',
        'hosts:',
        '  venezuela: {demand: 0, doctorShare: 0.7, paymentUSD: 8000}',
        '  brazil: {demand: 0}',
        '  otherPaying: {demand: 2500}',
      ),
    );
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ file: CHILD, line: 3, col: 8 });
    expect(es[0].message).toBe(
      'start 2002-01 is before 2003-01, the first month that drivers.oilPriceUSD, levers.paroleProcessingMonths, hosts.venezuela.oilBarrelsPerDay, hosts.venezuela.defectionFactor and 2 more cover in the scenario it extends; ' +
        'expected start on or after 2003-01, or a value at or before 2002-01 for each of those schedules',
    );
  });

  it('a start after the inherited end, at the start line; an end before the inherited start, at the end line', () => {
    const after = errors(child('start: 2045-01'));
    expect(after).toEqual([{ file: CHILD, line: 3, col: 8, message: 'start (2045-01) is after end (2040-12), the end it inherits; expected start <= end, or an end of its own' }]);
    const before = errors(child('end: 2002-12'));
    expect(before).toEqual([{ file: CHILD, line: 3, col: 6, message: 'end (2002-12) is before start (2003-01); expected end >= start' }]);
    // Both written by the child: the end is at fault, as in any one file.
    expect(errors(child('start: 2020-01', 'end: 2019-12'))[0]).toMatchObject({ line: 4, col: 6 });
  });

  it("the child's own schedule points and events outside its horizon are still mistakes", () => {
    const es = errors(child('start: 2010-01', 'end: 2030-12', 'levers:', '  paroleOpen:', '    2008-01: true', '    2031-01: true', 'events:', '  - {date: 2031-02, host: brazil}'));
    expect(es.map((e) => [e.line, e.col, e.message])).toEqual([
      [7, 5, 'levers.paroleOpen has a point at 2008-01, before the scenario start 2010-01; only its first point may come before the start'],
      [8, 5, 'levers.paroleOpen has a point at 2031-01, after the scenario end 2030-12; expected dates up to 2030-12'],
      [10, 12, 'events[0].date 2031-02 is outside the horizon 2010-01 to 2030-12'],
    ]);
    expect(es.every((e) => e.file === CHILD)).toBe(true);
  });

  it('a child that keeps the horizon still gets every inherited point checked as before', () => {
    // The baseline's own horizon: nothing is clipped, so its schedules compile to the same points.
    const same = compiled(child('start: 2003-01', 'end: 2040-12'));
    expectSameInputs(same);
  });
});

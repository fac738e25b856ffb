import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changeLever, leverValueIn } from '../../src/dashboard/changeLever.js';
import { EDIT_NOTE } from '../../src/dashboard/editLever.js';
import { formatLever, LEVER_ORDER, nextLeverValue } from '../../src/dashboard/leverInfo.js';
import { parameterMedians, scheduleAtMedians, yearStartOffset } from '../../src/dashboard/scenarioValues.js';
import { nodeFilePort } from '../../src/cli/nodeFilePort.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { repoPath } from '../cli/harness.js';
import { scenario } from './harness.js';

function changed(c: CompiledScenario, ...args: Parameters<typeof changeLever> extends [unknown, ...infer R] ? R : never): CompiledScenario {
  const r = changeLever(c, ...args);
  if (r === undefined) throw new Error('the lever did not move');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

// A scenario beside the repository's, read from text: how a test writes a lever of a kind no scenario uses.
function fromText(text: string): CompiledScenario {
  const file = repoPath('scenarios/linear-test.yaml');
  const port = { ...nodeFilePort, read: (p: string) => (p === file ? { ok: true as const, text } : nodeFilePort.read(p)) };
  const r = parseScenario(text, file, port);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const baseline = scenario('scenarios/baseline.yaml');
const parole2027 = scenario('scenarios/parole-reinstated-2027.yaml');
const linear = fromText(`extends: baseline.yaml\nname: linear\nlevers:\n  usPressure:\n    linear:\n      2003-01: 0\n      2020-01: 2 # ramp\n      2035-01: 0.5\n`);

describe('changing a lever', () => {
  // Whatever the file extends and however the lever is written, the changed scenario holds the old schedule
  // before January of the year and the new value from then on, in every month.
  for (const [name, c] of [
    ['baseline', baseline],
    ['a child scenario', parole2027],
    ['a linear schedule', linear],
  ] as const) {
    for (const lever of LEVER_ORDER) {
      for (const [year, direction] of [
        [2003, 1],
        [2010, -1],
        [2028, 1],
      ] as const) {
        it(`keeps ${lever} as it was before ${year} and moves it from then on (${name}, ${direction > 0 ? '+' : '-'})`, () => {
          const medians = parameterMedians(c);
          const before = scheduleAtMedians(c.levers[lever], medians, c.months);
          const from = yearStartOffset(c, year);
          const r = changeLever(c, lever, year, direction);
          if (r === undefined) {
            expect(nextLeverValue(lever, before[from], direction)).toBe(before[from]);
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const after = scheduleAtMedians(r.value.levers[lever], parameterMedians(r.value), r.value.months);
          const next = nextLeverValue(lever, before[from], direction);
          for (let t = 0; t < c.months; t++) expect(after[t], `month ${t}`).toBeCloseTo(t < from ? before[t] : next, 9);
          // The other levers do not move.
          for (const other of LEVER_ORDER.filter((l) => l !== lever)) {
            expect([...scheduleAtMedians(r.value.levers[other], medians, c.months)]).toEqual([...scheduleAtMedians(c.levers[other], medians, c.months)]);
          }
        });
      }
    }
  }

  it('edits the YAML document of the user\'s file: comments kept, the change noted, the scenario renamed', () => {
    const c = changed(baseline, 'paroleOpen', 2027, 1);
    const text = c.merged.sources[0].text;
    expect(text).toContain(baseline.merged.sources[0].text.split('\n')[0]);
    expect(text).toContain(`2027-01: true #${EDIT_NOTE}`);
    expect(c.name).toBe('baseline (edited)');
    // The original's text and what it extends are untouched.
    expect(baseline.merged.sources[0].text).not.toContain(EDIT_NOTE);
    expect(c.merged.sources.slice(1).map((s) => s.text)).toEqual(baseline.merged.sources.slice(1).map((s) => s.text));
    // Every comment survives, and everything else the user wrote means what it meant.
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(text)).toEqual(comments(baseline.merged.sources[0].text));
    const data = (t: string) => {
      const d = parse(t) as Record<string, unknown>;
      delete d.name;
      delete (d.levers as Record<string, unknown> | undefined)?.paroleOpen;
      if (d.levers && Object.keys(d.levers).length === 0) delete d.levers;
      return d;
    };
    expect(data(text)).toEqual(data(baseline.merged.sources[0].text));
    expect(changed(c, 'usPressure', 2030, 1).name).toBe('baseline (edited)');
  });

  it('overrides later points a parent scenario sets, in the child file only', () => {
    const c = changed(parole2027, 'paroleOpen', 2025, 1); // open from 2025: the parent's later points must not close it
    const text = c.merged.sources[0].text;
    expect(text).toMatch(/2025-01: true/);
    expect(leverValueIn(c, 'paroleOpen', 2026)).toBe(1);
    expect(leverValueIn(c, 'paroleOpen', 2040)).toBe(1);
    expect(leverValueIn(c, 'paroleOpen', 2010)).toBe(1);
    expect(leverValueIn(c, 'paroleOpen', 2020)).toBe(0);
  });

  it('writes a constant when the change starts with the horizon', () => {
    const c = changed(baseline, 'retentionCap', 2003, -1);
    expect(c.merged.sources[0].text).toMatch(new RegExp(`retentionCap: 0.95 #${EDIT_NOTE}`));
  });

  it('says when a lever is already at the end of its legal range', () => {
    expect(changeLever(baseline, 'retentionCap', 2030, 1)).toBeUndefined();
    expect(changeLever(baseline, 'usPressure', 2010, -1)).toBeUndefined();
  });
});

describe('lever steps and labels', () => {
  it('toggles a switch and steps numbers to the next multiple of their step, within the legal range', () => {
    expect(nextLeverValue('paroleOpen', 0, 1)).toBe(1);
    expect(nextLeverValue('paroleOpen', 1, 1)).toBe(0);
    expect(nextLeverValue('paroleOpen', 1, -1)).toBe(0);
    expect(nextLeverValue('travelPermissionCoverage', 0.55, 1)).toBe(0.6);
    expect(nextLeverValue('travelPermissionCoverage', 0.55, -1)).toBe(0.5);
    expect(nextLeverValue('travelPermissionCoverage', 0.6, 1)).toBe(0.7);
    expect(nextLeverValue('travelPermissionCoverage', 0.95, 1)).toBe(1);
    expect(nextLeverValue('retentionCap', 0, -1)).toBe(0);
    expect(nextLeverValue('domesticSalaryUSD', 35, 1)).toBe(40);
    expect(nextLeverValue('usPressure', 1.5, -1)).toBe(1.25);
    expect(nextLeverValue('reentryBanYears', 8, 1)).toBe(9);
  });

  it('formats each lever with its unit', () => {
    expect(formatLever('paroleOpen', 1)).toBe('open');
    expect(formatLever('paroleOpen', 0)).toBe('closed');
    expect(formatLever('travelPermissionCoverage', 0.546)).toBe('54.6%');
    expect(formatLever('domesticSalaryUSD', 35)).toBe('$35/month');
    expect(formatLever('reentryBanYears', 8)).toBe('8 years');
    expect(formatLever('usPressure', 1.5)).toBe('1.5');
    expect(formatLever('minDoctorsPer1000AtHome', 4)).toBe('4/1000');
  });
});

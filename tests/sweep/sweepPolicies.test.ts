// sweepPolicies and policyScenario: every combination of the sweeps' values (first sweep slowest), their
// labels, the refusals of sweepsProblem, and the scenario a policy compiles to.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/loadScenarioFile.js';
import { parameterMedians, scheduleAtMedians } from '../../src/scenario/parameterMedians.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { monthIndex } from '../../src/scenario/month.js';
import { MAX_POLICIES, parseSweep, type Sweep } from '../../src/sweep/parseSweep.js';
import { policyScenario } from '../../src/sweep/policyScenario.js';
import { leverValueText, sweepPolicies, sweepsProblem, type Policy } from '../../src/sweep/sweepPolicies.js';
import { repoPath, ROOT, tempDir } from '../cli/harness.js';

const HORIZON = { start: '2003-01', end: '2040-12' };

function sweep(text: string): Sweep {
  const r = parseSweep(text, HORIZON);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('sweepPolicies', () => {
  it('no sweep is one policy with no settings', () => {
    expect(sweepPolicies([])).toEqual([{ settings: [], label: '' }]);
  });

  it('one sweep: a policy per value, in the order given', () => {
    const p = sweepPolicies([sweep('paroleOpen=2027-01:true,false')]);
    expect(p.map((x) => x.label)).toEqual(['paroleOpen=true', 'paroleOpen=false']);
    expect(p[0].settings).toEqual([{ lever: 'paroleOpen', from: '2027-01', value: 1 }]);
    expect(p[1].settings).toEqual([{ lever: 'paroleOpen', from: '2027-01', value: 0 }]);
  });

  it('full factorial, the first sweep varying slowest, labels space-separated lever=value', () => {
    const p = sweepPolicies([sweep('paroleOpen=2027-01:true,false'), sweep('domesticSalaryUSD=2028-06:50,100,200'), sweep('retentionCap=2030-01:0.5,0.25')]);
    expect(p).toHaveLength(12);
    expect(p.map((x) => x.label)).toEqual([
      'paroleOpen=true domesticSalaryUSD=50 retentionCap=0.5',
      'paroleOpen=true domesticSalaryUSD=50 retentionCap=0.25',
      'paroleOpen=true domesticSalaryUSD=100 retentionCap=0.5',
      'paroleOpen=true domesticSalaryUSD=100 retentionCap=0.25',
      'paroleOpen=true domesticSalaryUSD=200 retentionCap=0.5',
      'paroleOpen=true domesticSalaryUSD=200 retentionCap=0.25',
      'paroleOpen=false domesticSalaryUSD=50 retentionCap=0.5',
      'paroleOpen=false domesticSalaryUSD=50 retentionCap=0.25',
      'paroleOpen=false domesticSalaryUSD=100 retentionCap=0.5',
      'paroleOpen=false domesticSalaryUSD=100 retentionCap=0.25',
      'paroleOpen=false domesticSalaryUSD=200 retentionCap=0.5',
      'paroleOpen=false domesticSalaryUSD=200 retentionCap=0.25',
    ]);
    // Each setting keeps its own lever's month, in the order of the sweeps.
    expect(p[5].settings).toEqual([
      { lever: 'paroleOpen', from: '2027-01', value: 1 },
      { lever: 'domesticSalaryUSD', from: '2028-06', value: 200 },
      { lever: 'retentionCap', from: '2030-01', value: 0.25 },
    ]);
    // Every combination exactly once.
    expect(new Set(p.map((x) => x.label)).size).toBe(12);
  });

  it('leverValueText: true/false for a switch, the number otherwise', () => {
    expect(leverValueText('paroleOpen', 1)).toBe('true');
    expect(leverValueText('paroleOpen', 0)).toBe('false');
    expect(leverValueText('domesticSalaryUSD', 1e5)).toBe('100000');
    expect(leverValueText('retentionCap', 0.125)).toBe('0.125');
  });
});

describe('sweepsProblem', () => {
  it('accepts distinct levers, up to the policy limit', () => {
    expect(sweepsProblem([])).toBeUndefined();
    expect(sweepsProblem([sweep('paroleOpen=2027-01:true,false'), sweep('domesticSalaryUSD=2027-01:50,100')])).toBeUndefined();
    const ten = Array.from({ length: 10 }, (_, i) => i).join(',');
    // 10 x 10 x 10 = 1000 policies: exactly the limit.
    expect(MAX_POLICIES).toBe(1000);
    expect(sweepsProblem([sweep(`domesticSalaryUSD=2027-01:${ten}`), sweep(`usPressure=2027-01:${ten}`), sweep(`reentryBanYears=2027-01:${ten}`)])).toBeUndefined();
  });

  it('refuses a lever swept twice, even at different months', () => {
    expect(sweepsProblem([sweep('paroleOpen=2027-01:true'), sweep('domesticSalaryUSD=2027-01:50'), sweep('paroleOpen=2030-01:false')])).toBe(
      '--sweep: paroleOpen is swept twice; sweep each lever once, with all its values',
    );
  });

  it('refuses more policies than the limit', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => i).join(',');
    const ten = Array.from({ length: 10 }, (_, i) => i).join(',');
    expect(sweepsProblem([sweep(`domesticSalaryUSD=2027-01:${eleven}`), sweep(`usPressure=2027-01:${ten}`), sweep(`reentryBanYears=2027-01:${ten}`)])).toBe(
      `--sweep: the sweeps make 1100 policies (every combination); at most ${MAX_POLICIES} are run`,
    );
  });
});

describe('policyScenario', () => {
  const base = loadScenarioFile(repoPath('scenarios/baseline.yaml'));
  const months = base.months;
  const at = (c: CompiledScenario, lever: keyof CompiledScenario['levers'], month: string, values: Record<string, number>) =>
    scheduleAtMedians(c.levers[lever], values, months)[monthIndex(month) - monthIndex(c.start)];

  function compiled(policy: Policy, index = 0): CompiledScenario {
    const r = policyScenario(base, policy, index);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  }

  // The lever read with the parameters at their medians and at two other points of their priors.
  const points: Record<string, number>[] = [parameterMedians(base)];
  for (const shift of [-0.3, 0.3]) {
    const p = { ...parameterMedians(base) };
    for (const [k, v] of Object.entries(p)) p[k] = v * (1 + shift);
    points.push(p);
  }

  it('sets a switch from its month on and leaves the months before as the base has them', () => {
    const [open, closed] = sweepPolicies([sweep('paroleOpen=2027-01:true,false')]).map((p, i) => compiled(p, i));
    for (const values of points) {
      // Before the month: the base's schedule (closed since 2017).
      for (const m of ['2003-01', '2010-01', '2017-06', '2026-12']) {
        expect(at(open, 'paroleOpen', m, values), m).toBe(at(base, 'paroleOpen', m, values));
        expect(at(closed, 'paroleOpen', m, values), m).toBe(at(base, 'paroleOpen', m, values));
      }
      expect(at(base, 'paroleOpen', '2026-12', values)).toBe(0);
      for (const m of ['2027-01', '2030-07', '2040-12']) {
        expect(at(open, 'paroleOpen', m, values), m).toBe(1);
        expect(at(closed, 'paroleOpen', m, values), m).toBe(0);
      }
    }
  });

  it('sets a number lever from its month on, each swept lever independently', () => {
    const ps = sweepPolicies([sweep('domesticSalaryUSD=2028-06:150,300'), sweep('retentionCap=2031-01:0.4')]);
    const c = compiled(ps[1], 1);
    expect(c.name).toBe('baseline | domesticSalaryUSD=300 retentionCap=0.4');
    for (const values of points) {
      expect(at(c, 'domesticSalaryUSD', '2028-05', values)).toBe(at(base, 'domesticSalaryUSD', '2028-05', values));
      expect(at(c, 'domesticSalaryUSD', '2028-06', values)).toBe(300);
      expect(at(c, 'domesticSalaryUSD', '2040-12', values)).toBe(300);
      expect(at(c, 'retentionCap', '2030-12', values)).toBe(at(base, 'retentionCap', '2030-12', values));
      expect(at(c, 'retentionCap', '2031-01', values)).toBe(0.4);
      expect(at(c, 'retentionCap', '2040-12', values)).toBe(0.4);
      // A lever not swept is the base's in every month.
      expect(Array.from(scheduleAtMedians(c.levers.usPressure, values, months))).toEqual(Array.from(scheduleAtMedians(base.levers.usPressure, values, months)));
    }
    // The base's value before the month is not the swept one, so the test above sees the change.
    expect(at(base, 'domesticSalaryUSD', '2028-05', points[0])).not.toBe(300);
  });

  // Bug found here: a lever the scenario gives as a constant (retentionCap: 1) or leaves at its default
  // (hostPriceFactor) became a schedule starting at the swept month, which did not compile (exit 3, a message
  // located in a policy file that does not exist); and a step schedule's later points (domesticSalaryUSD has
  // 2021-01 and 2022-01) came back through the merge, so the lever did not hold the swept value to the end.
  it('a lever written as a constant, or left at its default, keeps it before the month', () => {
    const c = compiled(sweepPolicies([sweep('retentionCap=2031-01:0.4'), sweep('hostPriceFactor=2029-03:2')])[0]);
    for (const values of points) {
      expect(at(c, 'retentionCap', '2003-01', values)).toBe(1);
      expect(at(c, 'retentionCap', '2030-12', values)).toBe(1);
      expect(at(c, 'retentionCap', '2031-01', values)).toBe(0.4);
      expect(at(c, 'retentionCap', '2040-12', values)).toBe(0.4);
      expect(at(c, 'hostPriceFactor', '2029-02', values)).toBe(1);
      expect(at(c, 'hostPriceFactor', '2029-03', values)).toBe(2);
      expect(at(c, 'hostPriceFactor', '2040-12', values)).toBe(2);
    }
    // From the first month: the value throughout.
    const whole = compiled(sweepPolicies([sweep('retentionCap=2003-01:0.7')])[0]);
    expect(Array.from(scheduleAtMedians(whole.levers.retentionCap, points[0], months)).every((x) => x === 0.7)).toBe(true);
  });

  it("a step schedule holds the swept value to the end, over the scenario's later points", () => {
    expect(at(base, 'domesticSalaryUSD', '2022-06', points[0])).not.toBe(100);
    const c = compiled(sweepPolicies([sweep('domesticSalaryUSD=2020-01:100')])[0]);
    for (const values of points) {
      expect(at(c, 'domesticSalaryUSD', '2019-12', values)).toBe(at(base, 'domesticSalaryUSD', '2019-12', values));
      for (const m of ['2020-01', '2021-01', '2022-01', '2030-01', '2040-12']) expect(at(c, 'domesticSalaryUSD', m, values), m).toBe(100);
    }
  });

  it('a linear schedule holds its value at the month before, numbers or expressions, then steps', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'priors.yaml'), readFileSync(join(ROOT, 'scenarios/priors.yaml')));
      writeFileSync(join(dir, 'baseline.yaml'), readFileSync(join(ROOT, 'scenarios/baseline.yaml')));
      writeFileSync(join(dir, 'linear.yaml'), 'extends: baseline.yaml\nname: linear\nlevers:\n  usPressure:\n    linear:\n      2003-01: 0\n      2033-01: 3\n      2040-12: 3\n  domesticSalaryUSD:\n    linear:\n      2003-01: 20\n      2033-01: graduatesFuture / 10\n');
      const lin = loadScenarioFile(join(dir, 'linear.yaml'));
      const c = (() => {
        const r = policyScenario(lin, { label: 'x', settings: [{ lever: 'usPressure', from: '2023-01', value: 5 }, { lever: 'domesticSalaryUSD', from: '2023-01', value: 70 }] }, 0);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        return r.value;
      })();
      for (const values of points) {
        for (const m of ['2003-01', '2010-07', '2022-12']) {
          expect(at(c, 'usPressure', m, values), m).toBeCloseTo(at(lin, 'usPressure', m, values), 12);
          expect(at(c, 'domesticSalaryUSD', m, values), m).toBeCloseTo(at(lin, 'domesticSalaryUSD', m, values), 9);
        }
        for (const m of ['2023-01', '2033-01', '2040-12']) {
          expect(at(c, 'usPressure', m, values), m).toBe(5);
          expect(at(c, 'domesticSalaryUSD', m, values), m).toBe(70);
        }
      }
    } finally {
      cleanup();
    }
  });

  it('leaves the uncertain parameters, horizon and years identical to the base', () => {
    const c = compiled(sweepPolicies([sweep('paroleOpen=2027-01:true'), sweep('domesticSalaryUSD=2027-01:100')])[0]);
    expect(c.parameters).toEqual(base.parameters);
    expect(c.parameters.map((p) => p.name)).toEqual(base.parameters.map((p) => p.name));
    expect([c.start, c.end, c.months, c.years]).toEqual([base.start, base.end, base.months, base.years]);
    expect(c.layout.metrics.map((m) => m.name)).toEqual(base.layout.metrics.map((m) => m.name));
  });
});

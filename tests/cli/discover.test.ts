// brigadas discover: PRIM over the drawn parameters (and swept levers) of the runs, for a case of interest.
// PRIM itself is tested on planted problems in tests/discovery; this checks the command around it.
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, repoPath, STACK_LINE } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const CONDITION = 'healthWorkersAbroad@2030 < 18000';

interface Limit {
  name: string;
  lo?: number;
  hi?: number;
  levels?: string[];
}
interface Discovery {
  condition: string;
  runs: number;
  rows: number;
  cases: number;
  policies: string[];
  trajectory: { step: number; phase: string; coverage: number; density: number; mass: number; limits: Limit[] }[];
  chosen: { step: number; coverage: number; density: number; restrictions: Limit[] };
}

describe('brigadas discover', () => {
  it('finds venezuelaDemand2030 behind fewer health workers abroad in 2030 (text)', async () => {
    const r = await cli('discover', BASELINE, '--runs', '1500', '--outcome', CONDITION, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^brigadas baseline \(scenarios\/baseline\.yaml\): cases of interest: healthWorkersAbroad@2030 < 18000; seed 1, 1500 runs\n/);
    expect(r.stdout).toMatch(/^PRIM: 1500 runs, \d+ cases of interest/m);
    // The chosen box's table of restricted dimensions names it, with a box narrower than its data.
    const rows = r.stdout.slice(r.stdout.indexOf('\ndimension ')).split('\n');
    const row = rows.find((l) => l.startsWith('venezuelaDemand2030 '));
    expect(row, r.stdout).toBeDefined();
  });

  it('JSON: the trajectory and the chosen box, Venezuelan demand capped from above; the same for --workers 1 and 2', () => {
    const [one, two] = [1, 2].map((w) => cliProcess('discover', 'scenarios/baseline.yaml', '--runs', '1500', '--outcome', CONDITION, '--format', 'json', '--workers', String(w)));
    for (const r of [one, two]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(two.stdout).toBe(one.stdout);
    const d = JSON.parse(one.stdout) as Discovery;
    expect(d.condition).toBe(CONDITION);
    expect([d.runs, d.rows]).toEqual([1500, 1500]);
    expect(d.policies).toEqual([]);
    expect(d.cases).toBeGreaterThan(0);
    expect(d.cases).toBeLessThan(1500);
    expect(d.trajectory.length).toBeGreaterThan(2);
    expect(d.trajectory[0]).toMatchObject({ step: 0, coverage: 1, mass: 1, limits: [] });
    expect(d.trajectory[0].density).toBeCloseTo(d.cases / 1500, 12);
    // Peeling: mass falls, and the chosen box is one of the steps, at least as dense as the whole space.
    for (let i = 1; i < d.trajectory.length; i++) if (d.trajectory[i].phase === 'peel') expect(d.trajectory[i].mass).toBeLessThan(d.trajectory[i - 1].mass);
    expect(d.trajectory.map((s) => s.step)).toContain(d.chosen.step);
    expect(d.chosen.coverage).toBeGreaterThanOrEqual(0.8);
    expect(d.chosen.density).toBeGreaterThan(d.trajectory[0].density);
    // Fewer health workers abroad come with lower Venezuelan demand: an upper limit below the prior's top (16000).
    const vz = d.chosen.restrictions.find((x) => x.name === 'venezuelaDemand2030');
    expect(vz, JSON.stringify(d.chosen.restrictions)).toBeDefined();
    expect(vz?.hi).toBeLessThan(15000);
  });

  it('a condition without an operator, or with an unknown metric: exit 2, one line, no stack trace', async () => {
    const cases: [string, RegExp][] = [
      ['healthWorkersAbroad@2030', /^brigadas: --outcome 'healthWorkersAbroad@2030': expected an outcome, a comparison and a number/],
      ['healthWorkersAbroad@2030 = 18000', /^brigadas: --outcome 'healthWorkersAbroad@2030 = 18000': expected an outcome, a comparison and a number/],
      ['healthWorkersAbroad@2030 < many', /^brigadas: --outcome 'healthWorkersAbroad@2030 < many': 'many' is not a number\n$/],
      ['healthWorkerAbroad@2030 < 18000', /^brigadas: --outcome: 'healthWorkerAbroad@2030': no metric 'healthWorkerAbroad' \(did you mean 'healthWorkersAbroad'\?\)\n$/],
      ['healthWorkersAbroad@2050 < 18000', /^brigadas: --outcome: 'healthWorkersAbroad@2050': year 2050 is outside the scenario's years 2003\.\.2040\n$/],
    ];
    for (const [condition, message] of cases) {
      const r = await cli('discover', BASELINE, '--runs', '20', '--outcome', condition);
      expect(r.code, condition).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, condition).toMatch(message);
      expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    const missing = await cli('discover', BASELINE, '--runs', '20');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--outcome/);
  });

  // Medians of cumulativeDefections in 2035 at 1500 runs, seed 1: about 33,000 with parole from 2027, about
  // 26,900 without; 30,000 lies between. About 69% of the cases are runs with parole open, so a box of
  // paroleOpen=true covers less than the default 80%: the chosen box is asked to cover 60%.
  it('with --sweep paroleOpen, a case of more defections restricts paroleOpen to true', async () => {
    const r = await cli('discover', BASELINE, '--runs', '1500', '--sweep', 'paroleOpen=2027-01:true,false', '--outcome', 'cumulativeDefections@2035 > 30000', '--min-coverage', '0.6', '--format', 'json', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Discovery;
    expect(d.policies).toEqual(['paroleOpen=true', 'paroleOpen=false']);
    expect(d.rows).toBe(3000);
    // The first peel takes away the policy without parole.
    expect(d.trajectory[1].limits).toEqual([expect.objectContaining({ name: 'paroleOpen', levels: ['true'] })]);
    const parole = d.chosen.restrictions.find((x) => x.name === 'paroleOpen');
    expect(parole, JSON.stringify(d.chosen.restrictions)).toBeDefined();
    expect(parole?.levels).toEqual(['true']);
    expect(d.chosen.coverage).toBeGreaterThanOrEqual(0.6);
  });
});

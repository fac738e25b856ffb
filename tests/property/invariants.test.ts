import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { simulate } from '../../src/api/simulate.js';
import type { RunReport } from '../../src/report/runReport.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { checkInvariants, INVARIANTS, scenarioToYaml, type Invariant } from '../../src/testing/index.js';
import { runOnce, runViolations } from './invariants.js';

function compiled(text: string, file: string): CompiledScenario {
  const r = parseScenario(text, file);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

// The baseline extends the priors: load it through the file system.
const loaded = loadScenario(fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url)));
if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
const baseline = loaded.value;

// The property tests are only as good as their checkers: show they pass real results and catch broken ones.
describe('the run invariant checker', () => {
  const c = baseline;
  const row = (name: string) => c.layout.index[name] * c.years.length;

  it('finds nothing wrong in runs of the baseline scenario', () => {
    for (let run = 0; run < 20; run++) {
      const { inputs, out } = runOnce(c, 42, run);
      expect(runViolations(c, inputs, out), `run ${run}`).toEqual([]);
    }
  });

  it('catches a doctor created from nothing, a negative or fractional stock, and money that does not add up', () => {
    const { inputs, out } = runOnce(c, 42, 0);
    const tamper = (f: (o: Float64Array) => void) => {
      const copy = out.slice();
      f(copy);
      return runViolations(c, inputs, copy).map((v) => `${v.invariant} ${v.metric} ${v.year}`);
    };
    expect(tamper((o) => (o[row('domesticDoctors') + 5] += 1))).toContain('conservation domesticDoctors 2008');
    expect(tamper((o) => (o[row('retirement') + 3] += 1))).toContain('conservation domesticDoctors 2006');
    expect(tamper((o) => (o[row('domesticDoctors') + 0] += 1))).toContain('conservation domesticDoctors 2003');
    expect(tamper((o) => (o[row('stayedAbroad') + 1] = -1))).toContain('wholeNumbers stayedAbroad 2004');
    expect(tamper((o) => (o[row('emigrated') + 1] += 0.5))).toContain('wholeNumbers emigrated 2004');
    expect(tamper((o) => (o[row('stateRevenueUSD') + 10] *= 1.01))).toContain('moneySplit hostPaymentsUSD 2013');
    expect(tamper((o) => (o[row('retentionShare') + 10] = 0.99999))).toContain('retentionBounds retentionShare 2013');
    expect(tamper((o) => (o[row('cumulativeDefections') + 10] += 1))).toContain('cumulative cumulativeDefections 2013');
    expect(tamper((o) => (o[row('paroleOpenMonths') + 10] += 1))).toContain('inputs paroleOpenMonths 2013');
  });
});

describe('checkInvariants', () => {
  // A hand-made scenario whose retention is known in every run: 0.9 until 2029, capped at 0.6 from 2030.
  const fixed = compiled(
    scenarioToYaml(baseline, {
      name: 'fixed retention',
      hosts: { only: { initialWorkers: 1000, demand: 2000, doctorShare: 0.5, paymentUSD: 5000, retention: 0.9 } },
      events: [],
      levers: { ...baseline.merged.data.levers, retentionCap: { '2003-01': 1, '2030-01': 0.6 } },
    }),
    'fixed-retention.yaml',
  );

  it('finds nothing wrong in reports of the baseline and of a scenario with fixed retention, with or without the scenario', async () => {
    for (const c of [baseline, fixed]) {
      const report = await simulate(c, { runs: 40, seed: 3 });
      expect(checkInvariants(report)).toEqual([]);
      expect(checkInvariants(report, c)).toEqual([]);
      // The JSON `brigadas run --format json` prints is the same object.
      expect(checkInvariants(JSON.parse(JSON.stringify(report)) as RunReport, c)).toEqual([]);
    }
  });

  it('catches each kind of violation on a hand-broken report, naming the invariant, the metric and the year', async () => {
    const report = await simulate(baseline, { runs: 40, seed: 3 });
    const fixedReport = await simulate(fixed, { runs: 40, seed: 3 });
    const y = (year: number) => report.years.indexOf(year);
    type Mutable = { metrics: Record<string, Record<string, (number | null)[]>> } & Record<string, unknown>;
    const broken = (r: RunReport, f: (m: Mutable['metrics'], r: Mutable) => void, scenario?: CompiledScenario) => {
      const copy = structuredClone(r) as unknown as Mutable;
      f(copy.metrics, copy);
      return checkInvariants(copy as unknown as RunReport, scenario).map((v) => `${v.invariant} ${v.metric} ${v.year}`);
    };
    const cases: Record<Invariant, [string[], string]> = {
      shape: [broken(report, (m) => delete m.totalDoctors), 'shape totalDoctors null'],
      values: [broken(report, (m) => (m.retentionShare.p50[y(2010)] = null)), 'values retentionShare 2010'],
      orderedPercentiles: [
        broken(report, (m) => ([m.healthWorkersAbroad.p25[y(2015)], m.healthWorkersAbroad.p75[y(2015)]] = [m.healthWorkersAbroad.p75[y(2015)], m.healthWorkersAbroad.p25[y(2015)]])),
        'orderedPercentiles healthWorkersAbroad 2015',
      ],
      nonNegative: [broken(report, (m) => (m.stayedAbroad.p5[y(2004)] = -1)), 'nonNegative stayedAbroad 2004'],
      conservation: [broken(report, (m) => ((m.emigrated.mean[y(2020)] as number) += 1)), 'conservation emigrated 2020'],
      aggregates: [broken(report, (m) => ((m.doctorsAbroad.mean[y(2012)] as number) += 1)), 'aggregates doctorsAbroad 2012'],
      cumulative: [broken(report, (m) => ((m.cumulativeDefections.mean[y(2018)] as number) += 1)), 'cumulative cumulativeDefections 2018'],
      moneySplit: [broken(report, (m) => ((m.stateRevenueUSD.mean[y(2008)] as number) *= 1.001)), 'moneySplit hostPaymentsUSD 2008'],
      revenueWithinPayments: [broken(report, (m) => (m.workerPayUSD.p95[y(2009)] = 2 * (m.hostPaymentsUSD.p95[y(2009)] as number))), 'revenueWithinPayments workerPayUSD 2009'],
      retentionBounds: [broken(fixedReport, (m) => (m.retentionShare.mean[y(2031)] = 0.7), fixed), 'retentionBounds retentionShare 2031'],
      paroleClosed: [broken(report, (m) => (m.paroleApprovals.p95[y(2004)] = 3)), 'paroleClosed paroleApprovals 2004'],
    };
    expect(Object.keys(cases).sort()).toEqual(Object.keys(INVARIANTS).sort());
    for (const [invariant, [found, expected]] of Object.entries(cases)) expect(found, invariant).toContain(expected);

    // Beyond [0, 1], retention is caught without the scenario; within it, only the scenario can say it is wrong.
    expect(broken(report, (m) => (m.retentionShare.p95[y(2010)] = 1.5))).toContain('retentionBounds retentionShare 2010');
    expect(broken(fixedReport, (m) => (m.retentionShare.mean[y(2031)] = 0.7))).toEqual([]);
    // A stock's first year is checked from the start where it starts empty, or where the scenario fixes it.
    expect(broken(report, (m) => ((m.retired.mean[0] as number) += 1))).toContain('conservation retired 2003');
    expect(broken(fixedReport, (m) => ((m['doctorsAbroad.only'].mean[0] as number) += 1), fixed)).toContain('conservation doctorsAbroad.only 2003');
    // A wrong model description is a shape violation, not a cascade of others.
    expect(broken(report, (_, r) => (r.model = { stocks: [], flows: [] }))).toEqual(['shape model null']);
  });
});

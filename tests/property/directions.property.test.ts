// The directions docs/MODEL.md states for each mechanism ("Directions"), checked on generated scenarios: for
// every scenario, the median over 20 runs of an outcome under a policy against the same 20 runs (the same
// parameter draws and random streams: common random numbers) without it. A changed hazard changes how many
// uniforms a draw takes, so the runs are not identical draw for draw: the tolerance, 2% of the outcome plus
// three Poisson standard deviations of it and 2 people (or $2,000), absorbs that noise and none of the stated
// direction (reversing any expected sign makes these properties fail).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunInputs } from '../../src/model/inputs.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { streamFor } from '../../src/random/rng.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { resolveRun } from '../../src/scenario/resolveRun.js';
import { arbHorizon, arbScenario } from '../../src/testing/index.js';

const RUNS = 20;
const scenarios = arbScenario({ horizon: arbHorizon({ maxMonths: 96 }) });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** The medians over runs of the outcomes in the last year, without and with a change to each run's inputs. */
function medians(c: CompiledScenario, seed: number, baseline: (i: RunInputs) => RunInputs, change: (i: RunInputs) => RunInputs, outcomes: readonly string[]) {
  const Y = c.years.length;
  const base: number[][] = outcomes.map(() => []);
  const policy: number[][] = outcomes.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    const inputs = resolveRun(c, drawParameters(c.parameters, seed, run));
    const streams = (component: string) => streamFor(seed, run, component);
    const a = simulateRun(baseline(inputs), c.layout, Y, streams);
    const b = simulateRun(change(inputs), c.layout, Y, streams);
    outcomes.forEach((m, k) => {
      const cell = c.layout.index[m] * Y + Y - 1;
      base[k].push(a[cell]);
      policy[k].push(b[cell]);
    });
  }
  return outcomes.map((m, k) => ({ metric: m, base: median(base[k]), policy: median(policy[k]) }));
}

const tolerance = (x: number, unit: number) => 0.02 * Math.abs(x) + unit * (2 + 3 * Math.sqrt(Math.abs(x) / unit));
const same = (i: RunInputs) => i;
const filled = (inputs: RunInputs, x: number) => new Float64Array(inputs.months).fill(x);
/** Doctors at home never limit deployment: a million more and no floor. */
const ample = (i: RunInputs): RunInputs => ({ ...i, initialDomesticDoctors: i.initialDomesticDoctors + 1_000_000, minDoctorsPer1000AtHome: filled(i, 0) });

/** Checks that no outcome moves the wrong way: `sign` -1 means the policy must not raise it, +1 not lower it. */
function holds(
  c: CompiledScenario,
  seed: number,
  baseline: (i: RunInputs) => RunInputs,
  change: (i: RunInputs) => RunInputs,
  expected: readonly (readonly [string, -1 | 1, number])[],
) {
  const found = medians(c, seed, baseline, change, expected.map(([m]) => m));
  const wrong = found.filter(({ base, policy }, k) => {
    const [, sign, unit] = expected[k];
    return sign * (policy - base) < -tolerance(base, unit);
  });
  expect(wrong, c.text).toEqual([]);
}

describe('each mechanism moves its outcomes the documented way, on generated scenarios', () => {
  it('opening parole, where it raises the defection hazard, raises defections and lowers workers abroad and both revenues', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        const raising = (i: RunInputs, open: number): RunInputs => ({ ...i, paroleDefectionMultiplier: 1 + Math.abs(i.paroleDefectionMultiplier - 1), paroleOpen: filled(i, open) });
        // Compare parole open with parole closed, both with a multiplier of at least 1.
        const closed = (i: RunInputs) => raising(i, 0);
        holds(c, seed, closed, (i) => raising(i, 1), [
          ['cumulativeDefections', 1, 1],
          ['healthWorkersAbroad', -1, 1],
          ['hostPaymentsUSD', -1, 1000],
          ['reportedHealthExportsUSD', -1, 1000],
        ]);
      }),
      { seed: 31, numRuns: 40 },
    );
  });

  it('a higher salary at home lowers emigration and does not lower doctors at home or workers abroad', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        holds(c, seed, same, (i) => ({ ...i, domesticSalaryUSD: i.domesticSalaryUSD.map((x) => 2 * x + 50) }), [
          ['emigrated', -1, 1],
          ['domesticDoctors', 1, 1],
          ['healthWorkersAbroad', 1, 1],
        ]);
      }),
      { seed: 32, numRuns: 40 },
    );
  });

  it('a higher salary at home lowers defections, where doctors at home do not limit deployment', () => {
    // Where they do, the doctors a raise keeps at home (from emigrating) can be sent abroad, and more workers
    // abroad defect more in number at a lower rate: the count then measures deployment, not the hazard. So
    // doctors are ample and none emigrate.
    const settled = (i: RunInputs): RunInputs => ({ ...ample(i), emigrationBaseRate: 0 });
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        holds(c, seed, settled, (i) => ({ ...settled(i), domesticSalaryUSD: i.domesticSalaryUSD.map((x) => 2 * x + 50) }), [['cumulativeDefections', -1, 1]]);
      }),
      { seed: 35, numRuns: 40 },
    );
  });

  it('covering fewer workers (paroleEligibility 0.3 against 1) does not raise defections or approvals, nor lower workers abroad', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        const open = (i: RunInputs, share: number): RunInputs => ({ ...i, paroleDefectionMultiplier: 1 + Math.abs(i.paroleDefectionMultiplier - 1), paroleOpen: filled(i, 1), paroleEligibility: filled(i, share) });
        holds(c, seed, (i) => open(i, 1), (i) => open(i, 0.3), [
          ['cumulativeDefections', -1, 1],
          ['cumulativeParoleApprovals', -1, 1],
          ['healthWorkersAbroad', 1, 1],
        ]);
      }),
      { seed: 36, numRuns: 40 },
    );
  });

  it('letting defectors come back after the ban does not lower doctors at home, where doctors at home do not limit deployment', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        // Where doctors at home limit deployment, those who come back can be sent abroad again: ample doctors.
        // The same short ban on both sides: a ban also changes who defects.
        const banned = (i: RunInputs, rate: number): RunInputs => ({ ...ample(i), defectorReturnRate: rate, reentryBanYears: filled(i, 0.5) });
        holds(c, seed, (i) => banned(i, 0), (i) => banned(i, 0.5), [['domesticDoctors', 1, 1]]);
      }),
      { seed: 37, numRuns: 40 },
    );
  });

  it('a retention cap of 50% does not raise the state revenue, received or booked', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        holds(c, seed, same, (i) => ({ ...i, retentionCap: i.retentionCap.map((x) => Math.min(x, 0.5)) }), [
          ['stateRevenueUSD', -1, 1000],
          ['bookedStateRevenueUSD', -1, 1000],
        ]);
      }),
      { seed: 33, numRuns: 40 },
    );
  });

  it('more US pressure on hosts does not raise workers abroad, where doctors at home do not limit deployment', () => {
    // Where they do, the doctors a cut sends home can staff another host's posts: a transfer, not a gain.
    fc.assert(
      fc.property(scenarios, fc.nat(1000), (c, seed) => {
        holds(c, seed, (i) => ample(i), (i) => ({ ...ample(i), usPressure: i.usPressure.map((x) => 2 * x + 1) }), [
          ['healthWorkersAbroad', -1, 1],
        ]);
      }),
      { seed: 34, numRuns: 40 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateRun } from '../../src/model/simulateRun.js';
import { DISTRIBUTION_KINDS } from '../../src/random/distribution.js';
import { streamFor } from '../../src/random/rng.js';
import { arbHorizon, arbScenario } from '../../src/testing/index.js';
import { initialStocks, prefixInputs, reader, runOnce, runViolations, yearsOf } from './invariants.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const runArb = fc.integer({ min: 0, max: 1_000_000 });
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('simulateRun on random valid scenarios', () => {
  it('conserves people in every stock each year, keeps stocks whole and >= 0, splits money exactly and keeps retention within min(retention, cap)', () => {
    const seen = {
      ...{ runs: 0, hosts: 0, paid: 0, paroleClosed: 0, paroleOpened: 0, events: 0, oneMonth: 0, decemberStart: 0, capBelowRetention: 0 },
      ...{ noGraduates: 0, retentionZero: 0, retentionOne: 0, hostEnds: 0, leverSwitches: 0 },
    };
    const kinds = new Set<string>();
    fc.assert(
      fc.property(arbScenario(), seedArb, runArb, (c, seed, run) => {
        const { inputs, out } = runOnce(c, seed, run);
        expect(c.years.length).toBe(yearsOf(inputs));
        const violations = runViolations(c, inputs, out);
        expect(violations, `seed ${seed} run ${run}\n${c.text}`).toEqual([]);
        // Same seed and run: the same bytes.
        expect(sameBytes(runOnce(c, seed, run).out, out)).toBe(true);

        seen.runs += 1;
        if (inputs.hosts.length > 0) seen.hosts += 1;
        if (!Number.isNaN(out[c.layout.index.retentionShare * c.years.length])) seen.paid += 1;
        if (inputs.paroleOpen.every((x) => x < 0.5)) seen.paroleClosed += 1;
        else seen.paroleOpened += 1;
        if (inputs.events.length > 0) seen.events += 1;
        if (inputs.months === 1) seen.oneMonth += 1;
        if (inputs.startMonth === 11) seen.decemberStart += 1;
        if (inputs.hosts.some((h) => inputs.retentionCap.some((cap) => cap < h.retention))) seen.capBelowRetention += 1;
        if (inputs.graduatesPerYear.every((x) => x === 0)) seen.noGraduates += 1;
        if (inputs.hosts.some((h) => h.retention === 0)) seen.retentionZero += 1;
        if (inputs.hosts.some((h) => h.retention === 1)) seen.retentionOne += 1;
        if (inputs.events.some((e) => e.share === 1)) seen.hostEnds += 1;
        if (Object.values(c.levers).some((l) => l.points.length > 1)) seen.leverSwitches += 1;
        for (const p of c.parameters) kinds.add(p.dist.dist);
      }),
      { seed: 20251125, numRuns: 1000 },
    );
    // The generator reaches every case the invariants are about.
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(10);
    expect(kinds).toEqual(new Set(DISTRIBUTION_KINDS));
  });

  it('conserves people month by month: every month-long prefix of a run is itself a run, and consecutive prefixes differ by one month of flows', () => {
    fc.assert(
      fc.property(arbScenario({ horizon: arbHorizon({ maxMonths: 40 }) }), seedArb, runArb, (c, seed, run) => {
        const { inputs, out: full } = runOnce(c, seed, run);
        const streams = (component: string) => streamFor(seed, run, component);
        const fullGet = reader(c.layout, c.years.length, full);
        const monthOf = (t: number) => Math.floor((inputs.startMonth + t) / 12);
        let previous: { get: (m: string, y: number) => number; year: number } | undefined;
        let stocks = initialStocks(inputs);
        const errors: string[] = [];
        for (let months = 1; months <= inputs.months; months++) {
          const p = prefixInputs(inputs, months);
          const years = yearsOf(p);
          const out = simulateRun(p, c.layout, years, streams);
          const get = reader(c.layout, years, out);
          const year = monthOf(months - 1);
          // A prefix is a run in its own right, and agrees with the full run on every year it has completed.
          errors.push(...runViolations(c, p, out).map((e) => `${months}-month prefix: ${e.invariant} ${e.metric} ${e.year}: ${e.message}`));
          const complete = (inputs.startMonth + months) % 12 === 0 || months === inputs.months ? year : year - 1;
          for (let y = 0; y <= complete; y++) {
            for (const m of c.layout.metrics) {
              if (!Object.is(get(m.name, y), fullGet(m.name, y))) errors.push(`${months}-month prefix: ${m.name} year ${y} = ${get(m.name, y)}, full run ${fullGet(m.name, y)}`);
            }
          }
          // The last month's flows: this prefix's year totals less the previous prefix's, in the same year.
          const monthFlow = (f: string) => get(f, year) - (previous && previous.year === year ? previous.get(f, year) : 0);
          for (const f of c.layout.flows) if (!(monthFlow(f.name) >= 0)) errors.push(`${f.name} in month ${months - 1} = ${monthFlow(f.name)}`);
          const now: Record<string, number> = {};
          for (const s of c.layout.stocks) {
            let net = 0;
            for (const f of c.layout.flows) {
              if (f.to === s) net += monthFlow(f.name);
              if (f.from === s) net -= monthFlow(f.name);
            }
            now[s] = get(s, year);
            if (now[s] - stocks[s] !== net) errors.push(`${s} in month ${months - 1}: ${stocks[s]} -> ${now[s]}, flows net ${net}`);
          }
          stocks = now;
          previous = { get, year };
        }
        expect(errors, `seed ${seed} run ${run}\n${c.text}`).toEqual([]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('conserves people over a one-month horizon, from the initial stocks', () => {
    fc.assert(
      fc.property(arbScenario({ horizon: arbHorizon({ maxMonths: 1 }) }), seedArb, runArb, (c, seed, run) => {
        const { inputs, out } = runOnce(c, seed, run);
        expect(c.years.length).toBe(1);
        expect(runViolations(c, inputs, out), c.text).toEqual([]);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('never has a parole applicant, approval or admission when parole is closed for the whole horizon', () => {
    fc.assert(
      fc.property(arbScenario({ paroleClosed: true }), seedArb, runArb, (c, seed, run) => {
        const { inputs, out } = runOnce(c, seed, run);
        expect(inputs.paroleOpen.every((x) => x === 0)).toBe(true);
        const get = reader(c.layout, c.years.length, out);
        for (let y = 0; y < c.years.length; y++) {
          for (const m of ['paroleApplicants', 'paroleAdmitted', 'paroleApprovals', 'paroleDenials', 'cumulativeParoleApprovals', 'paroleOpenMonths']) {
            expect(get(m, y), m).toBe(0);
          }
          for (const id of c.layout.hostIds) {
            expect(get(`paroleDefectDoctors.${id}`, y)).toBe(0);
            expect(get(`paroleDefectOthers.${id}`, y)).toBe(0);
          }
        }
      }),
      { seed: 13, numRuns: 150 },
    );
  });
});

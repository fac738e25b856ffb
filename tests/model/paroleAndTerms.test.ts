import { describe, expect, it } from 'vitest';
import { host, inputs, run } from './runInputs.js';

// A yearly intensity so large that 1 - exp(-λ/12) rounds to 1: the event happens in the first month.
const CERTAIN = 1e6;
const months = (n: number, open: (t: number) => boolean) => Array.from({ length: n }, (_, t) => (open(t) ? 1 : 0));
const sum = (r: ReturnType<typeof run>, metric: string, years: number[]) => years.reduce((a, y) => a + r.get(metric, y), 0);

describe('the first wave of parole', () => {
  // 10,000 workers who never finish their term (infinite length) and, without parole, never defect.
  const abroad = (o: object = {}) => host(48, { id: 'a', initialWorkers: 10_000, demand: 10_000, ...o });
  const base = { months: 48, initialDomesticDoctors: 100_000, defectionBaseRate: 0.01, paroleDefectionMultiplier: 3, paroleAwarenessYears: 1000 };

  it('builds a pool while parole is closed that applies once it opens, before word of the programme has spread', () => {
    // Closed for two years, open for two; knowledge from outside takes a millennium, so only the pool applies.
    const paroleOpen = months(48, (t) => t >= 24);
    const withPool = run(inputs({ ...base, paroleOpen, paroleLatentRate: 0.05, paroleWaveMonths: 6, hosts: [abroad({ defectionFactor: 1 })] }), 3);
    const without = run(inputs({ ...base, paroleOpen, hosts: [abroad()] }), 3);
    // About 10,000 × (1 - exp(-0.05 × 2)) = 950 joined; within the first open year most of them apply.
    expect(withPool.get('paroleDefectDoctors.a', 2)).toBeGreaterThan(700);
    expect(withPool.get('paroleDefectDoctors.a', 2)).toBeLessThan(1000);
    expect(without.get('paroleDefectDoctors.a', 2)).toBeLessThan(10);
  });

  it('gives a programme that is not open to anyone (eligibility 0) no applications and no extra defections', () => {
    const paroleOpen = months(48, (t) => t >= 12);
    const knownAtOnce = { ...base, paroleAwarenessYears: 1e-9, paroleLatentRate: 0.05, paroleOpen };
    const closed = run(inputs({ ...knownAtOnce, paroleOpen: 0, hosts: [abroad()] }), 5);
    const ineligible = run(inputs({ ...knownAtOnce, paroleEligibility: 0, hosts: [abroad()] }), 5);
    expect(sum(ineligible, 'paroleDefectDoctors.a', [0, 1, 2, 3])).toBe(0);
    expect(sum(ineligible, 'defections', [0, 1, 2, 3])).toBe(sum(closed, 'defections', [0, 1, 2, 3]));
  });
});

describe('knowledge of parole', () => {
  const base = { months: 72, initialDomesticDoctors: 100_000, defectionBaseRate: 0.02, paroleDefectionMultiplier: 3, paroleAwarenessYears: 5 };
  const abroad = host(72, { id: 'a', initialWorkers: 20_000, demand: 20_000 });
  // Open in years 0-1, closed in years 2-4, open again in year 5; against a programme opening in year 5 only.
  const reopened = months(72, (t) => t < 24 || t >= 60);
  const fresh = months(72, (t) => t >= 60);

  it('is remembered after the programme closes, so a reopened programme draws more applications in its first year', () => {
    const remembered = run(inputs({ ...base, paroleMemoryYears: 30, paroleOpen: reopened, hosts: [abroad] }), 2);
    const newcomer = run(inputs({ ...base, paroleMemoryYears: 30, paroleOpen: fresh, hosts: [abroad] }), 2);
    expect(remembered.get('paroleDefectDoctors.a', 5)).toBeGreaterThan(2 * newcomer.get('paroleDefectDoctors.a', 5));
  });

  it('is forgotten as fast as it was learnt without paroleMemoryYears, more slowly with it', () => {
    const forgetful = run(inputs({ ...base, paroleOpen: reopened, hosts: [abroad] }), 2);
    const remembered = run(inputs({ ...base, paroleMemoryYears: 30, paroleOpen: reopened, hosts: [abroad] }), 2);
    expect(remembered.get('paroleDefectDoctors.a', 5)).toBeGreaterThan(forgetful.get('paroleDefectDoctors.a', 5));
  });

  it('spreads faster by word of mouth: more applications in the second open year', () => {
    const open = months(72, () => true);
    const quiet = run(inputs({ ...base, paroleOpen: open, hosts: [abroad] }), 2);
    const talkative = run(inputs({ ...base, paroleWordOfMouth: 2, paroleOpen: open, hosts: [abroad] }), 2);
    expect(talkative.get('paroleDefectDoctors.a', 1)).toBeGreaterThan(1.3 * quiet.get('paroleDefectDoctors.a', 1));
  });
});

describe('the terms of a parole programme (levers)', () => {
  // Everybody defects and applies in the first open month; parole then closes and the queue is decided.
  const wave = (o: object) =>
    run(
      inputs({
        months: 36,
        defectionBaseRate: CERTAIN,
        paroleAwarenessYears: 1e-9,
        paroleOpen: [1, 1, 0],
        hosts: [host(36, { id: 'a', initialWorkers: 1000, defectionFactor: [0, 1] })],
        ...o,
      }),
      9,
    );

  it('decides within a month at a processing time of 1 month, and leaves most waiting a year later at 24 months', () => {
    expect(wave({ paroleProcessingMonths: 1 }).get('paroleApplicants', 0)).toBe(0);
    const slow = wave({ paroleProcessingMonths: 24 });
    expect(slow.get('paroleApplicants', 0)).toBeGreaterThan(600);
    expect(slow.get('paroleApplicants', 1)).toBeGreaterThan(350);
  });

  it('refuses every application at an approval of 0, who then stay abroad', () => {
    const refused = wave({ paroleApproval: 0 });
    expect(refused.get('cumulativeParoleApprovals', 2)).toBe(0);
    expect(refused.get('stayedAbroad', 2)).toBe(1000);
  });
});

describe('defectors who come back after the ban', () => {
  it('come back to work at home once the ban has passed, not before', () => {
    // Everybody defects in month 0 and stays abroad; a one-year ban; then all come back at once.
    const r = run(
      inputs({
        months: 36,
        initialDomesticDoctors: 0,
        defectionBaseRate: CERTAIN,
        defectorReturnRate: CERTAIN,
        reentryBanYears: 1,
        hosts: [host(36, { id: 'a', initialWorkers: 500, defectionFactor: [1, 0] })],
      }),
    );
    expect(r.get('stayedAbroad', 0)).toBe(500);
    expect(r.get('defectorReturns', 0)).toBe(0);
    expect(r.get('defectorReturns', 1)).toBe(500);
    expect(r.get('domesticDoctors', 1)).toBe(500);
    expect(r.get('stayedAbroad', 1)).toBe(0);
  });

  it('stay abroad when the return rate is 0', () => {
    const r = run(inputs({ months: 36, defectionBaseRate: CERTAIN, reentryBanYears: 0, hosts: [host(36, { id: 'a', initialWorkers: 500, defectionFactor: [1, 0] })] }));
    expect(r.get('defectorReturns', 2)).toBe(0);
    expect(r.get('stayedAbroad', 2)).toBe(500);
  });
});

describe('the mix of cadres is a property of the stock', () => {
  it('replaces departing doctors by other health workers when the doctor share falls, within a term', () => {
    // 1,200 doctors on one-year terms; from month 1 the host wants no doctors: each month's rotation swaps 100,
    // except month 0's, sent while the share was still 1, who serve their year.
    const r = run(inputs({ months: 24, missionLengthYears: 1, initialDomesticDoctors: 10_000, hosts: [host(24, { id: 'a', initialWorkers: 1200, demand: 1200, doctorShare: [1, 0] })] }));
    expect(r.get('deployDoctors.a', 0)).toBe(100);
    expect(r.get('doctorsAbroad.a', 0)).toBe(100);
    expect(r.get('otherWorkersAbroad.a', 0)).toBe(1100);
    expect(r.get('doctorsAbroad.a', 1)).toBe(0);
  });
});

describe('terms', () => {
  it('brings a month’s arrivals home together, one term later', () => {
    // Demand of 600 from month 0 at a host with a 3-year term: all come home in month 36 and are replaced.
    const r = run(inputs({ months: 48, initialDomesticDoctors: 10_000, hosts: [host(48, { id: 'a', demand: 600, missionLengthYears: 3 })] }));
    expect(r.get('deployDoctors.a', 0)).toBe(600);
    expect(r.get('returnDoctors.a', 1) + r.get('returnDoctors.a', 2)).toBe(0);
    expect(r.get('returnDoctors.a', 3)).toBe(600);
    expect(r.get('deployDoctors.a', 3)).toBe(600);
  });
});

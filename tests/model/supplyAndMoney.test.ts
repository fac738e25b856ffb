import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH } from '../../src/model/hostTerms.js';
import { host, inputs, run } from './runInputs.js';

// A yearly intensity so large that 1 - exp(-λ/12) rounds to 1: the event happens in the first month.
const CERTAIN = 1e6;

describe('deployment: planned rotation and empty posts', () => {
  it('replaces workers whose mission ended in the same month, even when empty posts never fill (deploymentSpeed 0)', () => {
    const r = run(inputs({ months: 12, missionLengthYears: 1 / 12, deploymentSpeed: 0, hosts: [host(12, { id: 'a', initialWorkers: 100, demand: 100 })] }));
    expect(r.get('doctorsAbroad.a')).toBe(100);
    expect(r.get('returnDoctors.a')).toBe(1200);
    expect(r.get('deployDoctors.a')).toBe(1200);
  });

  it("leaves a defector's post empty until it fills at deploymentSpeed: none at speed 0, all within the month at speed 1", () => {
    // Everybody defects in the first month only.
    const defector = { id: 'a', initialWorkers: 100, demand: 100, defectionFactor: [1, 0] };
    const never = run(inputs({ months: 12, deploymentSpeed: 0, defectionBaseRate: CERTAIN, hosts: [host(12, defector)] }));
    expect(never.get('stayDefectDoctors.a')).toBe(100);
    expect(never.get('doctorsAbroad.a')).toBe(0);
    expect(never.get('deployDoctors.a')).toBe(0);
    const at = (speed: number) => run(inputs({ months: 12, deploymentSpeed: speed, defectionBaseRate: CERTAIN, hosts: [host(12, { ...defector, deploymentSpeed: speed })] }));
    expect(at(1).get('doctorsAbroad.a')).toBe(100);
    expect(at(1).get('deployDoctors.a')).toBe(100);
  });
});

describe('demand and supply of posts', () => {
  const paying = { id: 'a', demand: 1000, paymentUSD: 4000, retention: 0.8 };

  it("staffs (cap / retention)^supplyMarginElasticity of a paying host's posts under a retention cap", () => {
    const capped = run(inputs({ months: 12, initialDomesticDoctors: 5000, retentionCap: 0.4, supplyMarginElasticity: 1, hosts: [host(12, paying)] }));
    expect(capped.get('doctorsAbroad.a')).toBe(500);
    // Elasticity 0: the cap moves money, not posts.
    const inert = run(inputs({ months: 12, initialDomesticDoctors: 5000, retentionCap: 0.4, hosts: [host(12, paying)] }));
    expect(inert.get('doctorsAbroad.a')).toBe(1000);
  });

  it('staffs a free host fully whatever the cap', () => {
    const r = run(inputs({ months: 12, initialDomesticDoctors: 5000, retentionCap: 0, supplyMarginElasticity: 2, hosts: [host(12, { id: 'a', demand: 1000 })] }));
    expect(r.get('doctorsAbroad.a')).toBe(1000);
  });

  it('cuts a cash host to hostPriceFactor^-hostPriceElasticity of its posts and charges it the factor times its price', () => {
    const r = run(inputs({ months: 12, initialDomesticDoctors: 5000, hostPriceFactor: 2, hostPriceElasticity: 1, hosts: [host(12, { ...paying, initialWorkers: 500 })] }));
    expect(r.get('doctorsAbroad.a')).toBe(500);
    expect(r.get('hostPaymentsUSD')).toBe(12 * 500 * 8000);
  });

  it('eases pressure cuts when a cap lowers the margin: no cut at all at a margin of 0 with pressureRetentionElasticity > 0', () => {
    const h = host(24, { id: 'a', initialWorkers: 100, demand: 100, paymentUSD: 1000, retention: 0.8, pressureHazard: CERTAIN });
    const calm = run(inputs({ months: 24, usPressure: 1, retentionCap: 0, pressureRetentionElasticity: 1, hosts: [h] }));
    expect(calm.get('doctorsAbroad.a', 1)).toBe(100);
    const cut = run(inputs({ months: 24, usPressure: 1, retentionCap: 0, hosts: [h] }));
    expect(cut.get('doctorsAbroad.a', 1)).toBe(0);
  });
});

describe('money: received and booked', () => {
  const oil = { id: 'v', initialWorkers: 100, demand: 100, oilBarrelsPerDay: 1000, oilValueShare: 0.5, retention: 0.9 };
  const value = (1000 * DAYS_PER_MONTH * 60 * 0.5) / 100;

  it("values an oil-paying host's worker-month at its share of the oil's value over the posts it asked for", () => {
    const r = run(inputs({ months: 12, oilPriceUSD: 60, hosts: [host(12, oil)] }));
    expect(r.get('hostPaymentsUSD')).toBeCloseTo(12 * 100 * value, 4);
    expect(r.get('stateRevenueUSD')).toBeCloseTo(12 * 100 * value * 0.9, 4);
    expect(r.get('reportedHealthExportsUSD')).toBeCloseTo(12 * 100 * value, 4);
    expect(r.get('bookedLessReceivedUSD')).toBeCloseTo(0, 4);
  });

  it('earns nothing for a post left empty: half the posts filled bring half the oil', () => {
    const r = run(inputs({ months: 12, oilPriceUSD: 60, deploymentSpeed: 0, hosts: [host(12, { ...oil, initialWorkers: 50, deploymentSpeed: 0 })] }));
    expect(r.get('hostPaymentsUSD')).toBeCloseTo(12 * 50 * value, 4);
  });

  it('books a host with a booked price at it, adds the sales at home, and says by how much booked exceeds received', () => {
    const r = run(inputs({ months: 12, oilPriceUSD: 60, healthSalesAtHomeUSD: 1.2e6, hosts: [host(12, { ...oil, bookedPriceUSD: 20_000 })] }));
    expect(r.get('reportedHealthExportsUSD')).toBeCloseTo(12 * 100 * 20_000 + 1.2e6, 2);
    expect(r.get('bookedLessReceivedUSD')).toBeCloseTo(12 * 100 * (20_000 - value), 2);
    const pay = r.get('workerPayUSD');
    expect(r.get('bookedStateRevenueUSD')).toBeCloseTo(r.get('reportedHealthExportsUSD') - pay, 2);
    expect(r.get('bookedRetentionShare')).toBeCloseTo(r.get('bookedStateRevenueUSD') / r.get('reportedHealthExportsUSD'), 12);
  });
});

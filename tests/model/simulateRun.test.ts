import { describe, expect, it } from 'vitest';
import { intensityMonthly, shareHazardMonthly } from '../../src/model/rates.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { streamFor } from '../../src/random/rng.js';
import { host, inputs, run } from './runInputs.js';

// A yearly intensity so large that 1 - exp(-λ/12) rounds to 1: the event happens in the first month.
const CERTAIN = 1e6;

const ramp = (n: number, step: number) => Array.from({ length: n }, (_, t) => step * (t + 1));

describe('intensityMonthly', () => {
  it('is 1 - exp(-λ/12): twelve months compound to exp(-λ) of staying', () => {
    for (const l of [0.001, 0.5, 1, 2.7, 10]) expect((1 - intensityMonthly(l)) ** 12).toBeCloseTo(Math.exp(-l), 12);
  });

  it('is 0 for an intensity <= 0 or NaN and below 1 for any intensity a scenario can give', () => {
    expect(intensityMonthly(0)).toBe(0);
    expect(intensityMonthly(-1)).toBe(0);
    expect(intensityMonthly(NaN)).toBe(0);
    // US pressure 4.5 x a cut intensity 0.6 (wider-cancellations): about one cut in four months, not a certain one.
    expect(intensityMonthly(2.7)).toBeCloseTo(0.2015, 4);
    expect(intensityMonthly(100)).toBeLessThan(1);
  });
});

describe('shareHazardMonthly', () => {
  it('compounds over 12 months to the yearly hazard', () => {
    for (const h of [0.001, 0.02, 0.5, 0.99]) expect(1 - (1 - shareHazardMonthly(h)) ** 12).toBeCloseTo(h, 12);
  });

  it('is 0 for a hazard <= 0 or NaN and 1 for a hazard >= 1 or infinite', () => {
    expect(shareHazardMonthly(0)).toBe(0);
    expect(shareHazardMonthly(-1)).toBe(0);
    expect(shareHazardMonthly(NaN)).toBe(0);
    expect(shareHazardMonthly(1)).toBe(1);
    expect(shareHazardMonthly(7)).toBe(1);
    expect(shareHazardMonthly(Infinity)).toBe(1);
  });
});

describe('simulateRun with nothing happening', () => {
  it('keeps every stock at its start and every flow at 0 when all hazards are 0 and no host wants anyone', () => {
    const r = run(inputs({ months: 36, hosts: [host(36, { id: 'a' })] }));
    for (let y = 0; y < 3; y++) {
      expect(r.get('domesticDoctors', y)).toBe(1000);
      expect(r.get('totalDoctors', y)).toBe(1000);
      expect(r.get('patientsPerDoctor', y)).toBe(1000);
      for (const f of r.layout.flows) expect(r.get(f.name, y)).toBe(0);
      expect(r.get('retentionShare', y)).toBeNaN();
      expect(r.get('workerPayPerMonthUSD', y)).toBeNaN();
    }
  });

  it('splits a host\'s initial workers into round(initialWorkers * doctorShare) doctors and the rest', () => {
    const r = run(inputs({ months: 1, hosts: [host(1, { id: 'a', initialWorkers: 7, doctorShare: 0.5, demand: 7 })] }));
    expect(r.get('doctorsAbroad.a')).toBe(4);
    expect(r.get('otherWorkersAbroad.a')).toBe(3);
    expect(r.get('healthWorkersAbroad.a')).toBe(7);
    expect(r.get('totalDoctors')).toBe(1004);
  });
});

describe('deployment', () => {
  it('follows a rising demand month by month when deploymentSpeed is 1', () => {
    // Demand 10, 20, ..., 120 doctors: run the first m months for each m to see every month's end.
    const demand = ramp(12, 10);
    for (let m = 1; m <= 12; m++) {
      const r = run(inputs({ months: m, hosts: [host(m, { id: 'a', demand })] }));
      expect(r.get('doctorsAbroad.a')).toBe(demand[m - 1]);
      expect(r.get('deployDoctors.a')).toBe(demand[m - 1]);
      expect(r.get('domesticDoctors')).toBe(1000 - demand[m - 1]);
    }
  });

  it('closes the gap to demand over time at deploymentSpeed 0.5 without ever overshooting it', () => {
    const r = run(inputs({ months: 36, initialDomesticDoctors: 5000, deploymentSpeed: 0.5, hosts: [host(36, { id: 'a', demand: 1000 })] }), 3);
    // The expected gap after 12 months is 1000 / 2^12 < 1; after 36 it is nil for any practical seed.
    expect(r.get('doctorsAbroad.a', 0)).toBeGreaterThanOrEqual(990);
    expect(r.get('doctorsAbroad.a', 0)).toBeLessThanOrEqual(1000);
    expect(r.get('doctorsAbroad.a', 2)).toBe(1000);
  });

  it('replaces workers who finish their mission in the same month (rotation)', () => {
    // A one-month mission: every worker abroad goes home each month and is replaced at once.
    const r = run(inputs({ months: 12, missionLengthYears: 1 / 12, hosts: [host(12, { id: 'a', demand: 100 })] }));
    expect(r.get('doctorsAbroad.a')).toBe(100);
    expect(r.get('returnDoctors.a')).toBe(1100);
    expect(r.get('deployDoctors.a')).toBe(1200);
    expect(r.get('domesticDoctors')).toBe(900);
  });

  it('brings workers home when their term ends: of 12,000 spread over a 2-year term, exactly half in the first year', () => {
    // No replacements (no demand, no doctors at home): the cohorts that served 12-23 months end their term.
    const r = run(inputs({ months: 24, initialDomesticDoctors: 0, missionLengthYears: 2, hosts: [host(24, { id: 'a', initialWorkers: 12_000 })] }), 4);
    expect(r.get('returnDoctors.a', 0)).toBe(6000);
    expect(r.get('returnDoctors.a', 1)).toBe(6000);
    expect(r.get('doctorsAbroad.a', 1)).toBe(0);
  });

  it('keeps a one-year term a year: a twelfth of the workers come home in the first month, and their successors a year later', () => {
    const one = run(inputs({ months: 1, missionLengthYears: 1, hosts: [host(1, { id: 'a', initialWorkers: 12_000 })] }), 4);
    expect(one.get('returnDoctors.a')).toBe(1000);
    // With the demand kept, each month's successors serve their own year: 12,000 come home a year, every year.
    const kept = run(inputs({ months: 36, missionLengthYears: 1, initialDomesticDoctors: 20_000, hosts: [host(36, { id: 'a', initialWorkers: 12_000, demand: 12_000 })] }), 4);
    for (const y of [0, 1, 2]) expect(kept.get('returnDoctors.a', y)).toBe(12_000);
  });

  it("takes a host's own term over the run's, and keeps renewed workers another term", () => {
    const own = run(inputs({ months: 12, initialDomesticDoctors: 0, missionLengthYears: 1, hosts: [host(12, { id: 'a', initialWorkers: 3600, missionLengthYears: 3 })] }), 4);
    expect(own.get('returnDoctors.a')).toBe(1200);
    const renewed = run(inputs({ months: 12, initialDomesticDoctors: 0, missionLengthYears: 1, hosts: [host(12, { id: 'a', initialWorkers: 3600, renewalShare: 1 })] }), 4);
    expect(renewed.get('returnDoctors.a')).toBe(0);
    expect(renewed.get('doctorsAbroad.a')).toBe(3600);
  });

  it('stops at the state floor of minDoctorsPer1000AtHome * population / 1000 doctors at home', () => {
    // Floor 0.9 per 1,000 of 1,000,000 people: 900 doctors stay home, so only 100 of the 500 wanted go.
    const r = run(inputs({ months: 24, minDoctorsPer1000AtHome: 0.9, hosts: [host(24, { id: 'a', demand: 500 })] }));
    for (const y of [0, 1]) {
      expect(r.get('doctorsAbroad.a', y)).toBe(100);
      expect(r.get('domesticDoctors', y)).toBe(900);
    }
    expect(r.get('deployDoctors.a', 1)).toBe(0);
  });

  it('keeps a fractional floor whole: 900.5 doctors at home means 901', () => {
    const r = run(inputs({ months: 3, minDoctorsPer1000AtHome: 0.9005, hosts: [host(3, { id: 'a', demand: 500 })] }));
    expect(r.get('domesticDoctors')).toBe(901);
    expect(r.get('doctorsAbroad.a')).toBe(99);
  });

  it('gives every host the same fraction of its request when doctors are short, rounded down', () => {
    // 100 doctors available for requests of 100 and 300: each host gets a quarter.
    const r = run(
      inputs({ months: 1, minDoctorsPer1000AtHome: 0.9, hosts: [host(1, { id: 'a', demand: 100 }), host(1, { id: 'b', demand: 300 })] }),
    );
    expect(r.get('deployDoctors.a')).toBe(25);
    expect(r.get('deployDoctors.b')).toBe(75);
    expect(r.get('domesticDoctors')).toBe(900);
  });

  it('sends no doctor when the floor is above the doctors at home, but still sends other health workers', () => {
    const r = run(
      inputs({
        months: 12,
        minDoctorsPer1000AtHome: 5,
        hosts: [host(12, { id: 'docs', demand: 100 }), host(12, { id: 'others', doctorShare: 0, demand: 400 })],
      }),
    );
    expect(r.get('doctorsAbroad.docs')).toBe(0);
    expect(r.get('domesticDoctors')).toBe(1000);
    expect(r.get('otherWorkersAbroad.others')).toBe(400);
    expect(r.get('deployOthers.others')).toBe(400);
  });
});

describe('programme cuts', () => {
  const ended = (stayShareOnEnd: number) =>
    run(
      inputs({
        months: 12,
        hosts: [host(12, { id: 'a', initialWorkers: 100, doctorShare: 0.5, demand: 100, stayShareOnEnd })],
        events: [{ month: 3, host: 0, share: 1 }],
      }),
    );

  it('returns every worker home when a programme ends and nobody stays (stayShareOnEnd 0)', () => {
    const r = ended(0);
    expect(r.get('returnDoctors.a')).toBe(50);
    expect(r.get('returnOthers.a')).toBe(50);
    expect(r.get('healthWorkersAbroad.a')).toBe(0);
    expect(r.get('domesticDoctors')).toBe(1050);
    expect(r.get('defections')).toBe(0);
    expect(r.get('stayedAbroad')).toBe(0);
    // The ended programme is not refilled although its demand schedule still says 100.
    expect(r.get('deployDoctors.a')).toBe(0);
    expect(r.get('deployOthers.a')).toBe(0);
  });

  it('counts every worker as a defector who stays abroad when everybody stays (stayShareOnEnd 1)', () => {
    const r = ended(1);
    expect(r.get('returnDoctors.a')).toBe(0);
    expect(r.get('stayDefectDoctors.a')).toBe(50);
    expect(r.get('stayDefectOthers.a')).toBe(50);
    expect(r.get('stayedAbroad')).toBe(100);
    expect(r.get('defections')).toBe(100);
    expect(r.get('doctorDefections')).toBe(50);
    expect(r.get('cumulativeDefections')).toBe(100);
    expect(r.get('domesticDoctors')).toBe(1000);
  });

  it('ignores a cut of share 0 and any cut after the programme has ended', () => {
    const r = run(
      inputs({
        months: 12,
        hosts: [host(12, { id: 'a', initialWorkers: 100, demand: 100 })],
        events: [
          { month: 1, host: 0, share: 0 },
          { month: 2, host: 0, share: 1 },
          { month: 5, host: 0, share: 1 },
        ],
      }),
    );
    expect(r.get('returnDoctors.a')).toBe(100);
    expect(r.get('domesticDoctors')).toBe(1100);
  });

  it('ends a programme in the first month of US pressure when its cut intensity makes a cut certain to double precision and its cut share is 1', () => {
    const usPressure = [0, 0, 0, 0, 0, 0, 1];
    const r = run(
      inputs({
        months: 12,
        usPressure,
        hosts: [host(12, { id: 'a', initialWorkers: 100, demand: 100, paymentUSD: 1000, retention: 0.8, pressureHazard: CERTAIN })],
      }),
    );
    expect(r.get('returnDoctors.a')).toBe(100);
    expect(r.get('doctorsAbroad.a')).toBe(0);
    // Paid for months 0 to 5 only: 6 x 100 x $1,000.
    expect(r.get('hostPaymentsUSD')).toBe(600_000);
  });

  it('leaves a host alone under pressure when its pressure hazard is 0', () => {
    const r = run(inputs({ months: 24, usPressure: 5, hosts: [host(24, { id: 'a', initialWorkers: 100, demand: 100 })] }));
    expect(r.get('doctorsAbroad.a', 1)).toBe(100);
  });
});

describe('defection and parole', () => {
  // Everybody who may defects, and knowledge of an open programme is complete after its first month.
  const defectAll = { defectionBaseRate: CERTAIN, paroleApplyShare: 1, paroleAwarenessYears: 1e-9 } as const;

  it('sends every defector to stay abroad while parole is closed', () => {
    const r = run(inputs({ months: 12, ...defectAll, hosts: [host(12, { id: 'a', initialWorkers: 100 })] }));
    expect(r.get('stayDefectDoctors.a')).toBe(100);
    expect(r.get('paroleDefectDoctors.a')).toBe(0);
    expect(r.get('paroleApplicants')).toBe(0);
    expect(r.get('stayedAbroad')).toBe(100);
    expect(r.get('doctorDefections')).toBe(100);
  });

  it('lets no one defect from a host whose defection factor is 0', () => {
    const r = run(inputs({ months: 12, ...defectAll, hosts: [host(12, { id: 'a', initialWorkers: 100, defectionFactor: 0 })] }));
    expect(r.get('defections')).toBe(0);
    expect(r.get('doctorsAbroad.a')).toBe(100);
  });

  it('decides applications the month after they are made, across a year end (delay 1, approval 1)', () => {
    // November: parole opens and becomes known to all (an instant awareness); December: everybody defects and
    // applies; January: parole closed, all approved.
    const r = run(
      inputs({ startMonth: 10, months: 3, ...defectAll, paroleOpen: [1, 1, 0], hosts: [host(3, { id: 'a', initialWorkers: 100, defectionFactor: [0, 1] })] }),
    );
    expect(r.years).toBe(2);
    expect(r.get('paroleDefectDoctors.a', 0)).toBe(100);
    expect(r.get('paroleApplicants', 0)).toBe(100);
    expect(r.get('paroleAdmitted', 0)).toBe(0);
    expect(r.get('paroleOpenMonths', 0)).toBe(2);
    expect(r.get('paroleApprovals', 1)).toBe(100);
    expect(r.get('paroleApplicants', 1)).toBe(0);
    expect(r.get('paroleAdmitted', 1)).toBe(100);
    expect(r.get('cumulativeParoleApprovals', 1)).toBe(100);
    expect(r.get('paroleOpenMonths', 1)).toBe(0);
  });

  it('drains the parole queue after parole closes, splitting it between approvals and denials', () => {
    const months = 120;
    const paroleOpen = [1, 1, 0];
    const r = run(
      inputs({
        months,
        ...defectAll,
        paroleOpen,
        paroleDelayMonths: 6,
        paroleApprovalRate: 0.9,
        hosts: [host(months, { id: 'a', initialWorkers: 100, defectionFactor: [0, 1] })],
      }),
      5,
    );
    expect(r.get('paroleDefectDoctors.a', 0)).toBe(100);
    expect(r.get('paroleOpenMonths', 0)).toBe(2);
    // About 100 (5/6)^11 = 13 applications still wait at the end of year 0; none by year 10.
    expect(r.get('paroleApplicants', 0)).toBeGreaterThan(0);
    expect(r.get('paroleApprovals', 1) + r.get('paroleDenials', 1)).toBeGreaterThan(0);
    expect(r.get('paroleApplicants', 9)).toBe(0);
    let approvals = 0;
    let denials = 0;
    for (let y = 0; y < 10; y++) {
      approvals += r.get('paroleApprovals', y);
      denials += r.get('paroleDenials', y);
      if (y > 0) expect(r.get('paroleDefectDoctors.a', y)).toBe(0);
    }
    expect(approvals + denials).toBe(100);
    expect(r.get('paroleAdmitted', 9)).toBe(approvals);
    expect(r.get('stayedAbroad', 9)).toBe(denials);
    expect(approvals).toBeGreaterThan(denials);
  });
});

describe('doctors at home', () => {
  it('retires every doctor in the first month at a retirement hazard of 1, taking patients per one doctor after', () => {
    const r = run(inputs({ months: 12, retirementRate: 1, emigrationBaseRate: CERTAIN }));
    expect(r.get('retired')).toBe(1000);
    expect(r.get('retirement')).toBe(1000);
    // Retirement comes first, so nobody is left to emigrate.
    expect(r.get('emigrated')).toBe(0);
    expect(r.get('domesticDoctors')).toBe(0);
    expect(r.get('patientsPerDoctor')).toBe(1_000_000);
  });

  it('lets every doctor emigrate at an emigration intensity certain to double precision unless all need a permission that stops emigration', () => {
    expect(run(inputs({ months: 12, emigrationBaseRate: CERTAIN })).get('emigrated')).toBe(1000);
    const blocked = run(inputs({ months: 12, emigrationBaseRate: CERTAIN, travelPermissionCoverage: 1, permissionEmigrationFactor: 0 }));
    expect(blocked.get('emigrated')).toBe(0);
    expect(blocked.get('domesticDoctors')).toBe(1000);
    // The lever acts from the month it changes.
    const lifted = run(inputs({ months: 12, emigrationBaseRate: CERTAIN, travelPermissionCoverage: [1, 1, 1, 0], permissionEmigrationFactor: 0 }));
    expect(lifted.get('emigrated')).toBe(1000);
  });

  it('adds Poisson graduates at graduatesPerYear / 12 a month: 12,000 over 10 years within 4 standard errors', () => {
    const r = run(inputs({ months: 120, graduatesPerYear: 1200 }), 9);
    let total = 0;
    for (let y = 0; y < 10; y++) {
      const g = r.get('graduation', y);
      expect(Number.isInteger(g)).toBe(true);
      total += g;
      expect(r.get('domesticDoctors', y)).toBe(1000 + total);
    }
    expect(Math.abs(total - 12_000)).toBeLessThan(4 * Math.sqrt(12_000));
  });
});

describe('money', () => {
  const paid = (o: Parameters<typeof inputs>[0] = {}, months = 12) =>
    run(inputs({ months, ...o, hosts: [host(months, { id: 'a', initialWorkers: 100, demand: 100, paymentUSD: 1000, retention: 0.8 }), ...(o.hosts ?? [])] }));

  it('100 workers at $1,000 a month with retention 0.8 pay $1.2m a year: $960,000 to the state and $240,000 to the workers', () => {
    const r = paid();
    expect(r.get('hostPaymentsUSD')).toBe(1_200_000);
    expect(r.get('stateRevenueUSD')).toBe(960_000);
    expect(r.get('workerPayUSD')).toBe(240_000);
    expect(r.get('retentionShare')).toBe(0.8);
    // $240,000 over 1,200 worker-months.
    expect(r.get('workerPayPerMonthUSD')).toBe(200);
  });

  it('a retention cap of 0.5 below the host retention halves the state\'s share', () => {
    const r = paid({ retentionCap: 0.5 });
    expect(r.get('hostPaymentsUSD')).toBe(1_200_000);
    expect(r.get('stateRevenueUSD')).toBe(600_000);
    expect(r.get('workerPayUSD')).toBe(600_000);
    expect(r.get('retentionShare')).toBe(0.5);
    expect(r.get('workerPayPerMonthUSD')).toBe(500);
  });

  it('a retention cap above the host retention changes nothing, and a cap from July counts for half the year', () => {
    expect(paid({ retentionCap: 0.9 }).get('stateRevenueUSD')).toBe(960_000);
    // 6 months at 0.8 and 6 at 0.5: 6 x 80,000 + 6 x 50,000.
    const r = paid({ retentionCap: [1, 1, 1, 1, 1, 1, 0.5] });
    expect(r.get('stateRevenueUSD')).toBe(780_000);
    expect(r.get('workerPayUSD')).toBe(420_000);
    expect(r.get('retentionShare')).toBe(0.65);
  });

  it('leaves hosts that pay nothing out of the pay per worker-month', () => {
    const r = paid({ hosts: [host(12, { id: 'free', initialWorkers: 50, demand: 50, paymentUSD: 0 })] });
    expect(r.get('hostPaymentsUSD')).toBe(1_200_000);
    expect(r.get('workerPayPerMonthUSD')).toBe(200);
  });

  it('counts each calendar year\'s months only: a July start pays half a year in each of two years', () => {
    const r = paid({ startMonth: 6 });
    expect(r.years).toBe(2);
    expect(r.get('hostPaymentsUSD', 0)).toBe(600_000);
    expect(r.get('hostPaymentsUSD', 1)).toBe(600_000);
    expect(r.get('workerPayPerMonthUSD', 1)).toBe(200);
  });
});

describe('purity', () => {
  it('returns the same array for the same inputs and seed, and does not change its inputs', () => {
    const make = () =>
      inputs({
        months: 60,
        defectionBaseRate: 0.3,
        retirementRate: 0.05,
        missionLengthYears: 2,
        deploymentSpeed: 0.3,
        graduatesPerYear: 200,
        paroleOpen: [0, 0, 1],
        paroleDelayMonths: 3,
        paroleApprovalRate: 0.9,
        paroleApplyShare: 0.7,
        hosts: [host(60, { id: 'a', initialWorkers: 300, doctorShare: 0.6, demand: 500, paymentUSD: 2000, pressureHazard: 0.5 })],
        usPressure: 1,
      });
    const i = make();
    const a = run(i, 17).out;
    const b = run(i, 17).out;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(i).toEqual(make());
    expect(Buffer.from(run(i, 18).out.buffer).equals(Buffer.from(a.buffer))).toBe(false);
  });
});

describe('simulateRun into a buffer of the caller', () => {
  it('writes the same values into its place in a used buffer as into one of its own, and nothing outside it', () => {
    // Defections, mission ends and retirements, so the run draws from its streams.
    const i = inputs({
      months: 36,
      initialDomesticDoctors: 5000,
      defectionBaseRate: 0.05,
      missionLengthYears: 2,
      retirementRate: 0.02,
      hosts: [host(36, { id: 'a', initialWorkers: 900, demand: 1000 }), host(36, { id: 'b', initialWorkers: 300, demand: 300 })],
    });
    const own = run(i, 5);
    const size = own.out.length;
    const buffer = new Float64Array(3 * size).fill(-7);
    const place = buffer.subarray(size, 2 * size);
    const written = simulateRun(i, own.layout, own.years, (component) => streamFor(5, 0, component), place);
    expect(written.buffer).toBe(buffer.buffer);
    expect(own.get('defections', 1)).toBeGreaterThan(0);
    expect(Array.from(place)).toEqual(Array.from(own.out));
    expect(buffer.subarray(0, size).every((v) => v === -7) && buffer.subarray(2 * size).every((v) => v === -7)).toBe(true);
    // Too small a place is refused, not filled in part.
    expect(() => simulateRun(i, own.layout, own.years, (component) => streamFor(5, 0, component), new Float64Array(size - 1))).toThrow(RangeError);
  });
});

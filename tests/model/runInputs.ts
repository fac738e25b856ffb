// Hand-made model inputs for the unit tests: every hazard 0 and every share 0 or 1 unless a test says otherwise,
// so flows are deterministic and the expected numbers can be worked out by hand.
import type { HostInputs, RunInputs } from '../../src/model/inputs.js';
import { modelLayout, type ModelLayout } from '../../src/model/layout.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { streamFor } from '../../src/random/rng.js';

type Series = number | readonly number[];

/** Fills one value per month from a constant or an explicit list (the list's last value holds after it). */
export function series(months: number, s: Series): Float64Array {
  if (typeof s === 'number') return new Float64Array(months).fill(s);
  return Float64Array.from({ length: months }, (_, t) => s[Math.min(t, s.length - 1)]);
}

/** A host with no workers, no demand, no payment and no behaviour, with overrides. */
export function host(months: number, o: Partial<Omit<HostInputs, 'demand' | 'doctorShare' | 'paymentUSD' | 'oilBarrelsPerDay' | 'bookedPriceUSD' | 'defectionFactor'>> & { demand?: Series; doctorShare?: Series; paymentUSD?: Series; oilBarrelsPerDay?: Series; bookedPriceUSD?: Series; defectionFactor?: Series } = {}): HostInputs {
  return {
    id: o.id ?? 'h',
    initialWorkers: o.initialWorkers ?? 0,
    doctorShare: series(months, o.doctorShare ?? 1),
    retention: o.retention ?? 0.8,
    // NaN: take the run's deploymentSpeed (see `inputs`), as a scenario host without its own speed does.
    deploymentSpeed: o.deploymentSpeed ?? NaN,
    stayShareOnEnd: o.stayShareOnEnd ?? 0,
    pressureHazard: o.pressureHazard ?? 0,
    pressureCutShare: o.pressureCutShare ?? 1,
    // NaN: take the run's missionLengthYears, as a scenario host without its own term does.
    missionLengthYears: o.missionLengthYears ?? NaN,
    renewalShare: o.renewalShare ?? 0,
    demand: series(months, o.demand ?? 0),
    paymentUSD: series(months, o.paymentUSD ?? 0),
    oilBarrelsPerDay: series(months, o.oilBarrelsPerDay ?? 0),
    oilValueShare: o.oilValueShare ?? 1,
    bookedPriceUSD: o.bookedPriceUSD === undefined ? undefined : series(months, o.bookedPriceUSD),
    defectionFactor: series(months, o.defectionFactor ?? 1),
  };
}

type SeriesKeys =
  | 'population'
  | 'graduatesPerYear'
  | 'emigrationPressure'
  | 'paroleOpen'
  | 'travelPermissionCoverage'
  | 'domesticSalaryUSD'
  | 'reentryBanYears'
  | 'usPressure'
  | 'retentionCap'
  | 'minDoctorsPer1000AtHome'
  | 'oilPriceUSD'
  | 'healthSalesAtHomeUSD'
  | 'hostPriceFactor'
  | 'paroleProcessingMonths'
  | 'paroleApproval'
  | 'paroleEligibility';

/** Overrides of `inputs`: numbers as they are, schedules as a constant or a monthly list. */
export type InputOverrides = Partial<Omit<RunInputs, SeriesKeys>> & Partial<Record<SeriesKeys, Series>>;

/**
 * Inputs where nothing happens on its own: no mission ever ends (infinite length), nobody defects, retires,
 * emigrates or graduates, deployment fills the whole gap each month, parole is closed.
 */
export function inputs(o: InputOverrides = {}): RunInputs {
  const months = o.months ?? 12;
  const s = (key: SeriesKeys, fallback: number) => series(months, o[key] ?? fallback);
  return {
    months,
    startMonth: o.startMonth ?? 0,
    initialDomesticDoctors: o.initialDomesticDoctors ?? 1000,
    missionLengthYears: o.missionLengthYears ?? Infinity,
    deploymentSpeed: o.deploymentSpeed ?? 1,
    defectionBaseRate: o.defectionBaseRate ?? 0,
    paroleDefectionMultiplier: o.paroleDefectionMultiplier ?? 1,
    paroleAwarenessYears: o.paroleAwarenessYears ?? 1,
    paroleWordOfMouth: o.paroleWordOfMouth ?? 0,
    paroleMemoryYears: o.paroleMemoryYears ?? 0,
    paroleLatentRate: o.paroleLatentRate ?? 0,
    paroleWaveMonths: o.paroleWaveMonths ?? 12,
    paroleApplyShare: o.paroleApplyShare ?? 1,
    paroleDelayMonths: o.paroleDelayMonths ?? 1,
    paroleApprovalRate: o.paroleApprovalRate ?? 1,
    defectorReturnRate: o.defectorReturnRate ?? 0,
    payElasticity: o.payElasticity ?? 0,
    takeHomeReferenceUSD: o.takeHomeReferenceUSD ?? 300,
    missionStipendUSD: o.missionStipendUSD ?? 150,
    banDeterrence: o.banDeterrence ?? 0,
    retirementRate: o.retirementRate ?? 0,
    emigrationBaseRate: o.emigrationBaseRate ?? 0,
    permissionEmigrationFactor: o.permissionEmigrationFactor ?? 1,
    salaryElasticity: o.salaryElasticity ?? 0,
    salaryReferenceUSD: o.salaryReferenceUSD ?? 30,
    supplyMarginElasticity: o.supplyMarginElasticity ?? 0,
    pressureRetentionElasticity: o.pressureRetentionElasticity ?? 0,
    hostPriceElasticity: o.hostPriceElasticity ?? 0,
    population: s('population', 1_000_000),
    graduatesPerYear: s('graduatesPerYear', 0),
    emigrationPressure: s('emigrationPressure', 1),
    oilPriceUSD: s('oilPriceUSD', 0),
    healthSalesAtHomeUSD: s('healthSalesAtHomeUSD', 0),
    paroleOpen: s('paroleOpen', 0),
    travelPermissionCoverage: s('travelPermissionCoverage', 0),
    domesticSalaryUSD: s('domesticSalaryUSD', 30),
    reentryBanYears: s('reentryBanYears', 8),
    usPressure: s('usPressure', 0),
    retentionCap: s('retentionCap', 1),
    minDoctorsPer1000AtHome: s('minDoctorsPer1000AtHome', 0),
    hostPriceFactor: s('hostPriceFactor', 1),
    paroleProcessingMonths: s('paroleProcessingMonths', o.paroleDelayMonths ?? 1),
    paroleApproval: s('paroleApproval', o.paroleApprovalRate ?? 1),
    paroleEligibility: s('paroleEligibility', 1),
    hosts: (o.hosts ?? []).map((h) => ({
      ...h,
      deploymentSpeed: Number.isNaN(h.deploymentSpeed) ? (o.deploymentSpeed ?? 1) : h.deploymentSpeed,
      missionLengthYears: Number.isNaN(h.missionLengthYears) ? (o.missionLengthYears ?? Infinity) : h.missionLengthYears,
    })),
    events: o.events ?? [],
  };
}

/** A simulated run with its layout and a reader of one metric in one year (year 0 is the first calendar year). */
export interface Run {
  readonly layout: ModelLayout;
  readonly years: number;
  readonly out: Float64Array;
  readonly get: (metric: string, year?: number) => number;
}

/** Simulates inputs over every calendar year they touch, with the streams of (seed, run 0). */
export function run(i: RunInputs, seed = 1): Run {
  const layout = modelLayout(i.hosts.map((h) => h.id));
  const years = Math.floor((i.startMonth + i.months - 1) / 12) + 1;
  const out = simulateRun(i, layout, years, (component) => streamFor(seed, 0, component));
  const get = (metric: string, year = 0) => {
    const row = layout.index[metric];
    if (row === undefined) throw new Error(`no metric ${metric}`);
    return out[row * years + year];
  };
  return { layout, years, out, get };
}

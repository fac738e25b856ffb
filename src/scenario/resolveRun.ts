import type { HostInputs, RunInputs } from '../model/inputs.js';
import type { CompiledSchedule, CompiledScenario, CompiledValue } from './compiled.js';
import { pathText } from './describe.js';
import { fillPoints } from './fillSchedule.js';
import { rangeProblem } from './rangeProblem.js';
import type { Path } from './parseYaml.js';

/** A value that an expression gave outside its legal range in some run: a scenario error, found late. */
export class ValueRangeError extends Error {
  constructor(
    readonly path: Path,
    readonly detail: string,
  ) {
    super(`${pathText(path)} ${detail}`);
  }
}

/**
 * Evaluates a compiled scenario for one run's parameter values: every expression once, every schedule into
 * one value per month. Throws ValueRangeError when an expression leaves its input's legal range.
 */
export function resolveRun(c: CompiledScenario, params: Readonly<Record<string, number>>): RunInputs {
  // An expression's value, checked against its input's legal range.
  const checked = (v: CompiledValue): number => {
    if (v.constant !== undefined) return v.constant;
    const x = v.evaluate(params);
    const problem = rangeProblem(x, v.spec);
    if (problem) throw new ValueRangeError(v.path, `${problem}, from ${describeParams(params, v.symbols)}`);
    return x;
  };
  const value = (v: CompiledValue): number => {
    const x = checked(v);
    return v.constant === undefined && v.spec.integer ? Math.round(x) : x;
  };
  // Each point is evaluated (and checked) once; schedules that use no parameter were filled at compile time.
  const series = (s: CompiledSchedule): Float64Array =>
    s.constant ??
    fillPoints(
      s.kind,
      s.points.map((p) => p.t),
      s.points.map((p) => checked(p.value)),
      c.months,
    );
  const hosts: HostInputs[] = c.hosts.map((h) => ({
    id: h.id,
    initialWorkers: Math.round(value(h.initialWorkers)),
    retention: value(h.retention),
    deploymentSpeed: value(h.deploymentSpeed),
    stayShareOnEnd: value(h.stayShareOnEnd),
    pressureHazard: value(h.pressureHazard),
    pressureCutShare: value(h.pressureCutShare),
    missionLengthYears: value(h.missionLengthYears),
    renewalShare: value(h.renewalShare),
    demand: series(h.demand),
    doctorShare: series(h.doctorShare),
    paymentUSD: series(h.paymentUSD),
    oilBarrelsPerDay: series(h.oilBarrelsPerDay),
    oilValueShare: value(h.oilValueShare),
    bookedPriceUSD: h.bookedPriceUSD === undefined ? undefined : series(h.bookedPriceUSD),
    defectionFactor: series(h.defectionFactor),
  }));
  const p = params;
  return {
    months: c.months,
    startMonth: c.startMonth,
    initialDomesticDoctors: Math.round(p.initialDomesticDoctors),
    missionLengthYears: p.missionLengthYears,
    deploymentSpeed: p.deploymentSpeed,
    defectionBaseRate: p.defectionBaseRate,
    paroleDefectionMultiplier: p.paroleDefectionMultiplier,
    paroleAwarenessYears: p.paroleAwarenessYears,
    paroleWordOfMouth: p.paroleWordOfMouth,
    paroleMemoryYears: p.paroleMemoryYears,
    paroleLatentRate: p.paroleLatentRate,
    paroleWaveMonths: p.paroleWaveMonths,
    paroleApplyShare: p.paroleApplyShare,
    paroleDelayMonths: p.paroleDelayMonths,
    paroleApprovalRate: p.paroleApprovalRate,
    defectorReturnRate: p.defectorReturnRate,
    payElasticity: p.payElasticity,
    takeHomeReferenceUSD: p.takeHomeReferenceUSD,
    missionStipendUSD: p.missionStipendUSD,
    banDeterrence: p.banDeterrence,
    retirementRate: p.retirementRate,
    emigrationBaseRate: p.emigrationBaseRate,
    permissionEmigrationFactor: p.permissionEmigrationFactor,
    salaryElasticity: p.salaryElasticity,
    salaryReferenceUSD: p.salaryReferenceUSD,
    supplyMarginElasticity: p.supplyMarginElasticity,
    pressureRetentionElasticity: p.pressureRetentionElasticity,
    hostPriceElasticity: p.hostPriceElasticity,
    population: series(c.drivers.population),
    graduatesPerYear: series(c.drivers.graduatesPerYear),
    emigrationPressure: series(c.drivers.emigrationPressure),
    oilPriceUSD: series(c.drivers.oilPriceUSD),
    healthSalesAtHomeUSD: series(c.drivers.healthSalesAtHomeUSD),
    paroleOpen: series(c.levers.paroleOpen),
    travelPermissionCoverage: series(c.levers.travelPermissionCoverage),
    domesticSalaryUSD: series(c.levers.domesticSalaryUSD),
    reentryBanYears: series(c.levers.reentryBanYears),
    usPressure: series(c.levers.usPressure),
    retentionCap: series(c.levers.retentionCap),
    minDoctorsPer1000AtHome: series(c.levers.minDoctorsPer1000AtHome),
    hostPriceFactor: series(c.levers.hostPriceFactor),
    paroleProcessingMonths: series(c.levers.paroleProcessingMonths),
    paroleApproval: series(c.levers.paroleApproval),
    paroleEligibility: series(c.levers.paroleEligibility),
    hosts,
    events: c.events,
  };
}

function describeParams(params: Readonly<Record<string, number>>, symbols: readonly string[]): string {
  return symbols.map((k) => `${k} = ${+params[k].toPrecision(4)}`).join(', ') || 'its constants';
}

/** One host programme as the monthly loop sees it: numbers and one value per month for its schedules. */
export interface HostInputs {
  readonly id: string;
  readonly initialWorkers: number;
  readonly doctorShare: Float64Array;
  readonly retention: number;
  readonly deploymentSpeed: number;
  readonly stayShareOnEnd: number;
  readonly pressureHazard: number;
  readonly pressureCutShare: number;
  /** The term of a mission at the host, in years (Infinity: missions never end). */
  readonly missionLengthYears: number;
  readonly renewalShare: number;
  readonly demand: Float64Array;
  readonly paymentUSD: Float64Array;
  readonly oilBarrelsPerDay: Float64Array;
  readonly oilValueShare: number;
  /** Absent: booked at the value received. */
  readonly bookedPriceUSD: Float64Array | undefined;
  readonly defectionFactor: Float64Array;
}

/** A dated cut of a host programme: `share` of it ends in month index `month`. */
export interface CutEvent {
  readonly month: number;
  readonly host: number;
  readonly share: number;
}

/**
 * Everything one run of the model needs, resolved to plain numbers and typed arrays (one value per month):
 * the scenario's expressions and distributions have already been evaluated, so the loop interprets nothing.
 */
export interface RunInputs {
  /** Months simulated; month 0 is the scenario's start. */
  readonly months: number;
  /** Calendar month (0-11) of month 0. */
  readonly startMonth: number;
  readonly initialDomesticDoctors: number;
  readonly missionLengthYears: number;
  readonly deploymentSpeed: number;
  readonly defectionBaseRate: number;
  readonly paroleDefectionMultiplier: number;
  readonly paroleAwarenessYears: number;
  readonly paroleWordOfMouth: number;
  readonly paroleMemoryYears: number;
  readonly paroleLatentRate: number;
  readonly paroleWaveMonths: number;
  readonly paroleApplyShare: number;
  readonly paroleDelayMonths: number;
  readonly paroleApprovalRate: number;
  readonly defectorReturnRate: number;
  readonly payElasticity: number;
  readonly takeHomeReferenceUSD: number;
  readonly missionStipendUSD: number;
  readonly banDeterrence: number;
  readonly retirementRate: number;
  readonly emigrationBaseRate: number;
  readonly permissionEmigrationFactor: number;
  readonly salaryElasticity: number;
  readonly salaryReferenceUSD: number;
  readonly supplyMarginElasticity: number;
  readonly pressureRetentionElasticity: number;
  readonly hostPriceElasticity: number;
  readonly population: Float64Array;
  readonly graduatesPerYear: Float64Array;
  readonly emigrationPressure: Float64Array;
  readonly oilPriceUSD: Float64Array;
  readonly healthSalesAtHomeUSD: Float64Array;
  readonly paroleOpen: Float64Array;
  readonly travelPermissionCoverage: Float64Array;
  readonly domesticSalaryUSD: Float64Array;
  readonly reentryBanYears: Float64Array;
  readonly usPressure: Float64Array;
  readonly retentionCap: Float64Array;
  readonly minDoctorsPer1000AtHome: Float64Array;
  readonly hostPriceFactor: Float64Array;
  readonly paroleProcessingMonths: Float64Array;
  readonly paroleApproval: Float64Array;
  readonly paroleEligibility: Float64Array;
  readonly hosts: readonly HostInputs[];
  /** Cuts ordered by month. */
  readonly events: readonly CutEvent[];
}

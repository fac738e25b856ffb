/** How a model input is checked: its unit, its legal range and what it means. */
export interface InputSpec {
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Whether the value must be 0 or 1 (a switch). */
  readonly boolean?: boolean;
  /** Whether the value must be a whole number. */
  readonly integer?: boolean;
  readonly doc: string;
  /**
   * For a model parameter: the neutral value it takes when a scenario does not declare it (a mechanism that
   * does nothing), so scenarios written before the mechanism existed keep their meaning.
   */
  readonly default?: number;
}

// Every input has a legal range that makes sense for Cuba's missions, generous enough for any policy question
// (the home salary up to US levels, parole doubling defections) and tight enough that a typo (1000 for 10,
// a count for a share) is refused rather than run: shares in [0, 1], counts and money well above any record.
const share = (doc: string): InputSpec => ({ unit: 'share', min: 0, max: 1, doc });
const upTo = (max: number, unit: string, doc: string): InputSpec => ({ unit, min: 0, max, doc });
const ranged = (unit: string, min: number, max: number, doc: string): InputSpec => ({ unit, min, max, doc });

/**
 * The uncertain parameters (X) the model reads, drawn once per run from the scenario's distributions.
 *
 * A scenario may declare further parameters of its own to use in expressions; these ones it must declare.
 */
export const MODEL_PARAMETERS = {
  initialDomesticDoctors: { unit: 'doctors', min: 0, max: 1e6, integer: true, doc: 'doctors working in Cuba at the start of the horizon' },
  missionLengthYears: { unit: 'years', min: 1 / 12, max: 20, doc: "length of a mission's term at hosts without their own (a worker comes home when it ends, unless renewed)" },
  deploymentSpeed: share('share of the gap between a host demand and its workers filled each month (hosts may set their own)'),
  defectionBaseRate: share('yearly defection hazard abroad with parole closed, at reference pay and an 8-year re-entry ban'),
  paroleDefectionMultiplier: upTo(100, 'ratio', 'factor on the defection hazard when parole is open and fully known'),
  paroleAwarenessYears: { unit: 'years', min: 1 / 12, max: 50, doc: 'time constant with which workers abroad learn of an open parole programme from outside their network (news, embassies)' },
  paroleWordOfMouth: {
    unit: '1/year',
    min: 0,
    max: 10,
    default: 0,
    doc: 'rate at which knowledge of an open parole programme spreads from those who know it (Bass imitation coefficient)',
  },
  paroleMemoryYears: {
    unit: 'years',
    min: 0,
    max: 200,
    default: 0,
    doc: 'time constant with which knowledge of a closed parole programme fades (0: as fast as paroleAwarenessYears)',
  },
  paroleLatentRate: {
    unit: '1/year',
    min: 0,
    max: 1,
    default: 0,
    doc: 'yearly intensity with which a worker abroad comes to want to leave for the US while parole is closed to them (0: no pent-up pool)',
  },
  paroleWaveMonths: {
    unit: 'months',
    min: 1,
    max: 240,
    default: 12,
    doc: 'mean time in which workers who wanted to leave while parole was closed apply once it opens',
  },
  paroleApplyShare: share('share of ordinary defectors (who would defect without parole) who apply for an open parole programme they know of'),
  paroleDelayMonths: { unit: 'months', min: 1, max: 120, doc: 'mean processing time of a parole application in normal times (the default of the lever paroleProcessingMonths)' },
  paroleApprovalRate: share('share of processed parole applications approved in normal times (the default of the lever paroleApproval)'),
  defectorReturnRate: {
    unit: '1/year',
    min: 0,
    max: 1,
    default: 0,
    doc: 'yearly intensity with which a doctor who defected and stayed abroad returns to work in Cuba once the re-entry ban has passed',
  },
  payElasticity: upTo(10, 'elasticity', 'elasticity of the defection hazard to the pay gap'),
  takeHomeReferenceUSD: { unit: 'USD/month', min: 1, max: 1e5, doc: 'take-home pay (mission pay plus home salary) at which the pay factor is 1' },
  missionStipendUSD: upTo(1e5, 'USD/month', 'least a worker is paid abroad, where the host pays little or nothing'),
  banDeterrence: upTo(10, '1/year', 'fall of the log defection hazard per year of re-entry ban'),
  retirementRate: share('yearly hazard that a doctor at home stops practising: retirement, death, leaving medicine'),
  emigrationBaseRate: share('yearly emigration hazard of doctors at home, free to travel, at reference salary and no crisis'),
  permissionEmigrationFactor: share('factor on emigration for doctors who need permission to travel'),
  salaryElasticity: upTo(10, 'elasticity', 'elasticity of emigration to the domestic salary'),
  salaryReferenceUSD: { unit: 'USD/month', min: 1, max: 1e5, doc: 'domestic salary at which the salary factor is 1' },
  supplyMarginElasticity: {
    unit: 'elasticity',
    min: 0,
    max: 10,
    default: 0,
    doc: "elasticity of the share of a paying host's posts Cuba staffs to the share of the payment it may keep (retention cap) and the price factor",
  },
  pressureRetentionElasticity: {
    unit: 'elasticity',
    min: 0,
    max: 10,
    default: 0,
    doc: 'elasticity of the intensity of pressure-driven cuts to the share of the payment the state keeps (a cap lowers it)',
  },
  hostPriceElasticity: {
    unit: 'elasticity',
    min: 0,
    max: 3,
    default: 0,
    doc: "elasticity of a cash-paying host's demand for health workers to the price factor",
  },
} as const satisfies Record<string, InputSpec>;

/** The name of a parameter the model reads. */
export type ModelParameter = keyof typeof MODEL_PARAMETERS;

/** Exogenous time paths (part of X) the model reads, as schedules that may use parameters. */
export const DRIVERS = {
  population: { unit: 'persons', min: 1, max: 1e8, doc: 'population of Cuba' },
  graduatesPerYear: upTo(1e5, 'doctors/year', 'new Cuban doctors graduating per year'),
  emigrationPressure: upTo(100, 'ratio', 'factor on domestic emigration from the economic and migratory context (1 = calm)'),
  oilPriceUSD: upTo(1000, 'USD/barrel', 'price of crude oil (Brent), which values the oil a host delivers in payment'),
  healthSalesAtHomeUSD: upTo(1e11, 'USD/year', 'health services Cuba sells inside Cuba (foreign patients, paying foreign students), booked as health-service exports'),
} as const satisfies Record<string, InputSpec>;

/** The name of a driver the model reads. */
export type Driver = keyof typeof DRIVERS;

/** The policy levers (L): schedules that the policies of Cuba, the US and the hosts move. */
export const LEVERS = {
  paroleOpen: { unit: 'switch', min: 0, max: 1, boolean: true, doc: 'US Cuban Medical Professional Parole programme accepting applications' },
  travelPermissionCoverage: share('share of doctors at home who need state permission to travel abroad'),
  domesticSalaryUSD: upTo(1e5, 'USD/month', 'monthly salary of a doctor at home, at the informal exchange rate'),
  reentryBanYears: upTo(50, 'years', 'years a defector is barred from returning to Cuba'),
  usPressure: upTo(20, 'intensity', 'intensity of US pressure on hosts (visa restrictions); multiplies each host pressure hazard'),
  retentionCap: share('most the Cuban state may keep of a host payment'),
  minDoctorsPer1000AtHome: upTo(20, 'doctors per 1,000 inhabitants', 'state floor on doctors kept at home (Cuba has about 8 to 9 per 1,000); deployment stops at it'),
  hostPriceFactor: ranged('ratio', 0.2, 5, 'factor on the prices Cuba charges hosts that pay in cash (1 = the contracted prices)'),
  paroleProcessingMonths: ranged('months', 1, 120, 'mean time the US takes to decide a parole application (default: the parameter paroleDelayMonths)'),
  paroleApproval: share('share of decided parole applications the US approves (default: the parameter paroleApprovalRate)'),
  paroleEligibility: share('share of health workers abroad whom the parole programme covers (1: every cadre, as the 2006-2017 programme; ~0.5: doctors only)'),
} as const satisfies Record<string, InputSpec>;

/** The name of a lever. */
export type Lever = keyof typeof LEVERS;

/** The fields of a host programme; `demand`, `paymentUSD` and `defectionFactor` are schedules, the rest numbers. */
export const HOST_FIELDS = {
  initialWorkers: { unit: 'health workers', min: 0, max: 1e6, integer: true, doc: 'health workers at the host at the start of the horizon' },
  demand: upTo(1e6, 'health workers', 'health workers the host wants'),
  doctorShare: share('share of doctors among the health workers at the host (a schedule: the mix of a programme changes, and deployment moves the stock toward it)'),
  paymentUSD: upTo(1e5, 'USD/worker-month', 'cash the host pays per health worker per month, at the contracted price'),
  oilBarrelsPerDay: upTo(1e7, 'barrels/day', 'oil the host delivers in payment for its programme (Venezuela), worth oilPriceUSD a barrel'),
  oilValueShare: share('share of the value of the delivered oil that pays for this health programme'),
  bookedPriceUSD: upTo(1e6, 'USD/worker-month', "value per worker-month at which Cuba books the host's services as exports (default: the value received)"),
  retention: share('share of the host payment the Cuban state keeps (before the retention cap)'),
  deploymentSpeed: share('share of the gap between demand and workers this host gets filled each month'),
  defectionFactor: upTo(100, 'ratio', 'host-specific factor on the defection hazard'),
  stayShareOnEnd: share('share of workers who stay abroad when the host ends or cuts its programme'),
  pressureHazard: upTo(100, '1/year', 'yearly intensity of pressure-driven cuts of the programme at US pressure 1 (cuts per year)'),
  pressureCutShare: share('share of the programme a pressure-driven cut ends (1 = the whole programme)'),
  missionLengthYears: { unit: 'years', min: 1 / 12, max: 20, doc: "length of a mission's term at this host (default: the parameter missionLengthYears)" },
  renewalShare: share("share of workers whose term ends who serve another term at the host"),
} as const satisfies Record<string, InputSpec>;

/** The name of a host field. */
export type HostField = keyof typeof HOST_FIELDS;

/** Host fields that are schedules over time; the others are evaluated once per run. */
export const HOST_SCHEDULE_FIELDS = ['demand', 'doctorShare', 'paymentUSD', 'oilBarrelsPerDay', 'bookedPriceUSD', 'defectionFactor'] as const satisfies readonly HostField[];

/** Host fields with a default, used when neither the scenario nor what it extends sets them. */
export const HOST_DEFAULTS: Partial<Record<HostField, number | string>> = {
  initialWorkers: 0,
  retention: 'retentionShare',
  deploymentSpeed: 'deploymentSpeed',
  defectionFactor: 1,
  oilBarrelsPerDay: 0,
  oilValueShare: 1,
  stayShareOnEnd: 0,
  pressureHazard: 0,
  pressureCutShare: 1,
  missionLengthYears: 'missionLengthYears',
  renewalShare: 0,
};

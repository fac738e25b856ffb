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

const share = (doc: string): InputSpec => ({ unit: 'share', min: 0, max: 1, doc });
const positive = (unit: string, doc: string, max = Number.MAX_VALUE): InputSpec => ({ unit, min: 0, max, doc });
const ranged = (unit: string, min: number, max: number, doc: string): InputSpec => ({ unit, min, max, doc });

/**
 * The uncertain parameters (X) the model reads, drawn once per run from the scenario's distributions.
 *
 * A scenario may declare further parameters of its own to use in expressions; these ones it must declare.
 */
export const MODEL_PARAMETERS = {
  initialDomesticDoctors: { unit: 'doctors', min: 0, max: 1e7, integer: true, doc: 'doctors working in Cuba at the start of the horizon' },
  missionLengthYears: { unit: 'years', min: 1 / 12, max: 50, doc: 'mean length of a mission; completion is a monthly hazard of 1/(12 x length)' },
  deploymentSpeed: share('share of the gap between a host demand and its workers filled each month (hosts may set their own)'),
  defectionBaseRate: share('yearly defection hazard abroad with parole closed, at reference pay and an 8-year re-entry ban'),
  paroleDefectionMultiplier: positive('ratio', 'factor on the defection hazard when parole is open and fully known', 100),
  paroleAwarenessYears: { unit: 'years', min: 1 / 12, max: 100, doc: 'time constant with which knowledge of an open parole programme grows, and fades once it closes' },
  paroleApplyShare: share('share of defectors who apply for parole while it is open'),
  paroleDelayMonths: { unit: 'months', min: 1, max: 120, doc: 'mean processing time of a parole application' },
  paroleApprovalRate: share('share of processed parole applications approved'),
  payElasticity: positive('elasticity', 'elasticity of the defection hazard to the pay gap', 10),
  takeHomeReferenceUSD: { unit: 'USD/month', min: 1, max: 1e6, doc: 'take-home pay (mission pay plus home salary) at which the pay factor is 1' },
  missionStipendUSD: positive('USD/month', 'least a worker is paid abroad, where the host pays little or nothing'),
  banDeterrence: positive('1/year', 'fall of the log defection hazard per year of re-entry ban', 10),
  retirementRate: share('yearly hazard that a doctor at home stops practising: retirement, death, leaving medicine'),
  emigrationBaseRate: share('yearly emigration hazard of doctors at home, free to travel, at reference salary and no crisis'),
  permissionEmigrationFactor: share('factor on emigration for doctors who need permission to travel'),
  salaryElasticity: positive('elasticity', 'elasticity of emigration to the domestic salary', 10),
  salaryReferenceUSD: { unit: 'USD/month', min: 1, max: 1e6, doc: 'domestic salary at which the salary factor is 1' },
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
  population: positive('persons', 'population of Cuba'),
  graduatesPerYear: positive('doctors/year', 'new Cuban doctors graduating per year'),
  emigrationPressure: positive('ratio', 'factor on domestic emigration from the economic and migratory context (1 = calm)', 1000),
  oilPriceUSD: positive('USD/barrel', 'price of crude oil (Brent), which values the oil a host delivers in payment', 1000),
  healthSalesAtHomeUSD: positive('USD/year', 'health services Cuba sells inside Cuba (foreign patients, paying foreign students), booked as health-service exports', 1e11),
} as const satisfies Record<string, InputSpec>;

/** The name of a driver the model reads. */
export type Driver = keyof typeof DRIVERS;

/** The policy levers (L): schedules that the policies of Cuba, the US and the hosts move. */
export const LEVERS = {
  paroleOpen: { unit: 'switch', min: 0, max: 1, boolean: true, doc: 'US Cuban Medical Professional Parole programme accepting applications' },
  travelPermissionCoverage: share('share of doctors at home who need state permission to travel abroad'),
  domesticSalaryUSD: positive('USD/month', 'monthly salary of a doctor at home, at the informal exchange rate'),
  reentryBanYears: positive('years', 'years a defector is barred from returning to Cuba', 100),
  usPressure: positive('intensity', 'intensity of US pressure on hosts (visa restrictions); multiplies each host pressure hazard', 100),
  retentionCap: share('most the Cuban state may keep of a host payment'),
  minDoctorsPer1000AtHome: positive('doctors per 1,000 inhabitants', 'state floor on doctors kept at home; deployment stops at it', 1000),
  hostPriceFactor: ranged('ratio', 0.2, 5, 'factor on the prices Cuba charges hosts that pay in cash (1 = the contracted prices)'),
} as const satisfies Record<string, InputSpec>;

/** The name of a lever. */
export type Lever = keyof typeof LEVERS;

/** The fields of a host programme; `demand`, `paymentUSD` and `defectionFactor` are schedules, the rest numbers. */
export const HOST_FIELDS = {
  initialWorkers: { unit: 'health workers', min: 0, max: 1e7, integer: true, doc: 'health workers at the host at the start of the horizon' },
  demand: positive('health workers', 'health workers the host wants'),
  doctorShare: share('share of doctors among the health workers sent (a schedule: the mix of a programme changes)'),
  paymentUSD: positive('USD/worker-month', 'cash the host pays per health worker per month, at the contracted price'),
  oilBarrelsPerDay: positive('barrels/day', 'oil the host delivers in payment for its programme (Venezuela), worth oilPriceUSD a barrel'),
  oilValueShare: share('share of the value of the delivered oil that pays for this health programme'),
  bookedPriceUSD: positive('USD/worker-month', "value per worker-month at which Cuba books the host's services as exports (default: the value received)"),
  retention: share('share of the host payment the Cuban state keeps (before the retention cap)'),
  deploymentSpeed: share('share of the gap between demand and workers this host gets filled each month'),
  defectionFactor: positive('ratio', 'host-specific factor on the defection hazard', 100),
  stayShareOnEnd: share('share of workers who stay abroad when the host ends or cuts its programme'),
  pressureHazard: positive('1/year', 'yearly intensity of pressure-driven cuts of the programme at US pressure 1 (cuts per year)', 100),
  pressureCutShare: share('share of the programme a pressure-driven cut ends (1 = the whole programme)'),
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
};

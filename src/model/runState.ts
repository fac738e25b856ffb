import type { Rng } from '../random/rng.js';
import type { RunInputs } from './inputs.js';
import { HOST_METRICS, hostRows, type ModelLayout } from './layout.js';
import { initCohorts, termMonths } from './cohortStart.js';

/** Gives the random stream of a named component of the current run (see `streamFor`). */
export type StreamFactory = (component: string) => Rng;

/** How many rows each host has in `RunState.hostYear` and `RunState.hostRow`. */
export const HOST_ROWS = HOST_METRICS.length;

/**
 * The whole state of one run between two months: the stocks (people, whole numbers), what is known of parole,
 * each host's programme, this month's flows per host and cadre, the running totals, the random streams and the
 * output rows. The mechanisms (`programmeCuts`, `paroleDecisions`, ...) read and change it in the monthly loop's
 * order; nothing else does.
 *
 * A class, with every field set in the constructor, so that all runs share one hidden class and the loop's
 * reads of it stay fast; per host and per cadre values are typed arrays (cadre c of host h at index 2h + c:
 * 0 doctors, 1 other health workers).
 */
export class RunState {
  // Stocks at home and after leaving a mission.
  /** Doctors working in Cuba. */
  domestic: number;
  /** Defectors waiting for a US parole decision. */
  applicants = 0;
  /** Admitted under parole since the start. */
  admitted = 0;
  /** Defectors who stayed in a host or third country, or were refused parole. */
  stayed = 0;
  /** Doctors who emigrated from Cuba since the start. */
  emigrated = 0;
  /** Doctors at home who stopped practising since the start. */
  retired = 0;
  /** Knowledge of an open parole programme among workers abroad, 0 to 1. */
  awareness = 0;
  /** Doctors who defected and stayed abroad, by the month they left, until their re-entry ban has passed. */
  readonly banned: Float64Array;
  /** The first month of `banned` whose ban has not yet passed. */
  banCursor = 0;
  /** Doctors who defected and stayed abroad and whose ban has passed: free to come back. */
  returnable = 0;
  cumDefections = 0;
  cumApprovals = 0;
  cumApplications = 0;

  // Per host.
  /** Doctors serving at each host. */
  readonly docs: Float64Array;
  /** Other health workers serving at each host. */
  readonly others: Float64Array;
  /** The share of each host's programme not yet cut. */
  readonly open: Float64Array;
  /** Workers at each host who would leave for the US if parole were open to them (`paroleWave`). */
  readonly pool: Float64Array;
  /** Each host's term in months (0: terms never end), renewal share and workers by months served, per cadre (`missionTerms`). */
  readonly termOf: Int32Array;
  readonly renewalOf: Float64Array;
  readonly cohorts: Float64Array[] = [];
  /** Where each host's cohort of month 0 sits in its ring. */
  readonly cohortStart: Int32Array;
  readonly cohortScratch: Float64Array;
  /** This month's deployment asked for, doctors and others, before the state's floor bounds the doctors. */
  readonly requestD: Float64Array;
  readonly requestO: Float64Array;
  /** This month's defectors, and of them the parole applicants, and the workers whose term ended, per host and cadre. */
  readonly defected: Float64Array;
  readonly paroled: Float64Array;
  /** This month's applicants from the pool of `paroleWave`, per host and cadre. */
  readonly waved: Float64Array;
  readonly returned: Float64Array;
  /** This year's flows of each host, `HOST_ROWS` per host in `HOST_METRICS` order, written at the year's end. */
  readonly hostYear: Float64Array;
  /** Output row of each host metric, `HOST_ROWS` per host. */
  readonly hostRow: Int32Array;

  /** Worker-months served this year at hosts that pay, for the average pay per worker-month. */
  paidWorkerMonths = 0;
  /** The next dated cut to apply. */
  eventCursor = 0;

  // Each host's inputs, copied to typed arrays: run inputs are plain objects whose fields hold 1 in one run
  // and 0.9 in the next, and V8 gives them different hidden classes, so a loop that read their properties
  // would be deoptimized again and again.
  readonly demandOf: Float64Array[] = [];
  readonly doctorShareOf: Float64Array[] = [];
  readonly paymentOf: Float64Array[] = [];
  readonly oilOf: Float64Array[] = [];
  /** Booked price per worker-month, or undefined where the host is booked at the value received. */
  readonly bookedOf: (Float64Array | undefined)[] = [];
  readonly oilShareOf: Float64Array;
  readonly defectionFactorOf: Float64Array[] = [];
  readonly retentionOf: Float64Array;
  readonly speedOf: Float64Array;
  readonly stayOnEndOf: Float64Array;
  readonly pressureHazardOf: Float64Array;
  readonly pressureCutOf: Float64Array;

  // Factors recomputed only when what they depend on changes: inputs are mostly flat from month to month,
  // and powers and monthly probabilities are the costly part of a month.
  lastPressure = NaN;
  readonly pCuts: Float64Array;
  lastBan = NaN;
  banFactor = 1;
  lastCap = NaN;
  lastPriceFactor = NaN;
  /** Each host's retention under the month's cap. */
  readonly retainedOf: Float64Array;
  // Responses to the cap and the price factor (`updateResponses`).
  /** A cash host's demand at the month's price factor (the same for every cash host). */
  priced = 1;
  readonly staffedCashOf: Float64Array;
  readonly staffedKindOf: Float64Array;
  readonly calmOf: Float64Array;
  /** This month's value received per worker-month and the workers Cuba keeps at each host (`hostTerms`). */
  readonly valueOf: Float64Array;
  readonly targetOf: Float64Array;
  lastSalary = NaN;
  salaryFactor = 1;
  lastEmigrationHazard = NaN;
  pEmigrate = 0;
  readonly lastTakeHome: Float64Array;
  readonly payFactors: Float64Array;
  readonly lastHazard: Float64Array;
  readonly pDefects: Float64Array;
  readonly lastLatent: Float64Array;
  readonly pLatent: Float64Array;

  // Random streams, one per component, so a new draw in one place does not shift the others.
  readonly defectStream: Rng[] = [];
  readonly deployStream: Rng[] = [];
  readonly cutStream: Rng[] = [];
  readonly termStream: Rng[] = [];
  readonly rGrad: Rng;
  readonly rRetire: Rng;
  readonly rEmig: Rng;
  readonly rParole: Rng;
  readonly rApply: Rng;
  readonly rPool: Rng;
  readonly rDefectorReturn: Rng;

  constructor(
    inputs: RunInputs,
    layout: ModelLayout,
    /** Calendar years reported, rows of `out` are `metric × years`. */
    readonly years: number,
    streams: StreamFactory,
    /** The run's yearly metrics, `[metric × years + year]`. */
    readonly out: Float64Array,
  ) {
    const H = inputs.hosts.length;
    this.domestic = inputs.initialDomesticDoctors;
    this.docs = new Float64Array(H);
    this.others = new Float64Array(H);
    this.open = new Float64Array(H);
    this.requestD = new Float64Array(H);
    this.requestO = new Float64Array(H);
    this.defected = new Float64Array(2 * H);
    this.waved = new Float64Array(2 * H);
    this.pool = new Float64Array(H);
    this.termOf = new Int32Array(H);
    this.renewalOf = new Float64Array(H);
    this.cohortStart = new Int32Array(H);
    this.banned = new Float64Array(inputs.months);
    this.paroled = new Float64Array(2 * H);
    this.returned = new Float64Array(2 * H);
    this.hostYear = new Float64Array(HOST_ROWS * H);
    this.hostRow = hostRows(layout, years);
    this.retentionOf = new Float64Array(H);
    this.speedOf = new Float64Array(H);
    this.stayOnEndOf = new Float64Array(H);
    this.pressureHazardOf = new Float64Array(H);
    this.pressureCutOf = new Float64Array(H);
    this.pCuts = new Float64Array(H);
    this.retainedOf = new Float64Array(H);
    this.staffedCashOf = new Float64Array(H);
    this.staffedKindOf = new Float64Array(H);
    this.calmOf = new Float64Array(H);
    this.valueOf = new Float64Array(H);
    this.targetOf = new Float64Array(H);
    this.oilShareOf = new Float64Array(H);
    this.lastTakeHome = new Float64Array(H).fill(NaN);
    this.payFactors = new Float64Array(H);
    this.lastHazard = new Float64Array(H).fill(NaN);
    this.pDefects = new Float64Array(H);
    this.lastLatent = new Float64Array(H).fill(NaN);
    this.pLatent = new Float64Array(H);
    let longest = 1;
    for (let h = 0; h < H; h++) {
      const host = inputs.hosts[h];
      this.demandOf.push(host.demand);
      this.doctorShareOf.push(host.doctorShare);
      this.paymentOf.push(host.paymentUSD);
      this.oilOf.push(host.oilBarrelsPerDay);
      this.bookedOf.push(host.bookedPriceUSD);
      this.oilShareOf[h] = host.oilValueShare;
      this.defectionFactorOf.push(host.defectionFactor);
      this.retentionOf[h] = host.retention;
      this.speedOf[h] = host.deploymentSpeed;
      this.stayOnEndOf[h] = host.stayShareOnEnd;
      this.pressureHazardOf[h] = host.pressureHazard;
      this.pressureCutOf[h] = host.pressureCutShare;
      this.docs[h] = Math.round(host.initialWorkers * host.doctorShare[0]);
      this.others[h] = host.initialWorkers - this.docs[h];
      this.open[h] = 1;
      this.termOf[h] = termMonths(host.missionLengthYears);
      this.renewalOf[h] = host.renewalShare;
      this.cohorts.push(new Float64Array(Math.max(1, this.termOf[h])), new Float64Array(Math.max(1, this.termOf[h])));
      longest = Math.max(longest, this.termOf[h]);
      initCohorts(this, h, this.docs[h], this.others[h]);
      this.defectStream.push(streams(`host:${host.id}:defection`));
      this.deployStream.push(streams(`host:${host.id}:deployment`));
      this.cutStream.push(streams(`host:${host.id}:cuts`));
      this.termStream.push(streams(`host:${host.id}:terms`));
    }
    this.cohortScratch = new Float64Array(longest);
    this.rGrad = streams('domestic:graduation');
    this.rRetire = streams('domestic:retirement');
    this.rEmig = streams('domestic:emigration');
    this.rParole = streams('parole:processing');
    this.rApply = streams('abroad:parole');
    this.rPool = streams('abroad:pool');
    this.rDefectorReturn = streams('abroad:defectorReturn');
  }
}

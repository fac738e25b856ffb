import { allocate, splitShare, splitWhole } from '../random/allocate.js';
import { binomial } from '../random/binomial.js';
import { poisson } from '../random/poisson.js';
import type { Rng } from '../random/rng.js';
import type { RunInputs } from './inputs.js';
import type { ModelLayout } from './layout.js';

/** Gives the random stream of a named component of the current run (see `streamFor`). */
export type StreamFactory = (component: string) => Rng;

/** Converts a yearly hazard into the probability of the event within one month. */
export function monthlyProbability(yearlyHazard: number): number {
  if (!(yearlyHazard > 0)) return 0;
  if (yearlyHazard >= 1) return 1;
  // 1 - (1 - h)^(1/12), by logarithms: Math.pow with a fractional exponent costs three times as much.
  return -Math.expm1(Math.log1p(-yearlyHazard) / 12);
}

/**
 * Simulates one run month by month and returns its yearly metrics as one Float64Array laid out
 * `[metric * years + year]` (rows in `layout.metrics` order): a pure function of its inputs and streams.
 * Given `into` (at least metrics x years long), it writes them to its start and returns that view instead
 * of a new array.
 *
 * All people flows are whole numbers: binomial or Poisson draws, or such a draw allocated among hosts and
 * cadres by systematic sampling (`allocate`), so stocks stay whole and non-negative and each stock changes
 * by exactly its inflows minus its outflows.
 */
export function simulateRun(inputs: RunInputs, layout: ModelLayout, years: number, streams: StreamFactory, into?: Float64Array): Float64Array {
  const hosts = inputs.hosts;
  const H = hosts.length;
  const months = inputs.months;
  const startMonth = inputs.startMonth;
  const size = layout.metrics.length * years;
  if (into !== undefined && into.length < size) throw new RangeError(`simulateRun needs room for ${size} values (metrics x years), got ${into.length}`);
  // A runner that keeps many runs side by side passes each run's place in its buffer: no buffer of its own
  // to allocate and copy from for every run.
  const out = into === undefined ? new Float64Array(size) : into.subarray(0, size).fill(0);
  const ix = layout.index;
  const row = (name: string) => ix[name] * years;

  // Everything the loop reads is copied to locals and per-host arrays first. Run inputs are plain objects
  // whose fields hold 1 in one run and 0.9 in the next; V8 then gives them different hidden classes, and a
  // loop that read their properties would be deoptimized again and again.
  const population = inputs.population;
  const graduatesPerYear = inputs.graduatesPerYear;
  const emigrationPressure = inputs.emigrationPressure;
  const paroleOpenSeries = inputs.paroleOpen;
  const permissionCoverage = inputs.travelPermissionCoverage;
  const domesticSalary = inputs.domesticSalaryUSD;
  const reentryBan = inputs.reentryBanYears;
  const usPressure = inputs.usPressure;
  const retentionCap = inputs.retentionCap;
  const minDoctorsPer1000 = inputs.minDoctorsPer1000AtHome;
  const events = inputs.events;
  const defectionBaseRate = inputs.defectionBaseRate;
  const paroleMultiplier = inputs.paroleDefectionMultiplier;
  const paroleApplyShare = inputs.paroleApplyShare;
  const paroleApprovalRate = inputs.paroleApprovalRate;
  const payElasticity = inputs.payElasticity;
  const takeHomeReference = inputs.takeHomeReferenceUSD;
  const missionStipend = inputs.missionStipendUSD;
  const banDeterrence = inputs.banDeterrence;
  const emigrationBaseRate = inputs.emigrationBaseRate;
  const permissionEmigrationFactor = inputs.permissionEmigrationFactor;
  const salaryElasticity = inputs.salaryElasticity;
  const salaryReference = inputs.salaryReferenceUSD;

  const demandOf: Float64Array[] = [];
  const doctorShareOf: Float64Array[] = [];
  const paymentOf: Float64Array[] = [];
  const defectionFactorOf: Float64Array[] = [];
  const retentionOf = new Float64Array(H);
  const speedOf = new Float64Array(H);
  const stayOnEndOf = new Float64Array(H);
  const pressureHazardOf = new Float64Array(H);
  const pressureCutOf = new Float64Array(H);
  const defectStream: Rng[] = [];
  const deployStream: Rng[] = [];
  const cutStream: Rng[] = [];
  // Output rows of each host's metrics, HOST_ROWS per host in the order of the R_* constants.
  const hostRow = new Int32Array(HOST_ROWS * H);
  // This year's flows of each host, HOST_ROWS per host, written to their output rows at the year's end.
  const hostYear = new Float64Array(HOST_ROWS * H);
  for (let h = 0; h < H; h++) {
    const host = hosts[h];
    demandOf.push(host.demand);
    doctorShareOf.push(host.doctorShare);
    paymentOf.push(host.paymentUSD);
    defectionFactorOf.push(host.defectionFactor);
    retentionOf[h] = host.retention;
    speedOf[h] = host.deploymentSpeed;
    stayOnEndOf[h] = host.stayShareOnEnd;
    pressureHazardOf[h] = host.pressureHazard;
    pressureCutOf[h] = host.pressureCutShare;
    defectStream.push(streams(`host:${host.id}:defection`));
    deployStream.push(streams(`host:${host.id}:deployment`));
    cutStream.push(streams(`host:${host.id}:cuts`));
    HOST_ROW_METRICS.forEach((metric, k) => {
      hostRow[HOST_ROWS * h + k] = row(`${metric}.${host.id}`);
    });
  }
  const rGrad = streams('domestic:graduation');
  const rRetire = streams('domestic:retirement');
  const rEmig = streams('domestic:emigration');
  const rParole = streams('parole:processing');
  const rApply = streams('abroad:parole');
  const rReturn = streams('abroad:return');

  // Rows of the output, looked up once.
  const oDomestic = row('domesticDoctors');
  const oApplicants = row('paroleApplicants');
  const oAdmitted = row('paroleAdmitted');
  const oStayed = row('stayedAbroad');
  const oEmigrated = row('emigrated');
  const oRetired = row('retired');
  const oGrad = row('graduation');
  const oRetire = row('retirement');
  const oEmig = row('domesticEmigration');
  const oApprove = row('paroleApprovals');
  const oDeny = row('paroleDenials');
  const oDocAbroad = row('doctorsAbroad');
  const oOthAbroad = row('otherWorkersAbroad');
  const oAllAbroad = row('healthWorkersAbroad');
  const oTotal = row('totalDoctors');
  const oPop = row('population');
  const oPpd = row('patientsPerDoctor');
  const oDefect = row('defections');
  const oDocDefect = row('doctorDefections');
  const oCumDefect = row('cumulativeDefections');
  const oCumApprove = row('cumulativeParoleApprovals');
  const oPay = row('hostPaymentsUSD');
  const oRev = row('stateRevenueUSD');
  const oWage = row('workerPayUSD');
  const oRetention = row('retentionShare');
  const oWagePerMonth = row('workerPayPerMonthUSD');
  const oParoleMonths = row('paroleOpenMonths');

  // State.
  let domestic = inputs.initialDomesticDoctors;
  let applicants = 0;
  let admitted = 0;
  let stayed = 0;
  let emigrated = 0;
  let retired = 0;
  let awareness = 0;
  let cumDefections = 0;
  let cumApprovals = 0;
  const docs = new Float64Array(H);
  const others = new Float64Array(H);
  const open = new Float64Array(H); // remaining share of each programme after cuts
  const requestD = new Float64Array(H);
  const requestO = new Float64Array(H);
  // Per host and cadre (index 2h: doctors, 2h + 1: others): this month's defectors, those still serving,
  // and the allocations of parole applications and mission completions among them.
  const defected = new Float64Array(2 * H);
  const serving = new Float64Array(2 * H);
  const paroled = new Float64Array(2 * H);
  const returned = new Float64Array(2 * H);
  // Inputs are mostly flat from month to month: powers and monthly probabilities are recomputed only when
  // what they depend on changes.
  let lastPressure = NaN;
  const pCuts = new Float64Array(H);
  let lastBan = NaN;
  let banFactor = 1;
  let lastCap = NaN;
  const retainedOf = new Float64Array(H); // each host's retention under the month's cap
  let lastSalary = NaN;
  let salaryFactor = 1;
  let lastEmigrationHazard = NaN;
  let pEmigrate = 0;
  const lastTakeHome = new Float64Array(H).fill(NaN);
  const payFactors = new Float64Array(H);
  const lastHazard = new Float64Array(H).fill(NaN);
  const pDefects = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const initial = hosts[h].initialWorkers;
    docs[h] = Math.round(initial * doctorShareOf[h][0]);
    others[h] = initial - docs[h];
    open[h] = 1;
  }
  let eventCursor = 0;

  // Fixed monthly probabilities.
  // A monthly completion probability of 1/(12 x length) makes the mean mission length missionLengthYears (as
  // spec.ts says); treating 1/length as a yearly probability would shorten it, to one month at a length of 1 year.
  const pReturn = Math.min(1, 1 / (12 * inputs.missionLengthYears));
  const pRetire = monthlyProbability(inputs.retirementRate);
  const pProcess = 1 / inputs.paroleDelayMonths;
  const awarenessStep = 1 - Math.exp(-1 / (12 * inputs.paroleAwarenessYears));

  // Yearly money accumulators for the ratios, reset each year.
  let yearPaidWorkerMonths = 0;

  // A cut changes the host's stocks and the year's flows itself and returns the doctors who came home and
  // the workers who stayed abroad in `cutOut`: the loop's scalar state is never captured by a closure, which
  // would move it from registers to the heap for the whole loop.
  const cutOut = new Float64Array(2);
  const cut = (h: number, share: number, y: number): boolean => {
    if (share <= 0 || open[h] <= 0) return false;
    const r = cutStream[h];
    const base = HOST_ROWS * h;
    const leaveD = binomial(r, docs[h], share);
    const stayD = binomial(r, leaveD, stayOnEndOf[h]);
    const leaveO = binomial(r, others[h], share);
    const stayO = binomial(r, leaveO, stayOnEndOf[h]);
    docs[h] -= leaveD;
    others[h] -= leaveO;
    cutOut[0] = leaveD - stayD;
    cutOut[1] = stayD + stayO;
    hostYear[base + R_RETURN_D] += leaveD - stayD;
    hostYear[base + R_RETURN_O] += leaveO - stayO;
    hostYear[base + R_STAY_D] += stayD;
    hostYear[base + R_STAY_O] += stayO;
    out[oDefect + y] += stayD + stayO;
    out[oDocDefect + y] += stayD;
    open[h] = share >= 1 ? 0 : open[h] * (1 - share);
    return true;
  };

  for (let t = 0; t < months; t++) {
    const y = Math.floor((startMonth + t) / 12);
    const calendarMonth = (startMonth + t) % 12;
    const paroleOpen = paroleOpenSeries[t] >= 0.5;

    // 1. Dated cuts, then cuts drawn under US pressure.
    while (eventCursor < events.length && events[eventCursor].month === t) {
      const e = events[eventCursor++];
      if (cut(e.host, e.share, y)) {
        domestic += cutOut[0];
        stayed += cutOut[1];
        cumDefections += cutOut[1];
      }
    }
    const pressure = usPressure[t];
    if (pressure > 0) {
      if (pressure !== lastPressure) {
        lastPressure = pressure;
        for (let h = 0; h < H; h++) pCuts[h] = monthlyProbability(pressureHazardOf[h] * pressure);
      }
      for (let h = 0; h < H; h++) {
        if (open[h] <= 0 || pCuts[h] <= 0) continue;
        if (cutStream[h]() < pCuts[h] && cut(h, pressureCutOf[h], y)) {
          domestic += cutOut[0];
          stayed += cutOut[1];
          cumDefections += cutOut[1];
        }
      }
    }

    // 2. Parole decisions on the applications already waiting; these drain after the programme closes.
    const processed = binomial(rParole, applicants, pProcess);
    const approved = binomial(rParole, processed, paroleApprovalRate);
    applicants -= processed;
    admitted += approved;
    stayed += processed - approved;
    cumApprovals += approved;
    out[oApprove + y] += approved;
    out[oDeny + y] += processed - approved;

    // 3. Doctors at home: graduates in, retirement and emigration out.
    const graduates = poisson(rGrad, graduatesPerYear[t] / 12);
    const retiring = binomial(rRetire, domestic, pRetire);
    const permissionFactor = 1 - permissionCoverage[t] * (1 - permissionEmigrationFactor);
    const salary = domesticSalary[t];
    if (salary !== lastSalary) {
      lastSalary = salary;
      salaryFactor = Math.pow(salary / salaryReference, -salaryElasticity);
    }
    const emigrationHazard = emigrationBaseRate * emigrationPressure[t] * permissionFactor * salaryFactor;
    if (emigrationHazard !== lastEmigrationHazard) {
      lastEmigrationHazard = emigrationHazard;
      pEmigrate = monthlyProbability(emigrationHazard);
    }
    const emigrating = binomial(rEmig, domestic - retiring, pEmigrate);
    domestic += graduates - retiring - emigrating;
    retired += retiring;
    emigrated += emigrating;
    out[oGrad + y] += graduates;
    out[oRetire + y] += retiring;
    out[oEmig + y] += emigrating;

    // 4. Abroad. A host's defection hazard is the same for both cadres, so its defections are one binomial
    // on all its workers, split between doctors and others by systematic sampling. The completion
    // probability is the same everywhere and the parole share the same for every defector, so mission
    // completions are one binomial on everyone still serving and parole applications one binomial on all
    // defectors, each allocated to hosts and cadres the same way. Totals keep their exact binomial law; the
    // split adds no noise of its own (see docs/MODEL.md, "Randomness"), and a month costs H + 2 draws
    // instead of 6 H.
    const paroleFactor = paroleOpen ? 1 + (paroleMultiplier - 1) * awareness : 1;
    if (reentryBan[t] !== lastBan) {
      lastBan = reentryBan[t];
      banFactor = Math.exp(-banDeterrence * (lastBan - 8));
    }
    if (retentionCap[t] !== lastCap) {
      lastCap = retentionCap[t];
      for (let h = 0; h < H; h++) retainedOf[h] = Math.min(retentionOf[h], lastCap);
    }
    let defectors = 0;
    let stillServing = 0;
    for (let h = 0; h < H; h++) {
      const workers = docs[h] + others[h];
      if (workers <= 0) {
        defected[2 * h] = defected[2 * h + 1] = serving[2 * h] = serving[2 * h + 1] = 0;
        continue;
      }
      const takeHome = Math.max(paymentOf[h][t] * (1 - retainedOf[h]), missionStipend) + salary;
      if (takeHome !== lastTakeHome[h]) {
        lastTakeHome[h] = takeHome;
        payFactors[h] = Math.pow(takeHomeReference / takeHome, payElasticity);
      }
      const hazard = defectionBaseRate * paroleFactor * payFactors[h] * banFactor * defectionFactorOf[h][t];
      if (hazard !== lastHazard[h]) {
        lastHazard[h] = hazard;
        pDefects[h] = monthlyProbability(hazard);
      }
      const def = binomial(defectStream[h], workers, pDefects[h]);
      const defD = splitWhole(defectStream[h], def, docs[h], workers);
      docs[h] -= defD;
      others[h] -= def - defD;
      defected[2 * h] = defD;
      defected[2 * h + 1] = def - defD;
      serving[2 * h] = docs[h];
      serving[2 * h + 1] = others[h];
      defectors += def;
      stillServing += docs[h] + others[h];
    }
    allocate(rApply, paroleOpen ? binomial(rApply, defectors, paroleApplyShare) : 0, defected, 2 * H, paroled);
    allocate(rReturn, binomial(rReturn, stillServing, pReturn), serving, 2 * H, returned);
    // 5. Per host: the allocations above take effect, then deployment toward the host's demand is asked
    // for (sent below, bounded by the state floor of doctors kept at home). One pass: a host's request
    // reads only its own stocks and stream.
    let requestedDoctors = 0;
    for (let h = 0; h < H; h++) {
      const base = HOST_ROWS * h;
      const defD = defected[2 * h];
      const defO = defected[2 * h + 1];
      const paroleD = paroled[2 * h];
      const paroleO = paroled[2 * h + 1];
      const retD = returned[2 * h];
      const retO = returned[2 * h + 1];
      docs[h] -= retD;
      others[h] -= retO;
      domestic += retD;
      applicants += paroleD + paroleO;
      stayed += defD - paroleD + (defO - paroleO);
      cumDefections += defD + defO;
      hostYear[base + R_PAROLE_D] += paroleD;
      hostYear[base + R_PAROLE_O] += paroleO;
      hostYear[base + R_STAY_D] += defD - paroleD;
      hostYear[base + R_STAY_O] += defO - paroleO;
      hostYear[base + R_RETURN_D] += retD;
      hostYear[base + R_RETURN_O] += retO;
      out[oDefect + y] += defD + defO;
      out[oDocDefect + y] += defD;

      const target = Math.round(demandOf[h][t] * open[h]);
      const gap = Math.max(0, target - docs[h] - others[h]);
      // Rotation: those who left this month are replaced at once (up to the gap); growth fills
      // the host's deploymentSpeed of the rest of the gap each month.
      const replacements = Math.min(gap, defD + retD + defO + retO);
      const sent = replacements + binomial(deployStream[h], gap - replacements, speedOf[h]);
      requestD[h] = splitShare(deployStream[h], sent, doctorShareOf[h][t]);
      requestO[h] = sent - requestD[h];
      requestedDoctors += requestD[h];
    }
    const floor = (minDoctorsPer1000[t] * population[t]) / 1000;
    const available = Math.max(0, Math.floor(domestic - floor));
    // Short of doctors, every host gets the same fraction of its request (rounded down).
    const fraction = requestedDoctors > available ? available / requestedDoctors : 1;
    // 6. Deployment is sent; then the month's money, on the workers serving at its end.
    let monthPayments = 0;
    let monthRevenue = 0;
    for (let h = 0; h < H; h++) {
      const base = HOST_ROWS * h;
      const sentD = fraction < 1 ? Math.floor(requestD[h] * fraction) : requestD[h];
      domestic -= sentD;
      docs[h] += sentD;
      others[h] += requestO[h];
      hostYear[base + R_DEPLOY_D] += sentD;
      hostYear[base + R_DEPLOY_O] += requestO[h];
      const workers = docs[h] + others[h];
      const perWorker = paymentOf[h][t];
      const payment = workers * perWorker;
      monthPayments += payment;
      monthRevenue += payment * retainedOf[h];
      if (perWorker > 0) yearPaidWorkerMonths += workers;
    }
    out[oPay + y] += monthPayments;
    out[oRev + y] += monthRevenue;
    out[oWage + y] += monthPayments - monthRevenue;
    if (paroleOpen) out[oParoleMonths + y] += 1;

    // Knowledge of the parole programme grows while it is open and fades once it is closed.
    awareness += ((paroleOpen ? 1 : 0) - awareness) * awarenessStep;

    // 7. Year end (or the horizon's last month): record the stocks and the derived values.
    if (calendarMonth === 11 || t === months - 1) {
      let sumD = 0;
      let sumO = 0;
      out[oDomestic + y] = domestic;
      for (let h = 0; h < H; h++) {
        const base = HOST_ROWS * h;
        // The host's flows: every row from R_DEPLOY_D on.
        for (let k = R_DEPLOY_D; k < HOST_ROWS; k++) {
          out[hostRow[base + k] + y] = hostYear[base + k];
          hostYear[base + k] = 0;
        }
        out[hostRow[base + R_DOCS] + y] = docs[h];
        out[hostRow[base + R_OTHERS] + y] = others[h];
        out[hostRow[base + R_ALL] + y] = docs[h] + others[h];
        sumD += docs[h];
        sumO += others[h];
      }
      out[oApplicants + y] = applicants;
      out[oAdmitted + y] = admitted;
      out[oStayed + y] = stayed;
      out[oEmigrated + y] = emigrated;
      out[oRetired + y] = retired;
      out[oDocAbroad + y] = sumD;
      out[oOthAbroad + y] = sumO;
      out[oAllAbroad + y] = sumD + sumO;
      out[oTotal + y] = domestic + sumD;
      out[oPop + y] = population[t];
      // With no doctor at home the ratio is taken per one doctor, so it stays finite.
      out[oPpd + y] = population[t] / Math.max(domestic, 1);
      out[oCumDefect + y] = cumDefections;
      out[oCumApprove + y] = cumApprovals;
      const payments = out[oPay + y];
      out[oRetention + y] = payments > 0 ? out[oRev + y] / payments : NaN;
      out[oWagePerMonth + y] = yearPaidWorkerMonths > 0 ? out[oWage + y] / yearPaidWorkerMonths : NaN;
      yearPaidWorkerMonths = 0;
    }
  }
  return out;
}

// The per-host metrics the loop writes, and their positions in `hostRow`.
const HOST_ROW_METRICS = [
  'doctorsAbroad',
  'otherWorkersAbroad',
  'healthWorkersAbroad',
  'deployDoctors',
  'deployOthers',
  'returnDoctors',
  'returnOthers',
  'paroleDefectDoctors',
  'paroleDefectOthers',
  'stayDefectDoctors',
  'stayDefectOthers',
] as const;
const HOST_ROWS = HOST_ROW_METRICS.length;
const R_DOCS = 0;
const R_OTHERS = 1;
const R_ALL = 2;
// From here on the rows are flows: summed over the year in `hostYear` and written out at its end.
const R_DEPLOY_D = 3;
const R_DEPLOY_O = 4;
const R_RETURN_D = 5;
const R_RETURN_O = 6;
const R_PAROLE_D = 7;
const R_PAROLE_O = 8;
const R_STAY_D = 9;
const R_STAY_O = 10;

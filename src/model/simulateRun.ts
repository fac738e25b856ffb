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
  return 1 - Math.pow(1 - yearlyHazard, 1 / 12);
}

// Host state is kept in parallel plain arrays indexed by host: the loop allocates nothing per month.
interface HostStreams {
  readonly defect: Rng;
  readonly ret: Rng;
  readonly deploy: Rng;
  readonly shock: Rng;
}

/**
 * Simulates one run month by month and returns its yearly metrics as one Float64Array laid out
 * `[metric * years + year]` (rows in `layout.metrics` order): a pure function of its inputs and streams.
 *
 * All people flows are integer binomial or Poisson draws, so stocks stay whole and non-negative and each
 * stock changes by exactly its inflows minus its outflows.
 */
export function simulateRun(inputs: RunInputs, layout: ModelLayout, years: number, streams: StreamFactory): Float64Array {
  const H = inputs.hosts.length;
  const out = new Float64Array(layout.metrics.length * years);
  const ix = layout.index;
  const row = (name: string) => ix[name] * years;

  const rGrad = streams('domestic:graduation');
  const rRetire = streams('domestic:retirement');
  const rEmig = streams('domestic:emigration');
  const rParole = streams('parole:processing');
  const hs: HostStreams[] = inputs.hosts.map((h) => ({
    defect: streams(`host:${h.id}:defection`),
    ret: streams(`host:${h.id}:return`),
    deploy: streams(`host:${h.id}:deployment`),
    shock: streams(`host:${h.id}:cuts`),
  }));

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
  const hRows = inputs.hosts.map((h) => ({
    docs: row(`doctorsAbroad.${h.id}`),
    others: row(`otherWorkersAbroad.${h.id}`),
    all: row(`healthWorkersAbroad.${h.id}`),
    deployD: row(`deployDoctors.${h.id}`),
    deployO: row(`deployOthers.${h.id}`),
    returnD: row(`returnDoctors.${h.id}`),
    returnO: row(`returnOthers.${h.id}`),
    paroleD: row(`paroleDefectDoctors.${h.id}`),
    paroleO: row(`paroleDefectOthers.${h.id}`),
    stayD: row(`stayDefectDoctors.${h.id}`),
    stayO: row(`stayDefectOthers.${h.id}`),
  }));

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
  const leftThisMonth = new Float64Array(H);
  let lastSalary = NaN;
  let salaryFactor = 1;
  let lastEmigrationHazard = NaN;
  let pEmigrate = 0;
  const lastTakeHome = new Float64Array(H).fill(NaN);
  const payFactors = new Float64Array(H);
  const lastHazard = new Float64Array(H).fill(NaN);
  const pDefects = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const host = inputs.hosts[h];
    docs[h] = Math.round(host.initialWorkers * host.doctorShare[0]);
    others[h] = host.initialWorkers - docs[h];
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

  const cut = (h: number, share: number, y: number) => {
    if (share <= 0 || open[h] <= 0) return;
    const host = inputs.hosts[h];
    const r = hs[h].shock;
    const hr = hRows[h];
    const leaveD = binomial(r, docs[h], share);
    const stayD = binomial(r, leaveD, host.stayShareOnEnd);
    const leaveO = binomial(r, others[h], share);
    const stayO = binomial(r, leaveO, host.stayShareOnEnd);
    docs[h] -= leaveD;
    others[h] -= leaveO;
    domestic += leaveD - stayD;
    stayed += stayD + stayO;
    out[hr.returnD + y] += leaveD - stayD;
    out[hr.returnO + y] += leaveO - stayO;
    out[hr.stayD + y] += stayD;
    out[hr.stayO + y] += stayO;
    out[oDefect + y] += stayD + stayO;
    out[oDocDefect + y] += stayD;
    cumDefections += stayD + stayO;
    open[h] = share >= 1 ? 0 : open[h] * (1 - share);
  };

  for (let t = 0; t < inputs.months; t++) {
    const y = Math.floor((inputs.startMonth + t) / 12);
    const calendarMonth = (inputs.startMonth + t) % 12;
    const paroleOpen = inputs.paroleOpen[t] >= 0.5;

    // 1. Dated cuts, then cuts drawn under US pressure.
    while (eventCursor < inputs.events.length && inputs.events[eventCursor].month === t) {
      const e = inputs.events[eventCursor++];
      cut(e.host, e.share, y);
    }
    const pressure = inputs.usPressure[t];
    if (pressure > 0) {
      for (let h = 0; h < H; h++) {
        const host = inputs.hosts[h];
        if (open[h] <= 0 || host.pressureHazard <= 0) continue;
        if (hs[h].shock() < monthlyProbability(host.pressureHazard * pressure)) cut(h, host.pressureCutShare, y);
      }
    }

    // 2. Parole decisions on the applications already waiting; these drain after the programme closes.
    const processed = binomial(rParole, applicants, pProcess);
    const approved = binomial(rParole, processed, inputs.paroleApprovalRate);
    applicants -= processed;
    admitted += approved;
    stayed += processed - approved;
    cumApprovals += approved;
    out[oApprove + y] += approved;
    out[oDeny + y] += processed - approved;

    // 3. Doctors at home: graduates in, retirement and emigration out.
    const graduates = poisson(rGrad, inputs.graduatesPerYear[t] / 12);
    const retiring = binomial(rRetire, domestic, pRetire);
    const coverage = inputs.travelPermissionCoverage[t];
    const permissionFactor = 1 - coverage * (1 - inputs.permissionEmigrationFactor);
    if (inputs.domesticSalaryUSD[t] !== lastSalary) {
      lastSalary = inputs.domesticSalaryUSD[t];
      salaryFactor = Math.pow(lastSalary / inputs.salaryReferenceUSD, -inputs.salaryElasticity);
    }
    const emigrationHazard = inputs.emigrationBaseRate * inputs.emigrationPressure[t] * permissionFactor * salaryFactor;
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

    // 4. Abroad: defection (split between parole and staying), then mission completion.
    const paroleTerm = paroleOpen ? awareness : 0;
    const paroleFactor = 1 + (inputs.paroleDefectionMultiplier - 1) * paroleTerm;
    const banFactor = Math.exp(-inputs.banDeterrence * (inputs.reentryBanYears[t] - 8));
    const salary = inputs.domesticSalaryUSD[t];
    const cap = inputs.retentionCap[t];
    let monthPayments = 0;
    let monthRevenue = 0;
    for (let h = 0; h < H; h++) {
      const host = inputs.hosts[h];
      const r = hs[h];
      const hr = hRows[h];
      const payment = host.paymentUSD[t];
      const retention = Math.min(host.retention, cap);
      const takeHome = Math.max(payment * (1 - retention), inputs.missionStipendUSD) + salary;
      // Inputs are mostly flat from month to month: recompute the powers only when they change.
      if (takeHome !== lastTakeHome[h]) {
        lastTakeHome[h] = takeHome;
        payFactors[h] = Math.pow(inputs.takeHomeReferenceUSD / takeHome, inputs.payElasticity);
      }
      const hazard = inputs.defectionBaseRate * paroleFactor * payFactors[h] * banFactor * host.defectionFactor[t];
      if (hazard !== lastHazard[h]) {
        lastHazard[h] = hazard;
        pDefects[h] = monthlyProbability(hazard);
      }
      const pDefect = pDefects[h];

      const defD = binomial(r.defect, docs[h], pDefect);
      const defO = binomial(r.defect, others[h], pDefect);
      const paroleD = paroleOpen ? binomial(r.defect, defD, inputs.paroleApplyShare) : 0;
      const paroleO = paroleOpen ? binomial(r.defect, defO, inputs.paroleApplyShare) : 0;
      const retD = binomial(r.ret, docs[h] - defD, pReturn);
      const retO = binomial(r.ret, others[h] - defO, pReturn);
      docs[h] -= defD + retD;
      others[h] -= defO + retO;
      leftThisMonth[h] = defD + retD + defO + retO;
      domestic += retD;
      applicants += paroleD + paroleO;
      stayed += defD - paroleD + (defO - paroleO);
      cumDefections += defD + defO;
      out[hr.paroleD + y] += paroleD;
      out[hr.paroleO + y] += paroleO;
      out[hr.stayD + y] += defD - paroleD;
      out[hr.stayO + y] += defO - paroleO;
      out[hr.returnD + y] += retD;
      out[hr.returnO + y] += retO;
      out[oDefect + y] += defD + defO;
      out[oDocDefect + y] += defD;
    }

    // 5. Deployment toward each host's demand, bounded by the state floor of doctors kept at home.
    let requestedDoctors = 0;
    for (let h = 0; h < H; h++) {
      const host = inputs.hosts[h];
      const target = Math.round(host.demand[t] * open[h]);
      const gap = Math.max(0, target - docs[h] - others[h]);
      // Rotation: those who left this month are replaced at once (up to the gap); growth fills
      // the host's deploymentSpeed of the rest of the gap each month.
      const replacements = Math.min(gap, leftThisMonth[h]);
      const sent = replacements + binomial(hs[h].deploy, gap - replacements, host.deploymentSpeed);
      requestD[h] = binomial(hs[h].deploy, sent, host.doctorShare[t]);
      requestO[h] = sent - requestD[h];
      requestedDoctors += requestD[h];
    }
    const floor = (inputs.minDoctorsPer1000AtHome[t] * inputs.population[t]) / 1000;
    const available = Math.max(0, Math.floor(domestic - floor));
    // Short of doctors, every host gets the same fraction of its request (rounded down).
    const fraction = requestedDoctors > available ? available / requestedDoctors : 1;
    for (let h = 0; h < H; h++) {
      const hr = hRows[h];
      const sentD = fraction < 1 ? Math.floor(requestD[h] * fraction) : requestD[h];
      domestic -= sentD;
      docs[h] += sentD;
      others[h] += requestO[h];
      out[hr.deployD + y] += sentD;
      out[hr.deployO + y] += requestO[h];
    }

    // 6. Money for the month, on the workers serving at its end.
    for (let h = 0; h < H; h++) {
      const host = inputs.hosts[h];
      const workers = docs[h] + others[h];
      const payment = workers * host.paymentUSD[t];
      monthPayments += payment;
      monthRevenue += payment * Math.min(host.retention, cap);
      if (host.paymentUSD[t] > 0) yearPaidWorkerMonths += workers;
    }
    out[oPay + y] += monthPayments;
    out[oRev + y] += monthRevenue;
    out[oWage + y] += monthPayments - monthRevenue;
    if (paroleOpen) out[oParoleMonths + y] += 1;

    // Knowledge of the parole programme grows while it is open and fades once it is closed.
    awareness += ((paroleOpen ? 1 : 0) - awareness) * awarenessStep;

    // 7. Year end (or the horizon's last month): record the stocks and the derived values.
    if (calendarMonth === 11 || t === inputs.months - 1) {
      let sumD = 0;
      let sumO = 0;
      out[oDomestic + y] = domestic;
      for (let h = 0; h < H; h++) {
        const hr = hRows[h];
        out[hr.docs + y] = docs[h];
        out[hr.others + y] = others[h];
        out[hr.all + y] = docs[h] + others[h];
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
      out[oPop + y] = inputs.population[t];
      // With no doctor at home the ratio is taken per one doctor, so it stays finite.
      out[oPpd + y] = inputs.population[t] / Math.max(domestic, 1);
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

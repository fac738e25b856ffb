import { allocate } from '../random/allocate.js';
import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import { endTerms, leaveHost } from './missionTerms.js';
import type { OutputRows } from './outputRows.js';
import { joinWave, leaveWithTerm } from './paroleWave.js';
import { intensityMonthly } from './rates.js';
import { HOST_ROWS, type RunState } from './runState.js';

/** The re-entry ban at which `defectionBaseRate` is stated: eight years (S097; at least seven before 2015, X261). */
export const REFERENCE_BAN_YEARS = 8;

const R_RETURN_D = HOST_ROW.returnDoctors;
const R_RETURN_O = HOST_ROW.returnOthers;
const R_PAROLE_D = HOST_ROW.paroleDefectDoctors;
const R_PAROLE_O = HOST_ROW.paroleDefectOthers;
const R_STAY_D = HOST_ROW.stayDefectDoctors;
const R_STAY_O = HOST_ROW.stayDefectOthers;
const R_DEFECT = HOST_ROW.defections;

/**
 * 4. Abroad: who defects, who applies for parole, whose term ends.
 *
 *     d_h(t) = o_h(t) × parole(t)                           (a yearly intensity)
 *     o_h(t) = defectionBaseRate × pay_h(t) × ban(t) × defectionFactor_h(t)      the ordinary hazard
 *     parole(t) = 1 + (paroleDefectionMultiplier - 1) × k(t)
 *     k(t)      = awareness(t) × paroleEligibility(t) while parole is open, else 0   (who knows it and may use it)
 *     pay_h(t)  = (takeHomeReferenceUSD / takeHome_h(t)) ^ payElasticity
 *     takeHome_h(t) = max(value_h(t) × (1 - r_h(t)), missionStipendUSD) + domesticSalaryUSD(t)
 *     ban(t)    = exp(-banDeterrence × (reentryBanYears(t) - 8))
 *
 *     defect_h ~ Binomial(workers_h, 1 - exp(-d_h / 12)), split between cadres in proportion to their numbers
 *     apply    ~ Binomial(Σ_h defect_h, a(t)), shared among hosts and cadres
 *     a(t)     = k(t) × (paroleDefectionMultiplier - 1 + paroleApplyShare) / parole(t)
 *
 * Of a month's defectors, the part parole made leave (`(m - 1) k / parole`) all apply; the ordinary defectors
 * who know of the programme and may use it apply with `paroleApplyShare`. So applications follow knowledge of
 * the programme, and none are filed while it is closed. Workers who wanted to leave while it was closed apply
 * on top (`paroleWave`); then each host's terms end (`missionTerms`).
 *
 * The defection rate is an intensity: a base rate times factors that can each exceed 1, turned into a
 * monthly probability that never reaches 1. The costs of defecting that do not change over the horizon (the
 * three to eight years of prison for abandoning a mission, S093-S094; the family left in Cuba; the pay frozen in
 * Cuba until the mission ends, forfeited by a defector, X226, and the part of pay held back in Brazil, X121)
 * are in the base rate; the one a policy moves, the re-entry ban (S097, X261), is the factor `ban`. Evidence:
 * pay S014, S083, X215, X220; host factors X079, X154-X155, X159-X160, X168, X249, S003.
 */
export function defectAndComplete(s: RunState, inputs: RunInputs, paroleOpen: boolean, pWave: number, t: number): void {
  const H = s.docs.length;
  const eligibility = paroleOpen ? inputs.paroleEligibility[t] : 0;
  const known = s.awareness * eligibility;
  const extra = inputs.paroleDefectionMultiplier - 1;
  const paroleFactor = 1 + extra * known;
  const applyShare = paroleFactor > 0 ? Math.min(1, (known * (Math.max(0, extra) + inputs.paroleApplyShare)) / paroleFactor) : 0;
  // Workers who would leave if parole were open to them, and it is not: the pent-up demand of `paroleWave`,
  // on the ordinary hazard's relative factors.
  const latentFactor = inputs.defectionBaseRate > 0 && !paroleOpen ? inputs.paroleLatentRate / inputs.defectionBaseRate : 0;
  const ban = inputs.reentryBanYears[t];
  if (ban !== s.lastBan) {
    s.lastBan = ban;
    s.banFactor = Math.exp(-inputs.banDeterrence * (ban - REFERENCE_BAN_YEARS));
  }
  const salary = inputs.domesticSalaryUSD[t];
  let defectors = 0;
  for (let h = 0; h < H; h++) {
    const workers = s.docs[h] + s.others[h];
    if (workers <= 0) {
      s.defected[2 * h] = s.defected[2 * h + 1] = s.waved[2 * h] = s.waved[2 * h + 1] = 0;
      s.pool[h] = 0;
      endTerms(s, h);
      continue;
    }
    const takeHome = Math.max(s.valueOf[h] * (1 - s.retainedOf[h]), inputs.missionStipendUSD) + salary;
    if (takeHome !== s.lastTakeHome[h]) {
      s.lastTakeHome[h] = takeHome;
      s.payFactors[h] = Math.pow(inputs.takeHomeReferenceUSD / takeHome, inputs.payElasticity);
    }
    const ordinary = inputs.defectionBaseRate * s.payFactors[h] * s.banFactor * s.defectionFactorOf[h][t];
    const hazard = ordinary * paroleFactor;
    if (hazard !== s.lastHazard[h]) {
      s.lastHazard[h] = hazard;
      s.pDefects[h] = intensityMonthly(hazard);
    }
    const def = binomial(s.defectStream[h], workers, s.pDefects[h]);
    const defD = leaveHost(s, h, def);
    s.defected[2 * h] = defD;
    s.defected[2 * h + 1] = def - defD;
    defectors += def;
    joinWave(s, h, ordinary * latentFactor, paroleOpen ? pWave : 0, eligibility);
    endTerms(s, h);
    leaveWithTerm(s, h, s.returned[2 * h] + s.returned[2 * h + 1]);
  }
  allocate(s.rApply, applyShare > 0 ? binomial(s.rApply, defectors, applyShare) : 0, s.defected, 2 * H, s.paroled);
  for (let i = 0; i < 2 * H; i++) {
    s.defected[i] += s.waved[i];
    s.paroled[i] += s.waved[i];
  }
}

/**
 * The month's departures take effect: those whose term ended come home (doctors to `domesticDoctors`,
 * others out of the model), parole applicants join the queue, the other defectors stay abroad, the doctors
 * among them barred from returning for `reentryBanYears` (`defectorReturns`).
 */
export function settleDepartures(s: RunState, rows: OutputRows, t: number, y: number): void {
  const H = s.docs.length;
  for (let h = 0; h < H; h++) {
    const base = HOST_ROWS * h;
    const defD = s.defected[2 * h];
    const defO = s.defected[2 * h + 1];
    const paroleD = s.paroled[2 * h];
    const paroleO = s.paroled[2 * h + 1];
    const retD = s.returned[2 * h];
    const retO = s.returned[2 * h + 1];
    s.docs[h] -= retD;
    s.others[h] -= retO;
    s.domestic += retD;
    s.applicants += paroleD + paroleO;
    s.cumApplications += paroleD + paroleO;
    s.stayed += defD - paroleD + (defO - paroleO);
    s.banned[t] += defD - paroleD;
    s.cumDefections += defD + defO;
    s.hostYear[base + R_PAROLE_D] += paroleD;
    s.hostYear[base + R_PAROLE_O] += paroleO;
    s.hostYear[base + R_STAY_D] += defD - paroleD;
    s.hostYear[base + R_STAY_O] += defO - paroleO;
    s.hostYear[base + R_DEFECT] += defD + defO;
    s.hostYear[base + R_RETURN_D] += retD;
    s.hostYear[base + R_RETURN_O] += retO;
    s.out[rows.defections + y] += defD + defO;
    s.out[rows.doctorDefections + y] += defD;
  }
}

import { allocate, splitWhole } from '../random/allocate.js';
import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import type { OutputRows } from './outputRows.js';
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

/**
 * 4. Abroad: who defects, who applies for parole, who finishes the mission.
 *
 *     d_h(t) = defectionBaseRate × parole(t) × pay_h(t) × ban(t) × defectionFactor_h(t)   (a yearly intensity)
 *     parole(t) = 1 + (paroleDefectionMultiplier - 1) × paroleOpen(t) × awareness(t)
 *     pay_h(t)  = (takeHomeReferenceUSD / takeHome_h(t)) ^ payElasticity
 *     takeHome_h(t) = max(value_h(t) × (1 - r_h(t)), missionStipendUSD) + domesticSalaryUSD(t)
 *     ban(t)    = exp(-banDeterrence × (reentryBanYears(t) - 8))
 *     r_h(t)    = min(retention_h, retentionCap(t))
 *
 *     defect_h ~ Binomial(workers_h, 1 - exp(-d_h / 12)), split between cadres in proportion to their numbers
 *     toParole ~ Binomial(Σ_h defect_h, paroleApplyShare) while parole is open, shared among hosts and cadres
 *     return   ~ Binomial(Σ still serving, 1 / (12 × missionLengthYears)), shared the same way
 *
 * The defection rate is an intensity: a base rate times factors that can each exceed 1, turned into a
 * monthly probability that never reaches 1. The completion probability is chosen so that missions last
 * `missionLengthYears` on average (geometric durations of that mean). `value_h` and `r_h` come from
 * `hostTerms` and `updateResponses`.
 *
 * A host's hazard is the same for both cadres, the completion probability the same everywhere and the parole
 * share the same for every defector, so each total is one binomial (exact for the totals) allocated by
 * systematic sampling (docs/MODEL.md, "Randomness"): a month costs H + 2 draws instead of 6 H. Evidence:
 * pay S014, S083, X215, X220; ban S097, X261; host factors X079, X249, S003; mission length S002, S038, X114.
 */
export function defectAndComplete(s: RunState, inputs: RunInputs, paroleOpen: boolean, pReturn: number, t: number): void {
  const H = s.docs.length;
  const paroleFactor = paroleOpen ? 1 + (inputs.paroleDefectionMultiplier - 1) * s.awareness : 1;
  const ban = inputs.reentryBanYears[t];
  if (ban !== s.lastBan) {
    s.lastBan = ban;
    s.banFactor = Math.exp(-inputs.banDeterrence * (ban - REFERENCE_BAN_YEARS));
  }
  const salary = inputs.domesticSalaryUSD[t];
  let defectors = 0;
  let stillServing = 0;
  for (let h = 0; h < H; h++) {
    const workers = s.docs[h] + s.others[h];
    if (workers <= 0) {
      s.defected[2 * h] = s.defected[2 * h + 1] = s.serving[2 * h] = s.serving[2 * h + 1] = 0;
      continue;
    }
    const takeHome = Math.max(s.valueOf[h] * (1 - s.retainedOf[h]), inputs.missionStipendUSD) + salary;
    if (takeHome !== s.lastTakeHome[h]) {
      s.lastTakeHome[h] = takeHome;
      s.payFactors[h] = Math.pow(inputs.takeHomeReferenceUSD / takeHome, inputs.payElasticity);
    }
    const hazard = inputs.defectionBaseRate * paroleFactor * s.payFactors[h] * s.banFactor * s.defectionFactorOf[h][t];
    if (hazard !== s.lastHazard[h]) {
      s.lastHazard[h] = hazard;
      s.pDefects[h] = intensityMonthly(hazard);
    }
    const def = binomial(s.defectStream[h], workers, s.pDefects[h]);
    const defD = splitWhole(s.defectStream[h], def, s.docs[h], workers);
    s.docs[h] -= defD;
    s.others[h] -= def - defD;
    s.defected[2 * h] = defD;
    s.defected[2 * h + 1] = def - defD;
    s.serving[2 * h] = s.docs[h];
    s.serving[2 * h + 1] = s.others[h];
    defectors += def;
    stillServing += s.docs[h] + s.others[h];
  }
  allocate(s.rApply, paroleOpen ? binomial(s.rApply, defectors, inputs.paroleApplyShare) : 0, s.defected, 2 * H, s.paroled);
  allocate(s.rReturn, binomial(s.rReturn, stillServing, pReturn), s.serving, 2 * H, s.returned);
}

/**
 * The month's departures take effect: those who finished their mission come home (doctors to
 * `domesticDoctors`, others out of the model), parole applicants join the queue, the other defectors stay
 * abroad.
 */
export function settleDepartures(s: RunState, rows: OutputRows, y: number): void {
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
    s.cumDefections += defD + defO;
    s.hostYear[base + R_PAROLE_D] += paroleD;
    s.hostYear[base + R_PAROLE_O] += paroleO;
    s.hostYear[base + R_STAY_D] += defD - paroleD;
    s.hostYear[base + R_STAY_O] += defO - paroleO;
    s.hostYear[base + R_RETURN_D] += retD;
    s.hostYear[base + R_RETURN_O] += retO;
    s.out[rows.defections + y] += defD + defO;
    s.out[rows.doctorDefections + y] += defD;
  }
}

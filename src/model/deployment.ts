import { binomial } from '../random/binomial.js';
import { splitShare } from '../random/allocate.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import { HOST_ROWS, type RunState } from './runState.js';

const R_DEPLOY_D = HOST_ROW.deployDoctors;
const R_DEPLOY_O = HOST_ROW.deployOthers;

/**
 * 5a. Deployment asked for, toward the workers Cuba keeps at each host (`target_h`, from `hostTerms`). With
 * `gap = max(0, target_h - workers at the host)`:
 *
 *     replacements = min(gap, workers whose mission ended this month)      (planned rotation)
 *     sent = replacements + Binomial(gap - replacements, deploymentSpeed_h) (every other empty post)
 *     doctors asked for = sent × doctorShare_h(t), rounded down or up at random; others = sent - doctors
 *
 * A mission's end is known from its start (two-year postings, S002, S038, X088-X089; three-year terms in
 * Brazil, X114), so its successor is selected and prepared in time and takes over in the same month. A post a
 * defector leaves, or one a host adds, waits for a worker to be selected, contracted and flown out: it fills
 * with probability `deploymentSpeed_h` a month, in 1 / deploymentSpeed_h months on average (assumption,
 * 3-10 months; the 2003-2005 and 2013-2014 ramp-ups S047-S048, X111-X124 bound it). A wave of defections
 * thus leaves posts empty for months, and fewer workers serve.
 *
 * Returns the doctors asked for in all.
 */
export function requestDeployment(s: RunState, t: number): number {
  const H = s.docs.length;
  let requestedDoctors = 0;
  for (let h = 0; h < H; h++) {
    const gap = Math.max(0, s.targetOf[h] - s.docs[h] - s.others[h]);
    const replacements = Math.min(gap, s.returned[2 * h] + s.returned[2 * h + 1]);
    const sent = replacements + binomial(s.deployStream[h], gap - replacements, s.speedOf[h]);
    s.requestD[h] = splitShare(s.deployStream[h], sent, s.doctorShareOf[h][t]);
    s.requestO[h] = sent - s.requestD[h];
    requestedDoctors += s.requestD[h];
  }
  return requestedDoctors;
}

/**
 * 5b. Deployment sent, bounded by the state's floor of doctors kept at home,
 * `floor(t) = minDoctorsPer1000AtHome(t) × population(t) / 1000`: when hosts ask for more doctors than
 * `domesticDoctors - floor` allows, every host gets the same fraction of its request, rounded down.
 * Doctors come from `domesticDoctors`, other health workers from outside the model.
 */
export function sendDeployment(s: RunState, inputs: RunInputs, requestedDoctors: number, t: number): void {
  const H = s.docs.length;
  const floor = (inputs.minDoctorsPer1000AtHome[t] * inputs.population[t]) / 1000;
  const available = Math.max(0, Math.floor(s.domestic - floor));
  const fraction = requestedDoctors > available ? available / requestedDoctors : 1;
  for (let h = 0; h < H; h++) {
    const base = HOST_ROWS * h;
    const sentD = fraction < 1 ? Math.floor(s.requestD[h] * fraction) : s.requestD[h];
    s.domestic -= sentD;
    s.docs[h] += sentD;
    s.others[h] += s.requestO[h];
    s.hostYear[base + R_DEPLOY_D] += sentD;
    s.hostYear[base + R_DEPLOY_O] += s.requestO[h];
  }
}

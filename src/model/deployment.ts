import { binomial } from '../random/binomial.js';
import { splitShare } from '../random/allocate.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import { HOST_ROWS, type RunState } from './runState.js';

const R_DEPLOY_D = HOST_ROW.deployDoctors;
const R_DEPLOY_O = HOST_ROW.deployOthers;

/**
 * 5a. Deployment asked for: each open host wants `target_h(t) = round(demand_h(t) × open_h)` health workers.
 * With `gap = max(0, target - workers at the host)`:
 *
 *     replacements = min(gap, workers who left the host this month)        (rotation)
 *     sent = replacements + Binomial(gap - replacements, deploymentSpeed_h) (growth toward demand)
 *     doctors asked for = sent × doctorShare_h(t), rounded down or up at random; others = sent - doctors
 *
 * Returns the doctors asked for in all. Evidence: S047-S048 (the 2003-2005 ramp-up), X111-X124 (Brazil).
 */
export function requestDeployment(s: RunState, t: number): number {
  const H = s.docs.length;
  let requestedDoctors = 0;
  for (let h = 0; h < H; h++) {
    const target = Math.round(s.demandOf[h][t] * s.open[h]);
    const gap = Math.max(0, target - s.docs[h] - s.others[h]);
    const left = s.defected[2 * h] + s.returned[2 * h] + s.defected[2 * h + 1] + s.returned[2 * h + 1];
    const replacements = Math.min(gap, left);
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

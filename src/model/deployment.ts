import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import { recruitToCohorts } from './missionTerms.js';
import { HOST_ROWS, type RunState } from './runState.js';

const R_DEPLOY_D = HOST_ROW.deployDoctors;
const R_DEPLOY_O = HOST_ROW.deployOthers;

/**
 * 5a. Deployment asked for, toward the workers Cuba keeps at each host (`target_h`, from `hostTerms`) and the
 * mix of cadres the host has (`doctorShare_h(t)`, a property of the stock, not only of new arrivals):
 *
 *     targetD = round(target_h × doctorShare_h(t))          the doctors the host should have
 *     gap  = max(0, target_h - workers)                      posts empty
 *     gapD = min(gap, max(0, targetD - doctors))             ... for doctors
 *     gapO = min(gap - gapD, max(0, target_h - targetD - others))   ... for other health workers
 *     planned = min(gapD + gapO, workers whose term ended this month)   (planned rotation, shared in proportion)
 *     sent_c = planned_c + Binomial(gap_c - planned_c, deploymentSpeed_h)  (every other empty post)
 *
 * A term's end is known from its start (`missionTerms`), so its successor is selected and prepared in time and
 * takes over in the same month. A post a defector leaves, or one a host adds, waits for a worker to be
 * selected, contracted and flown out: it fills with probability `deploymentSpeed_h` a month, in
 * 1 / deploymentSpeed_h months on average (assumption, 3-10 months; the 2003-2005 and 2013-2014 ramp-ups
 * S047-S048, X111-X124 bound it). A wave of defections thus leaves posts empty for months, and fewer workers
 * serve. When the mix changes (Venezuela added nurses, technicians and dentists from 2007, X077), each
 * rotation replaces departing doctors by other cadres, so the stock follows the mix within a term.
 *
 * Returns the doctors asked for in all.
 */
export function requestDeployment(s: RunState, t: number): number {
  const H = s.docs.length;
  let requestedDoctors = 0;
  for (let h = 0; h < H; h++) {
    const target = s.targetOf[h];
    const docs = s.docs[h];
    const others = s.others[h];
    const gap = Math.max(0, target - docs - others);
    if (gap === 0) {
      s.requestD[h] = s.requestO[h] = 0;
      continue;
    }
    const targetD = Math.round(target * s.doctorShareOf[h][t]);
    const gapD = Math.min(gap, Math.max(0, targetD - docs));
    const gapO = Math.min(gap - gapD, Math.max(0, target - targetD - others));
    const planned = Math.min(gapD + gapO, s.returned[2 * h] + s.returned[2 * h + 1]);
    const plannedD = gapD + gapO > 0 ? Math.min(gapD, Math.round((planned * gapD) / (gapD + gapO))) : 0;
    const plannedO = Math.min(gapO, planned - plannedD);
    const r = s.deployStream[h];
    s.requestD[h] = plannedD + binomial(r, gapD - plannedD, s.speedOf[h]);
    s.requestO[h] = plannedO + binomial(r, gapO - plannedO, s.speedOf[h]);
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
    recruitToCohorts(s, h, sentD, s.requestO[h]);
    s.hostYear[base + R_DEPLOY_D] += sentD;
    s.hostYear[base + R_DEPLOY_O] += s.requestO[h];
  }
}

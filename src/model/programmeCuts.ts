import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import { HOST_ROW } from './layout.js';
import { leaveCohorts } from './missionTerms.js';
import type { OutputRows } from './outputRows.js';
import { intensityMonthly } from './rates.js';
import { HOST_ROWS, type RunState } from './runState.js';

const R_RETURN_D = HOST_ROW.returnDoctors;
const R_RETURN_O = HOST_ROW.returnOthers;
const R_STAY_D = HOST_ROW.stayDefectDoctors;
const R_STAY_O = HOST_ROW.stayDefectOthers;
const R_DEFECT = HOST_ROW.defections;

/**
 * 1. Programme cuts, dated and drawn under US pressure.
 *
 * A dated event `{date, host, share}` ends `share` of a host's programme (the 2018 end of Mais Medicos, X131;
 * the 2019 endings in Ecuador, Bolivia, El Salvador and Honduras, X144-X157; the Bahamas in 2025, X280).
 * Under US pressure each open host cuts its programme at random, in each month with probability
 *
 *     P(cut) = 1 - exp(-pressureHazard_h × usPressure(t) × calm_h(t) / 12)
 *
 * `pressureHazard_h × usPressure(t) × calm_h(t)` is a yearly intensity (cuts per year), so a pressure above 1
 * a year makes a cut likely within months, never certain in every run: runs differ in when programmes end.
 * `calm_h(t)` (`updateResponses`) is below 1 when a retention cap lets workers keep more of what the host
 * pays, which is what the US visa restrictions and trafficking reports object to (X201, X267-X271). The cut
 * is `pressureCutShare_h` of the programme (1: a single-country host ends; 0.05: one mid-size host of a
 * group).
 */
export function programmeCuts(s: RunState, inputs: RunInputs, rows: OutputRows, t: number, y: number): void {
  const events = inputs.events;
  while (s.eventCursor < events.length && events[s.eventCursor].month === t) {
    const e = events[s.eventCursor++];
    cut(s, rows, e.host, e.share, t, y);
  }
  const pressure = inputs.usPressure[t];
  if (!(pressure > 0)) return;
  const H = s.docs.length;
  if (pressure !== s.lastPressure) {
    s.lastPressure = pressure;
    for (let h = 0; h < H; h++) s.pCuts[h] = intensityMonthly(s.pressureHazardOf[h] * pressure * s.calmOf[h]);
  }
  for (let h = 0; h < H; h++) {
    if (s.open[h] <= 0 || s.pCuts[h] <= 0) continue;
    if (s.cutStream[h]() < s.pCuts[h]) cut(s, rows, h, s.pressureCutOf[h], t, y);
  }
}

/**
 * Ends `share` of host h's programme: of each cadre, `leave ~ Binomial(stock, share)` leave, of whom
 * `stay ~ Binomial(leave, stayShareOnEnd_h)` stay abroad (counted as defections: Brazil 2018, S132, X135) and
 * the rest come home: the doctors to `domesticDoctors`, the stayers to `stayedAbroad` (the doctors among them
 * barred from returning, as defectors are). The leavers leave every cohort of `missionTerms` and the pool of
 * `paroleWave` in proportion.
 */
function cut(s: RunState, rows: OutputRows, h: number, share: number, t: number, y: number): void {
  if (share <= 0 || s.open[h] <= 0) return;
  const r = s.cutStream[h];
  const base = HOST_ROWS * h;
  const leaveD = binomial(r, s.docs[h], share);
  const stayD = binomial(r, leaveD, s.stayOnEndOf[h]);
  const leaveO = binomial(r, s.others[h], share);
  const stayO = binomial(r, leaveO, s.stayOnEndOf[h]);
  const workers = s.docs[h] + s.others[h];
  if (s.pool[h] > 0 && workers > 0) s.pool[h] -= Math.round((s.pool[h] * (leaveD + leaveO)) / workers);
  leaveCohorts(s, h, 0, leaveD);
  leaveCohorts(s, h, 1, leaveO);
  s.docs[h] -= leaveD;
  s.others[h] -= leaveO;
  s.domestic += leaveD - stayD;
  s.stayed += stayD + stayO;
  s.banned[t] += stayD;
  s.cumDefections += stayD + stayO;
  s.hostYear[base + R_RETURN_D] += leaveD - stayD;
  s.hostYear[base + R_RETURN_O] += leaveO - stayO;
  s.hostYear[base + R_STAY_D] += stayD;
  s.hostYear[base + R_STAY_O] += stayO;
  s.hostYear[base + R_DEFECT] += stayD + stayO;
  s.out[rows.defections + y] += stayD + stayO;
  s.out[rows.doctorDefections + y] += stayD;
  s.open[h] = share >= 1 ? 0 : s.open[h] * (1 - share);
}

import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';

/**
 * 2. Parole decisions on the applications already waiting.
 *
 *     processed ~ Binomial(paroleApplicants, 1 / paroleProcessingMonths(t))
 *     approved  ~ Binomial(processed, paroleApproval(t))      -> paroleAdmitted
 *     refused   = processed - approved                        -> stayedAbroad
 *
 * Both are levers, schedules a US administration sets: by default the parameters paroleDelayMonths (4-6
 * weeks in normal times, S007-S008; up to a year for some, S105) and paroleApprovalRate (~95%, S021-S022);
 * the baseline adds the 2015 slowdown, 5-7 months in Bogota (S009-S010, X254). Processing goes on after the
 * programme closes, so applications filed before January 2017 drain afterwards (S106, X251-X252: pending
 * cases still processed).
 */
export function paroleDecisions(s: RunState, inputs: RunInputs, rows: OutputRows, t: number, y: number): void {
  if (s.applicants <= 0) return;
  const processed = binomial(s.rParole, s.applicants, 1 / inputs.paroleProcessingMonths[t]);
  const approved = binomial(s.rParole, processed, inputs.paroleApproval[t]);
  s.applicants -= processed;
  s.admitted += approved;
  s.stayed += processed - approved;
  s.cumApprovals += approved;
  s.out[rows.paroleApprovals + y] += approved;
  s.out[rows.paroleDenials + y] += processed - approved;
}

/**
 * Knowledge of the parole programme among workers abroad, 0 to 1. While it is open it spreads as a Bass
 * diffusion, from outside (news, embassies: `1 / paroleAwarenessYears`) and by word of mouth from those who
 * know (`paroleWordOfMouth × awareness`):
 *
 *     open:   awareness += (1 - awareness) × (1 - exp(-(1 / paroleAwarenessYears + paroleWordOfMouth × awareness) / 12))
 *     closed: awareness -= awareness × (1 - exp(-1 / (12 × paroleMemoryYears)))
 *
 * A slow start that speeds up: 11 approvals in FY2006 (X236), 386 in FY2011 (S020), 1,259 in FY2014 (X239)
 * and 1,663 in FY2015 (S018), a 4.3-fold rise in four years with the stock abroad up by a quarter. Once
 * closed it is forgotten slowly: more than 7,000 parolees (X246, S104) keep it known among colleagues still on
 * missions, so a programme reopened after ten years starts from what is remembered of it, not from nothing.
 * `paroleMemoryYears = 0` makes it fade as fast as it grew from outside.
 */
export function updateAwareness(s: RunState, inputs: RunInputs, paroleOpen: boolean, forgetStep: number): void {
  if (paroleOpen) {
    const rate = 1 / inputs.paroleAwarenessYears + inputs.paroleWordOfMouth * s.awareness;
    s.awareness += (1 - s.awareness) * -Math.expm1(-rate / 12);
  } else s.awareness -= s.awareness * forgetStep;
}

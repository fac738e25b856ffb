import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';

/**
 * 2. Parole decisions on the applications already waiting.
 *
 *     processed ~ Binomial(paroleApplicants, 1 / paroleDelayMonths)
 *     approved  ~ Binomial(processed, paroleApprovalRate)      -> paroleAdmitted
 *     refused   = processed - approved                         -> stayedAbroad
 *
 * Processing goes on after the programme closes, so applications filed before January 2017 drain afterwards
 * (S106, X252: pending cases still processed). Delay: S007-S008 (4-6 weeks), S009-S010 (5-7 months in 2015);
 * approval: S021-S022.
 */
export function paroleDecisions(s: RunState, inputs: RunInputs, rows: OutputRows, pProcess: number, y: number): void {
  const processed = binomial(s.rParole, s.applicants, pProcess);
  const approved = binomial(s.rParole, processed, inputs.paroleApprovalRate);
  s.applicants -= processed;
  s.admitted += approved;
  s.stayed += processed - approved;
  s.cumApprovals += approved;
  s.out[rows.paroleApprovals + y] += approved;
  s.out[rows.paroleDenials + y] += processed - approved;
}

/**
 * Knowledge of the parole programme among workers abroad moves each month toward 1 while it is open and toward
 * 0 once it is closed, by `1 - exp(-1 / (12 × paroleAwarenessYears))` of the distance: the decade-long rise of
 * approvals after 2006 (X236 FY2006 11, S020 FY2011 386, X239 FY2014 1,259, S018 FY2015 1,663).
 */
export function updateAwareness(s: RunState, paroleOpen: boolean, awarenessStep: number): void {
  s.awareness += ((paroleOpen ? 1 : 0) - s.awareness) * awarenessStep;
}

import { binomial } from '../random/binomial.js';
import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';

/**
 * Doctors who defected and stayed abroad come back to work in Cuba once their re-entry ban has passed:
 *
 *     returnable += doctors who stayed abroad in months m with t - m >= 12 × reentryBanYears(t)
 *     back ~ Binomial(returnable, 1 - exp(-defectorReturnRate / 12))      stayedAbroad -> domesticDoctors
 *
 * Before September 2015 a deserter was barred for at least seven years and lost the right to practise; since,
 * Cuba has let doctors who abandoned missions return to its health system (X261) after the eight-year ban
 * (S097). How many do is not reported: `defectorReturnRate` is an assumption (0-5% a year in the priors),
 * explored in sensitivity. A shorter ban frees earlier cohorts; a longer one does not bar again those already
 * free. Parolees, settled in the US, are not counted among those who return.
 */
export function defectorReturns(s: RunState, inputs: RunInputs, rows: OutputRows, pBack: number, t: number, y: number): void {
  if (!(pBack > 0)) return;
  const banMonths = Math.round(12 * inputs.reentryBanYears[t]);
  while (s.banCursor < t && s.banCursor <= t - banMonths) s.returnable += s.banned[s.banCursor++];
  if (s.returnable <= 0) return;
  const back = binomial(s.rDefectorReturn, s.returnable, pBack);
  s.returnable -= back;
  s.stayed -= back;
  s.domestic += back;
  s.out[rows.defectorReturns + y] += back;
}

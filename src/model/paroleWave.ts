import { splitShare, splitWhole } from '../random/allocate.js';
import { binomial } from '../random/binomial.js';
import { leaveHost } from './missionTerms.js';
import { intensityMonthly } from './rates.js';
import type { RunState } from './runState.js';

/**
 * Parole's first wave: the workers who want to leave for the US but have no route while parole is closed
 * to them, and apply when it opens.
 *
 *     join_h  ~ Binomial(workers_h - pool_h, 1 - exp(-ℓ_h(t) / 12))
 *     ℓ_h(t)  = paroleLatentRate × pay_h(t) × ban(t) × defectionFactor_h(t)        while parole is closed
 *     try_h   ~ Binomial(pool_h, 1 - exp(-1 / paroleWaveMonths))                   while parole is open
 *     apply_h = try_h × paroleEligibility(t), rounded at random; the others, not covered, give up and stay
 *     pool_h loses those whose term ends, in proportion (`leaveWithTerm`), and a cut's leavers (`leaveWithCut`)
 *
 * The pool fills with the same relative factors as defection (`defectAndComplete`): hosts with more routes
 * onward, lower pay and a shorter ban fill it faster. Its members leave it when their term ends and they go
 * home, so with two-year terms it holds about `paroleLatentRate` × workers × one year. They know what they
 * want and look for a way, so they apply within `paroleWaveMonths` of its opening without waiting for word of
 * the programme to spread. Evidence: 480 applications in the programme's first six
 * months (X072), 38 doctors asking for asylum at the US embassy in Bogota in February 2007 (S100), more than
 * 1,000 entered by October 2007 (S103) and by August 2008 (X244), then 386 approvals in FY2011 (S020): a wave
 * far above the pace of the following years. A programme that closes and reopens (2017, then 2027 in a policy
 * scenario) finds a new pool built up meanwhile. With `paroleLatentRate = 0` there is no pool.
 */
export function joinWave(s: RunState, h: number, latentIntensity: number, pTry: number, eligibility: number): void {
  // This month's defectors may have been pool members: the pool is never larger than the workers left.
  if (s.pool[h] > s.docs[h] + s.others[h]) s.pool[h] = s.docs[h] + s.others[h];
  if (pTry > 0 && s.pool[h] > 0) {
    const tried = binomial(s.rPool, s.pool[h], pTry);
    // Each member tries once: those the programme does not cover leave the pool and stay on their mission.
    const wave = splitShare(s.rPool, tried, eligibility);
    s.pool[h] -= tried;
    const waveD = leaveHost(s, h, wave);
    s.waved[2 * h] = waveD;
    s.waved[2 * h + 1] = wave - waveD;
  } else s.waved[2 * h] = s.waved[2 * h + 1] = 0;
  const workers = s.docs[h] + s.others[h];
  if (!(latentIntensity > 0)) return;
  if (latentIntensity !== s.lastLatent[h]) {
    s.lastLatent[h] = latentIntensity;
    s.pLatent[h] = intensityMonthly(latentIntensity);
  }
  s.pool[h] += binomial(s.rPool, workers - s.pool[h], s.pLatent[h]);
}

/** The pool members among `n` workers of host h whose term ends leave the pool: they go home. */
export function leaveWithTerm(s: RunState, h: number, n: number): void {
  if (n > 0 && s.pool[h] > 0) s.pool[h] -= splitWhole(s.rPool, n, s.pool[h], s.docs[h] + s.others[h]);
}

/** The monthly probability with which a pool member applies once parole opens: mean `paroleWaveMonths`. */
export function waveMonthly(paroleWaveMonths: number): number {
  return -Math.expm1(-1 / paroleWaveMonths);
}

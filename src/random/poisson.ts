import type { Rng } from './rng.js';
import { normalCount, NORMAL_COUNT_MIN_VARIANCE } from './normalCount.js';
import { logFactorial } from './special.js';

/**
 * Draws a Poisson(mean) variate: exactly by multiplication below a mean of 10 and by Hörmann's PTRS
 * rejection up to 50; above, by the skewness-corrected normal approximation `normalCount`, within 2.6e-4
 * of the exact distribution function.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean >= NORMAL_COUNT_MIN_VARIANCE) return normalCount(rng, mean, mean, 1 / Math.sqrt(mean), Infinity);
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let prod = rng();
    while (prod > limit) {
      k += 1;
      prod *= rng();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) {
      return k;
    }
  }
}

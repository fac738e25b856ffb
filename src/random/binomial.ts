import type { Rng } from './rng.js';
import { normalCount, NORMAL_COUNT_MIN_VARIANCE } from './normalCount.js';
import { stirlingTail } from './stirlingTail.js';

/** Below this mean (n * min(p, 1 - p)) the sampler inverts the CDF; above it, it uses BTRS rejection. */
export const BINOMIAL_INVERSION_LIMIT = 10;

/**
 * Draws a Binomial(n, p) variate: exactly by inversion for means below 10 and by Hörmann's BTRS transformed
 * rejection (1993, as used by TensorFlow and PyTorch) up to a variance of 50; above, by the
 * skewness-corrected normal approximation `normalCount`, within 2.6e-4 of the exact distribution function.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Not recursive, so the engine can inline it into the monthly loop.
  return p > 0.5 ? n - binomialAtMostHalf(rng, n, 1 - p) : binomialAtMostHalf(rng, n, p);
}

function binomialAtMostHalf(rng: Rng, n: number, p: number): number {
  const mean = n * p;
  if (mean < BINOMIAL_INVERSION_LIMIT) return binomialInversion(rng, n, p);
  const variance = mean * (1 - p);
  if (variance < NORMAL_COUNT_MIN_VARIANCE) return binomialBtrs(rng, n, p);
  return normalCount(rng, mean, variance, (1 - 2 * p) / Math.sqrt(variance), n);
}

// Sequential search of the CDF from 0 (BINV, Kachitvichyanukul and Schmeiser 1988): one uniform and about
// n*p multiplications, where counting geometric gaps would take a logarithm per success.
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const p0 = Math.exp(n * Math.log1p(-p)); // P(X = 0) >= e^-10.5 here, far from underflow
  for (;;) {
    let u = rng();
    let r = p0;
    let x = 0;
    // Beyond 110 the remaining mass is below 1e-30 for n*p < 10: restart rather than loop on rounding.
    while (u > r && x <= 110) {
      u -= r;
      x++;
      r *= a / x - s;
    }
    if (x <= 110 && x <= n) return x;
  }
}

function binomialBtrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / q;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  // Needed only when the quick acceptance fails (about one draw in seven): computed then, once.
  let logH = NaN;
  for (;;) {
    const u = rng() - 0.5;
    let v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (Number.isNaN(logH)) logH = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
    const bound =
      logH +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

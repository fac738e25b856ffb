import type { Rng } from './rng.js';
import { stirlingTail } from './stirlingTail.js';

/** Below this mean (n * min(p, 1 - p)) the sampler inverts the CDF; above it, it uses BTRS rejection. */
export const BINOMIAL_INVERSION_LIMIT = 10;

/**
 * Draws an exact Binomial(n, p) variate: geometric-gap inversion for small means, Hörmann's BTRS
 * transformed rejection (1993, as used by TensorFlow and PyTorch) for large ones.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < BINOMIAL_INVERSION_LIMIT ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

// Counts how many geometric waiting times fit in n trials: needs about n*p + 1 uniforms.
function binomialInversion(rng: Rng, n: number, p: number): number {
  const logQ = Math.log1p(-p);
  let sum = 0;
  let k = 0;
  for (;;) {
    // 1 - u lies in (0, 1], so the log is finite or zero; a gap is at least one trial, or u = 0 would add a
    // success without using a trial (k could pass n, and a stream of zeros would never end).
    sum += Math.max(1, Math.ceil(Math.log(1 - rng()) / logQ));
    if (sum > n) return k;
    k += 1;
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
  const logH =
    (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng() - 0.5;
    let v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      logH +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

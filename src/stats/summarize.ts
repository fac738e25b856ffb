import { OrderScratch, selectOrderStatistics } from './selectOrderStatistics.js';

/** The percentiles every summary reports. */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;

/** Mean and R-7 percentiles of one metric in one year across runs; null where no run has a value. */
export interface Summary {
  readonly mean: number | null;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

const EMPTY: Summary = { mean: null, p5: null, p25: null, p50: null, p75: null, p95: null };

/**
 * Summarizes values across runs, skipping NaN (a ratio with a zero denominator in that run and year):
 * the mean, and percentiles by the R-7 method (linear between order statistics, as R and NumPy default).
 * The mean is summed in the order given: callers pass values in run order for reproducible output.
 *
 * `scratch`, when given, is reused as working space (at least values.length long), to spare allocations.
 */
export function summarize(values: ArrayLike<number>, scratch?: Float64Array): Summary {
  const a = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let sum = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    a[n++] = v;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return EMPTY;
  // Rounding of the division can put the mean of equal values an ulp outside them: clamp it.
  const mean = Math.min(Math.max(sum / n, min), max);
  if (min === max) return { mean, p5: min, p25: min, p50: min, p75: min, p95: min };
  // The order statistics R-7 needs: floor(h) and the next one, for each percentile.
  const ks: number[] = [];
  for (const p of PERCENTILES) {
    const h = ((n - 1) * p) / 100;
    ks.push(Math.floor(h), Math.min(Math.floor(h) + 1, n - 1));
  }
  const wanted = [...new Set(ks)].sort((x, y) => x - y);
  selectOrderStatistics(a, n, wanted, min, max, workspace);
  const at = (p: number) => {
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const lower = a[lo];
    return lower + (h - lo) * (a[Math.min(lo + 1, n - 1)] - lower);
  };
  return { mean, p5: at(5), p25: at(25), p50: at(50), p75: at(75), p95: at(95) };
}

// Working memory of the selection, reused by every call (never observable: each call overwrites what it reads).
const workspace = new OrderScratch();

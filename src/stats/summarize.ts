import { quantileSorted } from './quantileSorted.js';

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

/**
 * Summarizes values across runs, skipping NaN (a ratio with a zero denominator in that run and year).
 *
 * The mean is summed in the given order, so callers pass values in run order for reproducible output.
 */
export function summarize(values: ArrayLike<number>): Summary {
  const kept: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    kept.push(v);
    sum += v;
  }
  if (kept.length === 0) return { mean: null, p5: null, p25: null, p50: null, p75: null, p95: null };
  const sorted = Float64Array.from(kept).sort();
  // Rounding in the sum can put the mean of equal values an ulp outside them (3 x 0.1 / 3 > 0.1): clamp it.
  const mean = Math.min(Math.max(sum / kept.length, sorted[0]), sorted[sorted.length - 1]);
  return {
    mean,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}

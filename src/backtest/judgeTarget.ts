import type { Target } from './target.js';

/** The model's spread for a target across runs: the 90% band and the median (null where no run has a value). */
export interface Band {
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

/** How the model fared on one target. */
export interface TargetResult {
  readonly target: Target;
  readonly band: Band;
  /**
   * Whether the observation and the model's p5-p95 band meet: a point inside the band, a bound with some of
   * the band on its side, a range overlapping the band.
   */
  readonly inside: boolean;
  /**
   * The median's signed error relative to the observation: against the point, or the nearest end of a bound
   * or range, 0 when the median satisfies it; null without a median or against an observation of 0.
   */
  readonly relativeError: number | null;
}

/** Judges one target against the model's band for it. */
export function judgeTarget(target: Target, band: Band): TargetResult {
  const { low, high } = target;
  const inside = band.p5 !== null && band.p95 !== null && band.p5 <= high && band.p95 >= low;
  let relativeError: number | null = null;
  if (band.p50 !== null) {
    const nearest = band.p50 < low ? low : band.p50 > high ? high : null;
    if (nearest === null) relativeError = 0;
    else if (nearest !== 0) relativeError = (band.p50 - nearest) / Math.abs(nearest);
  }
  return { target, band, inside, relativeError };
}

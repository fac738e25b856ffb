import type { Target } from './target.js';

/**
 * A band narrower than this share of its median is pinned: every run agrees, as where a host follows a fixed
 * demand path. 2% is about the rounding of a figure published to two significant digits (28,000 is +-1.8%),
 * so such a band cannot tell a good model from a bad one: meeting or missing it says little.
 */
export const PINNED_WIDTH = 0.02;

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
  /** Whether the band is pinned: p95 - p5 below PINNED_WIDTH of the median (or no width at all). */
  readonly pinned: boolean;
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
  return { target, band, inside, relativeError, pinned: isPinned(band) };
}

/** Whether a band has (almost) no width: p95 - p5 is 0 or below PINNED_WIDTH of the median's size. */
export function isPinned(band: Band): boolean {
  const { p5, p50, p95 } = band;
  if (p5 === null || p50 === null || p95 === null) return false;
  const width = p95 - p5;
  return width === 0 || width < PINNED_WIDTH * Math.abs(p50);
}

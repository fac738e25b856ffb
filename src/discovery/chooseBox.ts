import type { PrimBox, PrimResult } from './primBox.js';

/** The coverage a chosen box must keep when none is asked for. */
export const DEFAULT_MIN_COVERAGE = 0.8;

/** A box picked from a PRIM trajectory, with the rule that picked it. */
export interface ChosenBox {
  readonly box: PrimBox;
  /** The rule in words, for reports. */
  readonly rule: string;
  /** False when no box kept the coverage asked for and the whole space was taken instead. */
  readonly metCoverage: boolean;
  /** Whether the box's density reaches the run's `threshold`. */
  readonly meetsThreshold: boolean;
}

/**
 * Picks the densest box on the trajectory whose coverage is at least `minCoverage` (default 0.8); ties go to
 * fewer restricted dimensions, then to higher coverage, then to the earlier step. When no box has that
 * coverage (only when there are no cases of interest) it falls back to the whole space, step 0.
 */
export function chooseBox(result: PrimResult, minCoverage: number = DEFAULT_MIN_COVERAGE): ChosenBox {
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new RangeError(`chooseBox: minCoverage must be in [0, 1], not ${minCoverage}`);
  let best: PrimBox | undefined;
  for (const b of result.trajectory) {
    if (b.coverage < minCoverage) continue;
    if (
      best === undefined ||
      b.density > best.density ||
      (b.density === best.density && (b.restrictedDims < best.restrictedDims || (b.restrictedDims === best.restrictedDims && b.coverage > best.coverage)))
    ) {
      best = b;
    }
  }
  const cover = `${Math.round(minCoverage * 100)}%`;
  const rule =
    best === undefined
      ? `no box covers ${cover} of the cases of interest: the whole space`
      : `the densest box that covers at least ${cover} of the cases of interest`;
  const box = best ?? result.trajectory[0];
  return { box, rule, metCoverage: best !== undefined, meetsThreshold: box.density >= result.settings.threshold };
}

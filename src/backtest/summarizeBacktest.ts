import { quantileSorted } from '../stats/quantileSorted.js';
import type { TargetResult } from './judgeTarget.js';
import { SOURCE_FAMILIES, type SourceFamily } from './sourceFamilies.js';

/** How many targets of a group the model's band meets, and how far off its medians are. */
export interface Coverage {
  readonly targets: number;
  readonly inside: number;
  /** inside / targets; null for an empty group. */
  readonly share: number | null;
  /** The median and the largest absolute relative error of the medians (null where none is defined). */
  readonly medianAbsError: number | null;
  readonly maxAbsError: number | null;
}

/**
 * Coverage of the counted targets (excluded ones are only counted): the headline `heldoutAnchorFree`, then
 * overall, by fit and held-out set, for the anchors, by series and by source family.
 */
export interface BacktestSummary {
  /**
   * Held-out targets that are not anchors: kept out of the fit, and no prior, schedule point, host path
   * or event was set from their figures. The only group whose coverage tests what the model predicts.
   */
  readonly heldoutAnchorFree: Coverage;
  readonly all: Coverage;
  readonly fit: Coverage;
  /** Every held-out target, anchors included. */
  readonly heldout: Coverage;
  /** Every counted target that is an anchor, fit or held out: the model was built to pass through them. */
  readonly anchors: Coverage;
  /** One row per series, in the order series first appear in the targets. */
  readonly bySeries: readonly (Coverage & { readonly series: string })[];
  /** One row per source family that has counted targets, in the order of SOURCE_FAMILIES. */
  readonly byFamily: readonly (Coverage & { readonly family: SourceFamily })[];
  /** How many counted targets have a pinned band (every run agrees), whose verdicts say little. */
  readonly pinned: number;
  readonly excluded: number;
}

/** Summarizes judged targets: the share inside the band for the anchor-free held-out set, overall, by set, for anchors, by series and by family. */
export function summarizeBacktest(results: readonly TargetResult[]): BacktestSummary {
  const counted = results.filter((r) => r.target.set !== 'excluded');
  const heldout = counted.filter((r) => r.target.set === 'heldout');
  const series = [...new Set(counted.map((r) => r.target.series))];
  const families = SOURCE_FAMILIES.filter((f) => counted.some((r) => r.target.family === f));
  return {
    heldoutAnchorFree: coverage(heldout.filter((r) => r.target.anchor.length === 0)),
    all: coverage(counted),
    fit: coverage(counted.filter((r) => r.target.set === 'fit')),
    heldout: coverage(heldout),
    anchors: coverage(counted.filter((r) => r.target.anchor.length > 0)),
    bySeries: series.map((s) => ({ series: s, ...coverage(counted.filter((r) => r.target.series === s)) })),
    byFamily: families.map((f) => ({ family: f, ...coverage(counted.filter((r) => r.target.family === f)) })),
    pinned: counted.filter((r) => r.pinned).length,
    excluded: results.length - counted.length,
  };
}

function coverage(results: readonly TargetResult[]): Coverage {
  const inside = results.filter((r) => r.inside).length;
  const errors = Float64Array.from(results.flatMap((r) => (r.relativeError === null ? [] : [Math.abs(r.relativeError)]))).sort();
  return {
    targets: results.length,
    inside,
    share: results.length === 0 ? null : inside / results.length,
    medianAbsError: errors.length === 0 ? null : quantileSorted(errors, 0.5),
    maxAbsError: errors.length === 0 ? null : errors[errors.length - 1],
  };
}

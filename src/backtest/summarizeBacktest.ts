import { quantileSorted } from '../stats/quantileSorted.js';
import type { TargetResult } from './judgeTarget.js';

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

/** Coverage overall, by fit and held-out set, and by series; excluded targets are only counted. */
export interface BacktestSummary {
  readonly all: Coverage;
  readonly fit: Coverage;
  readonly heldout: Coverage;
  /** One row per series, in the order series first appear in the targets. */
  readonly bySeries: readonly (Coverage & { readonly series: string })[];
  readonly excluded: number;
}

/** Summarizes judged targets: the share inside the band overall, for the fit and held-out sets, and per series. */
export function summarizeBacktest(results: readonly TargetResult[]): BacktestSummary {
  const counted = results.filter((r) => r.target.set !== 'excluded');
  const series = [...new Set(counted.map((r) => r.target.series))];
  return {
    all: coverage(counted),
    fit: coverage(counted.filter((r) => r.target.set === 'fit')),
    heldout: coverage(counted.filter((r) => r.target.set === 'heldout')),
    bySeries: series.map((s) => ({ series: s, ...coverage(counted.filter((r) => r.target.series === s)) })),
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

import type { SourceFamily } from './sourceFamilies.js';

/** How an observation bounds the truth: a value, a floor ("more than"), a ceiling ("up to") or a stated range. */
export type TargetKind = 'point' | 'lower_bound' | 'upper_bound' | 'range';

/**
 * Which use a target has: `fit` (calibration may fit to it), `heldout` (kept out of the fit, to judge it)
 * or `excluded` (shown, but counted nowhere, for the reason its note gives).
 */
export type TargetSet = 'fit' | 'heldout' | 'excluded';

/**
 * When an observation applies: a calendar year (stocks on 31 December, flows over the year), a US fiscal
 * year (October to September), the end of a month (stocks only) or a span of calendar years (flows only).
 */
export type Period =
  | { readonly type: 'year'; readonly year: number }
  | { readonly type: 'fiscalYear'; readonly year: number }
  | { readonly type: 'month'; readonly year: number; readonly month: number }
  | { readonly type: 'span'; readonly from: number; readonly to: number };

/**
 * What the model computes for a target: a metric, a ratio of two metrics (each at the period, then
 * divided, run by run), or a metric's decline over the period (its value before the period less after).
 */
export type MetricExpr =
  | { readonly type: 'metric'; readonly name: string }
  | { readonly type: 'ratio'; readonly numerator: string; readonly denominator: string }
  | { readonly type: 'decline'; readonly name: string };

/**
 * One thing in the scenario's priors that a target's figure informed: a parameter's prior (`prior`), a
 * point of a driver's or lever's schedule (`schedule`), a field of a host (`host`, named `hostId.field`)
 * or a dated event (`event`, named `YYYY-MM`). A target with any is an anchor: the model was built to pass
 * through it, so meeting it tests the fit, not the model's predictions.
 */
export interface AnchorRef {
  readonly kind: 'prior' | 'schedule' | 'host' | 'event';
  readonly name: string;
}

/** Where a target's cells are in its file, for messages about them. */
export interface TargetLocation {
  readonly file: string;
  readonly line: number;
  readonly metricCol: number;
  readonly periodCol: number;
}

/** One observed figure the model should reproduce, as read from the targets file. */
export interface Target {
  readonly id: string;
  readonly series: string;
  /** The metric cell as written, for display. */
  readonly metricText: string;
  readonly metric: MetricExpr;
  /** The period cell as written, for display. */
  readonly periodText: string;
  readonly period: Period;
  readonly kind: TargetKind;
  /** The observed interval: equal ends for a point, an infinite end for a bound. */
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly source: string;
  readonly evidence: readonly string[];
  readonly set: TargetSet;
  /** What the figure informed in the priors; empty for `none`. */
  readonly anchor: readonly AnchorRef[];
  /** Who produced the figure. */
  readonly family: SourceFamily;
  readonly note: string;
  readonly at: TargetLocation;
}

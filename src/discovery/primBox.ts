import type { PrimColumnKind } from './primTable.js';

/** A box's limit on one dimension: an inclusive range for 'real' and 'integer', the kept levels for 'category'. */
export type PrimLimit =
  | { readonly name: string; readonly kind: 'real' | 'integer'; readonly lo: number; readonly hi: number; readonly admitsMissing: boolean }
  | { readonly name: string; readonly kind: 'category'; readonly levels: readonly string[]; readonly admitsMissing: boolean };

/** Where a box on the trajectory came from: the whole space, a peel, or a paste after peeling stopped. */
export type PrimPhase = 'start' | 'peel' | 'paste';

/** One box of the peeling and pasting trajectory with its statistics. */
export interface PrimBox {
  /** Position on the trajectory, 0 for the whole space. */
  readonly step: number;
  readonly phase: PrimPhase;
  /** One limit per analysed dimension, in the table's column order (ignored columns left out). */
  readonly limits: readonly PrimLimit[];
  /** Names of the restricted dimensions, in column order. */
  readonly restricted: readonly string[];
  readonly restrictedDims: number;
  /** Runs inside the box. */
  readonly count: number;
  /** Cases of interest inside the box. */
  readonly cases: number;
  /** Share of all cases of interest that lie inside the box (0 when there are none). */
  readonly coverage: number;
  /** Share of the runs in the box that are cases of interest (0 for an empty box). */
  readonly density: number;
  /** Share of all runs that lie inside the box (0 when there are no runs). */
  readonly mass: number;
}

/** Why peeling stopped, or why it never started. */
export type PrimStop =
  | 'no-rows' // the table is empty
  | 'no-cases' // no run is a case of interest: no box can be denser than the whole space
  | 'all-cases' // every run is a case of interest: the whole space already has density 1
  | 'no-peel' // no dimension can be peeled (no columns, constant columns, a single row)
  | 'no-gain' // no peel raises the density
  | 'mass-min'; // the best peel would leave less than the minimum mass

/** A dimension of the table as PRIM saw it: its data range or levels and how many values were missing. */
export interface PrimDimension {
  readonly name: string;
  readonly kind: PrimColumnKind;
  /** Smallest and largest value present ('real' and 'integer'). */
  readonly range?: readonly [number, number];
  /** Levels that occur at least once ('category'), in code order. */
  readonly levels?: readonly string[];
  readonly missing: number;
  readonly prior?: readonly [number, number];
}

/** The settings PRIM ran with, defaults filled in. */
export interface PrimSettings {
  readonly peelAlpha: number;
  readonly pasteAlpha: number;
  readonly massMin: number;
  readonly threshold: number;
}

/** Everything one PRIM run found: the trajectory from the whole space through the last peel and paste. */
export interface PrimResult {
  readonly rows: number;
  readonly cases: number;
  readonly settings: PrimSettings;
  readonly dimensions: readonly PrimDimension[];
  /** Columns left out of the analysis, with the reason. */
  readonly ignored: readonly { readonly name: string; readonly reason: string }[];
  readonly trajectory: readonly PrimBox[];
  /** Index on the trajectory of the last peeled box (pasted boxes follow it). */
  readonly lastPeel: number;
  readonly stop: PrimStop;
}

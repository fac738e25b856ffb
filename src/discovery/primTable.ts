/** How PRIM reads a column: a real or whole-number range, or a set of named levels. */
export type PrimColumnKind = 'real' | 'integer' | 'category';

/**
 * One input dimension of a PRIM table: a drawn uncertain parameter or a swept lever, one value per run.
 *
 * Missing values are NaN (and, for 'real' and 'integer', also ±Infinity). A run whose value is missing lies
 * inside the box while the dimension is unrestricted and outside it once the dimension is restricted, so a
 * partly missing column loses no runs until PRIM chooses to restrict it. A column with no value at all is
 * left out of the analysis (`PrimResult.ignored`).
 */
export interface PrimColumn {
  readonly name: string;
  readonly kind: PrimColumnKind;
  /** The values; for 'category', the code of each run's level (an index into `levels`). */
  readonly values: Float64Array;
  /** The names of a 'category' column's levels, indexed by code; required for 'category'. */
  readonly levels?: readonly string[];
  /** The range of the parameter's prior, printed beside the box's range (the data's range is used otherwise). */
  readonly prior?: readonly [number, number];
}

/** The PRIM input: one row per run, the dimensions as columns and whether each run is a case of interest. */
export interface PrimTable {
  readonly columns: readonly PrimColumn[];
  /** 1 where the run is a case of interest, 0 elsewhere; any non-zero value counts as 1. */
  readonly cases: Uint8Array;
}

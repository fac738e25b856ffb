import { binomialUpperTail } from './binomialUpperTail.js';
import type { PrimBox, PrimLimit } from './primBox.js';
import type { PrimColumnKind, PrimTable } from './primTable.js';
import { isMissing, primSpace, type SpaceDim } from './primSpace.js';
import { isRestricted, violations, workingBoxOf, type WorkingBox } from './workingBox.js';

/** One restricted dimension of a box: its limit, the data's (and prior's) range, and quasi-p-values. */
export interface PrimRestriction {
  readonly name: string;
  readonly kind: PrimColumnKind;
  readonly limit: PrimLimit;
  /** Smallest and largest value in the data ('real' and 'integer'). */
  readonly dataRange?: readonly [number, number];
  /** Levels present in the data ('category'). */
  readonly dataLevels?: readonly string[];
  readonly prior?: readonly [number, number];
  /** Quasi-p-value of the lower limit, null when the lower limit is the data's. */
  readonly qpLower: number | null;
  /** Quasi-p-value of the upper limit, null when the upper limit is the data's. */
  readonly qpUpper: number | null;
  /**
   * The dimension's quasi-p-value: the larger of qpLower and qpUpper (a dimension is as significant as its
   * weakest limit); for a category, the test of restoring all levels; for a dimension whose only
   * restriction is shutting out runs with missing values, the test of letting them back in.
   */
  readonly qp: number;
}

/** The restricted dimensions of one box, in column order. */
export type PrimInspection = readonly PrimRestriction[];

/**
 * Lists the restricted dimensions of a box with their quasi-p-values (Bryant and Lempert 2010, as the EMA
 * Workbench computes them): for each restricted limit, the one-sided binomial probability of at least the
 * box's cases among its runs if they were drawn at the density of the box with that one limit set back to
 * the data's. A small value says the restriction earns its place.
 */
export function inspectBox(table: PrimTable, box: PrimBox): PrimRestriction[] {
  // Only the restricted columns matter, so only they are prepared (and sorted).
  const named = new Set(box.restricted);
  const space = primSpace({ columns: table.columns.filter((c) => named.has(c.name)), cases: table.cases });
  const wbox = workingBoxOf(space, box.limits);
  const restricted = space.dims.flatMap((d, j) => (isRestricted(d, wbox, j) ? [j] : []));
  const { count: violated, only } = violations(space, wbox, restricted);
  let inBox = 0;
  let inBoxCases = 0;
  for (let r = 0; r < space.n; r++) if (violated[r] === 0) (inBox++, (inBoxCases += space.cases[r]));

  return restricted.map((j) => {
    const dim = space.dims[j];
    // The box with dimension j's restriction loosened as `keeps` says: its density is the test's p.
    const qpWith = (keeps: (v: number) => boolean) => {
      let runs = inBox;
      let cases = inBoxCases;
      for (let r = 0; r < space.n; r++) if (violated[r] === 1 && only[r] === j && keeps(dim.values[r])) (runs++, (cases += space.cases[r]));
      return binomialUpperTail(inBoxCases, inBox, runs > 0 ? cases / runs : 0);
    };
    const limit = box.limits.find((l) => l.name === dim.name)!;
    return { ...describe(dim, limit), ...quasiP(dim, wbox, j, qpWith) };
  });
}

function quasiP(dim: SpaceDim, box: WorkingBox, j: number, qpWith: (keeps: (v: number) => boolean) => number) {
  const { lo, hi } = { lo: box.lo[j], hi: box.hi[j] };
  if (box.masks[j] === null) {
    const qpLower = lo > dim.lo ? qpWith((v) => !isMissing(v) && v <= hi) : null;
    const qpUpper = hi < dim.hi ? qpWith((v) => !isMissing(v) && v >= lo) : null;
    const qp = qpLower === null && qpUpper === null ? qpWith(isMissing) : Math.max(qpLower ?? 0, qpUpper ?? 0);
    return { qpLower, qpUpper, qp };
  }
  const mask = box.masks[j]!;
  const dropsLevel = dim.present!.some((p, c) => p === 1 && mask[c] === 0);
  return { qpLower: null, qpUpper: null, qp: qpWith(dropsLevel ? (v) => !isMissing(v) : isMissing) };
}

function describe(dim: SpaceDim, limit: PrimLimit) {
  const base = { name: dim.name, kind: dim.kind, limit, ...(dim.prior === undefined ? {} : { prior: dim.prior }) };
  return dim.present === null
    ? { ...base, dataRange: [dim.lo, dim.hi] as const }
    : { ...base, dataLevels: dim.levels.filter((_, c) => dim.present![c] === 1) };
}

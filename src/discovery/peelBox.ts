import type { PrimStop } from './primBox.js';
import { peelQuantile } from './peelQuantile.js';
import type { PrimSpace } from './primSpace.js';
import { isRestricted, type WorkingBox } from './workingBox.js';

/** Where a peel cuts: the top or bottom of a range, or one level of a category. */
type Side = 'upper' | 'lower' | 'level';

interface Peel {
  j: number;
  side: Side;
  /** The new limit, or the dropped level's code. */
  limit: number;
  /** The peeled rows of the dimension's live list: [start, end). */
  start: number;
  end: number;
  removed: number;
  removedCases: number;
  objective: number;
  restrictedAfter: number;
}

/** The state the pasting phase starts from. */
export interface Peeled {
  readonly stop: PrimStop;
  readonly count: number;
  readonly cases: number;
}

/**
 * Peels the box in place until no peel raises the density or the best one would leave less than `massMin`,
 * calling `record` after each peel with the box's runs and cases and the peeled dimension.
 *
 * Candidates are, for every dimension, its lower and upper `alpha` quantile among the runs in the box and,
 * for a category with two or more kept levels, each kept level. A candidate's score is the gain in density
 * per share of all runs it removes (the EMA Workbench's default, "lenient1"); ties go to the candidate that
 * leaves fewer dimensions restricted, then to the first in column order (upper before lower).
 *
 * Each dimension keeps its in-box runs as a list sorted by value, so a peel is a prefix, a suffix or (for a
 * category, sorted by code) a run of that list; after a peel every list is compacted in place. A step thus
 * costs about (runs in box) x (dimensions) and allocates nothing that grows with the runs.
 */
export function peelBox(
  space: PrimSpace,
  box: WorkingBox,
  alpha: number,
  massMin: number,
  record: (count: number, cases: number, dimension: number) => void,
): Peeled {
  const { n, dims, cases: isCase } = space;
  const nd = dims.length;
  const inBox = new Uint8Array(n).fill(1);
  const live = dims.map((d) => d.order.slice());
  const liveLength = Int32Array.from(dims, (d) => d.order.length);
  const missing = dims.map((d) => d.missingRows.slice());
  const missingLength = Int32Array.from(dims, (d) => d.missingRows.length);
  const restricted = new Uint8Array(nd);
  let restrictedCount = 0;
  let count = n;
  let cases = space.totalCases;
  const levelCount = new Int32Array(Math.max(1, ...dims.map((d) => d.levels.length)));
  const levelStart = new Int32Array(levelCount.length);
  const levelCases = new Int32Array(levelCount.length);
  const best: Peel = { j: -1, side: 'upper', limit: 0, start: 0, end: 0, removed: 0, removedCases: 0, objective: 0, restrictedAfter: 0 };

  for (;;) {
    best.j = -1;
    for (let j = 0; j < nd; j++) {
      const dim = dims[j];
      const m = liveLength[j];
      // Every run in the box lacks a value here: a peel would empty the box.
      if (m === 0) continue;
      const rows = live[j];
      const values = dim.values;
      let missingCases = 0;
      for (let i = 0; i < missingLength[j]; i++) missingCases += isCase[missing[j][i]];
      const consider = (side: Side, limit: number, start: number, end: number, rowCases: number, narrows: boolean) => {
        const removed = end - start + missingLength[j];
        const kept = count - removed;
        if (kept <= 0) return;
        const keptCases = cases - rowCases - missingCases;
        const objective = removed === 0 ? 0 : (keptCases / kept - cases / count) / (removed / n);
        const after = narrows || restricted[j] === 1 || dim.missingRows.length > 0;
        const restrictedAfter = restrictedCount - restricted[j] + (after ? 1 : 0);
        if (best.j >= 0 && !(objective > best.objective || (objective === best.objective && restrictedAfter < best.restrictedAfter))) return;
        best.j = j;
        best.side = side;
        best.limit = limit;
        best.start = start;
        best.end = end;
        best.removed = removed;
        best.removedCases = rowCases + missingCases;
        best.objective = objective;
        best.restrictedAfter = restrictedAfter;
      };

      if (dim.kind === 'category') {
        const mask = box.masks[j]!;
        let kept = 0;
        for (let c = 0; c < mask.length; c++) kept += mask[c];
        if (kept < 2) continue;
        levelCount.fill(0);
        levelCases.fill(0);
        for (let i = 0; i < m; i++) {
          const c = values[rows[i]];
          if (levelCount[c] === 0) levelStart[c] = i;
          levelCount[c]++;
          levelCases[c] += isCase[rows[i]];
        }
        for (let c = 0; c < mask.length; c++) {
          if (mask[c] === 0) continue;
          const start = levelCount[c] === 0 ? 0 : levelStart[c];
          consider('level', c, start, start + levelCount[c], levelCases[c], true);
        }
        continue;
      }

      // Upper edge.
      let q = peelQuantile(values, rows, m, 1 - alpha);
      let cut = m;
      if (dim.kind === 'integer') {
        // As the EMA Workbench peels whole numbers: truncate the quantile, and when it sits on the limit
        // drop the limit's value itself so the peel makes progress; the new limit is the largest value kept.
        const at = Math.trunc(q);
        if (at === box.hi[j]) while (cut > 0 && values[rows[cut - 1]] >= at) cut--;
        else while (cut > 0 && values[rows[cut - 1]] > at) cut--;
        q = cut > 0 ? values[rows[cut - 1]] : at;
      } else {
        while (cut > 0 && values[rows[cut - 1]] > q) cut--;
      }
      let rowCases = 0;
      for (let i = cut; i < m; i++) rowCases += isCase[rows[i]];
      consider('upper', q, cut, m, rowCases, q < dim.hi);

      // Lower edge.
      q = peelQuantile(values, rows, m, alpha);
      cut = 0;
      if (dim.kind === 'integer') {
        const at = Math.trunc(q);
        if (at === box.lo[j]) while (cut < m && values[rows[cut]] <= at) cut++;
        else while (cut < m && values[rows[cut]] < at) cut++;
        q = cut < m ? values[rows[cut]] : at;
      } else {
        while (cut < m && values[rows[cut]] < q) cut++;
      }
      rowCases = 0;
      for (let i = 0; i < cut; i++) rowCases += isCase[rows[i]];
      consider('lower', q, 0, cut, rowCases, q > dim.lo);
    }

    if (best.j < 0) return { stop: 'no-peel', count, cases };
    if (!(best.objective > 0)) return { stop: 'no-gain', count, cases };
    if ((count - best.removed) / n < massMin) return { stop: 'mass-min', count, cases };

    const j = best.j;
    const rows = live[j];
    for (let i = best.start; i < best.end; i++) inBox[rows[i]] = 0;
    for (let i = 0; i < missingLength[j]; i++) inBox[missing[j][i]] = 0;
    if (best.side === 'upper') box.hi[j] = best.limit;
    else if (best.side === 'lower') box.lo[j] = best.limit;
    else box.masks[j]![best.limit] = 0;
    box.admitsMissing[j] = 0;
    count -= best.removed;
    cases -= best.removedCases;
    const now = isRestricted(dims[j], box, j) ? 1 : 0;
    restrictedCount += now - restricted[j];
    restricted[j] = now;
    for (let k = 0; k < nd; k++) {
      liveLength[k] = compact(live[k], liveLength[k], inBox);
      missingLength[k] = compact(missing[k], missingLength[k], inBox);
    }
    record(count, cases, j);
  }
}

// Keeps, in order, the first `length` rows that are still in the box; returns how many remain.
function compact(rows: Int32Array, length: number, inBox: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < length; i++) {
    const r = rows[i];
    if (inBox[r] === 1) rows[k++] = r;
  }
  return k;
}

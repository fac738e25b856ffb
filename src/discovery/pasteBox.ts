import { peelQuantile } from './peelQuantile.js';
import type { PrimSpace } from './primSpace.js';
import { isRestricted, violations, type WorkingBox } from './workingBox.js';

interface Paste {
  j: number;
  side: 'upper' | 'lower' | 'level';
  limit: number;
  added: number;
  addedCases: number;
  objective: number;
  restrictedAfter: number;
}

/**
 * Pastes the peeled box in place: grows it along one restricted dimension at a time while that raises the
 * density, calling `record` after each paste with the box's runs and cases and the pasted dimension.
 *
 * Candidates, as in the EMA Workbench: for a range, move its lower (upper) limit out to the `alpha`
 * quantile, counted from the limit, of the values below (above) it among the runs that the other
 * restrictions keep; for a category, add back one dropped level. The score is the gain in density per share
 * of all runs added; a paste is taken only when that is positive, so pasting never lowers the density.
 * A whole-number limit is rounded outward to a whole number. Runs with a missing value stay out of a dimension once peeled: pasting moves limits, not that rule.
 */
export function pasteBox(
  space: PrimSpace,
  box: WorkingBox,
  alpha: number,
  start: { count: number; cases: number },
  record: (count: number, cases: number, dimension: number) => void,
): void {
  const { n, dims, cases: isCase } = space;
  let { count, cases } = start;
  const scratch = new Int32Array(n);
  for (;;) {
    const restricted: number[] = [];
    dims.forEach((d, j) => isRestricted(d, box, j) && restricted.push(j));
    if (restricted.length === 0 || count === 0) return;
    const { count: violated, only } = violations(space, box, restricted);
    // A run that the other restrictions keep and that only dimension j shuts out.
    const onlyOut = (r: number, j: number) => violated[r] === 1 && only[r] === j;
    let best: Paste | null = null;
    const consider = (j: number, side: Paste['side'], limit: number, added: number, addedCases: number, restrictedAfter: number) => {
      const objective = added === 0 ? 0 : ((cases + addedCases) / (count + added) - cases / count) / (added / n);
      if (best === null || objective > best.objective || (objective === best.objective && restrictedAfter < best.restrictedAfter)) {
        best = { j, side, limit, added, addedCases, objective, restrictedAfter };
      }
    };

    for (const j of restricted) {
      const dim = dims[j];
      const { values, order } = dim;
      const missingShut = box.admitsMissing[j] === 0 && dim.missingRows.length > 0;
      const mask = box.masks[j];
      if (mask !== null) {
        const addCount = new Int32Array(mask.length);
        const addCases = new Int32Array(mask.length);
        for (let r = 0; r < n; r++) {
          if (!onlyOut(r, j)) continue;
          const v = values[r];
          if (Number.isFinite(v)) (addCount[v]++, (addCases[v] += isCase[r]));
        }
        for (let c = 0; c < mask.length; c++) {
          if (mask[c] === 1 || dim.present![c] === 0) continue;
          let stillCut = missingShut;
          for (let k = 0; k < mask.length && !stillCut; k++) stillCut = k !== c && mask[k] === 0 && dim.present![k] === 1;
          consider(j, 'level', c, addCount[c], addCases[c], restricted.length - (stillCut ? 0 : 1));
        }
        continue;
      }
      const integer = dim.kind === 'integer';
      // Lower limit: the values at or below it among the runs the other restrictions keep, ascending.
      if (box.lo[j] > dim.lo) {
        let m = 0;
        for (let i = 0; i < order.length && values[order[i]] <= box.lo[j]; i++) {
          const r = order[i];
          if (violated[r] === 0 || onlyOut(r, j)) scratch[m++] = r;
        }
        let limit = m > 0 ? peelQuantile(values, scratch, m, 1 - alpha) : dim.lo;
        if (integer) limit = Math.floor(limit);
        let added = 0;
        let addedCases = 0;
        for (let i = 0; i < m; i++) {
          const r = scratch[i];
          if (violated[r] === 1 && values[r] >= limit) (added++, (addedCases += isCase[r]));
        }
        const whole = limit <= dim.lo && box.hi[j] >= dim.hi && !missingShut;
        consider(j, 'lower', limit, added, addedCases, restricted.length - (whole ? 1 : 0));
      }
      // Upper limit: the values at or above it, ascending.
      if (box.hi[j] < dim.hi) {
        let first = order.length;
        while (first > 0 && values[order[first - 1]] >= box.hi[j]) first--;
        let m = 0;
        for (let i = first; i < order.length; i++) {
          const r = order[i];
          if (violated[r] === 0 || onlyOut(r, j)) scratch[m++] = r;
        }
        let limit = m > 0 ? peelQuantile(values, scratch, m, alpha) : dim.hi;
        // Rounded outward: the EMA Workbench truncates, which leaves an upper limit where it was whenever the
        // quantile falls between two whole numbers, so its integer ranges can only be pasted downward.
        if (integer) limit = Math.ceil(limit);
        let added = 0;
        let addedCases = 0;
        for (let i = 0; i < m; i++) {
          const r = scratch[i];
          if (violated[r] === 1 && values[r] <= limit) (added++, (addedCases += isCase[r]));
        }
        const whole = limit >= dim.hi && box.lo[j] <= dim.lo && !missingShut;
        consider(j, 'upper', limit, added, addedCases, restricted.length - (whole ? 1 : 0));
      }
    }

    const chosen = best as Paste | null;
    if (chosen === null || !(chosen.objective > 0)) return;
    if (chosen.side === 'lower') box.lo[chosen.j] = chosen.limit;
    else if (chosen.side === 'upper') box.hi[chosen.j] = chosen.limit;
    else box.masks[chosen.j]![chosen.limit] = 1;
    count += chosen.added;
    cases += chosen.addedCases;
    record(count, cases, chosen.j);
  }
}

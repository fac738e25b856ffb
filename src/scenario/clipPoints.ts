import type { CompiledSchedule } from './compiled.js';

/**
 * Drops the points of a schedule (month offsets `t` from the start, ascending) that no month of the horizon
 * [0, months) reads, so that `fillPoints` gives the same values, bit for bit: a step schedule keeps its last
 * point at or before the start, moved to the start, and the points inside; a linear one keeps the two points
 * whose lines cross the start and the end where they lie, outside the horizon if need be.
 */
export function clipPoints<P extends { readonly t: number }>(kind: CompiledSchedule['kind'], points: readonly P[], months: number): P[] {
  if (points.length === 0) return [];
  // The point in force at the start: the last at or before it, or the first if all come after it.
  let first = 0;
  for (let k = 0; k < points.length; k++) if (points[k].t <= 0) first = k;
  let last = first;
  if (kind === 'step') {
    for (let k = first; k < points.length; k++) if (points[k].t < months) last = k;
    const kept = points.slice(first, last + 1);
    // Moving it changes no month: a step holds its value from its month on, and nothing comes between.
    if (kept[0].t < 0) kept[0] = { ...kept[0], t: 0 };
    return kept;
  }
  // A linear schedule's months are interpolated from the two points around them. Re-interpolating a point
  // at the start or the end would change the last digits of the months between it and the next point, so
  // the points just outside stay as written: the first after the end sets the slope of the last months.
  if (points[first].t < months) {
    last = points.length - 1;
    for (let k = first + 1; k < points.length; k++) {
      if (points[k].t >= months) {
        last = k;
        break;
      }
    }
  }
  return points.slice(first, last + 1);
}

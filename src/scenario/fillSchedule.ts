import type { CompiledSchedule } from './compiled.js';

/**
 * Evaluates a schedule for one run into one value per month: a step schedule holds each point's value from
 * its month on, a linear one draws straight lines between points and holds the last value after them.
 */
export function fillSchedule(
  s: Pick<CompiledSchedule, 'kind' | 'points'>,
  params: Readonly<Record<string, number>>,
  months: number,
): Float64Array {
  return fillPoints(
    s.kind,
    s.points.map((p) => p.t),
    s.points.map((p) => p.value.evaluate(params)),
    months,
  );
}

/** `fillSchedule` for points already evaluated: month indices `ts` (ascending) and their values `vs`. */
export function fillPoints(kind: CompiledSchedule['kind'], ts: readonly number[], vs: readonly number[], months: number): Float64Array {
  const out = new Float64Array(months);
  // Segment by segment, so no month needs a test: before the first point, its value; between two points,
  // a line or a step; after the last, its value.
  const firstEnd = Math.min(months, Math.max(0, ts[0]));
  out.fill(vs[0], 0, firstEnd);
  for (let k = 0; k < ts.length; k++) {
    const from = Math.max(0, ts[k]);
    const to = k + 1 < ts.length ? Math.min(months, ts[k + 1]) : months;
    if (from >= to) continue;
    if (kind === 'linear' && k + 1 < ts.length) {
      for (let t = from; t < to; t++) out[t] = vs[k] + ((t - ts[k]) / (ts[k + 1] - ts[k])) * (vs[k + 1] - vs[k]);
    } else out.fill(vs[k], from, to);
  }
  return out;
}

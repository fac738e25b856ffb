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
  const out = new Float64Array(months);
  const ts = s.points.map((p) => p.t);
  const vs = s.points.map((p) => p.value.evaluate(params));
  let k = 0; // index of the last point at or before month t
  for (let t = 0; t < months; t++) {
    while (k + 1 < ts.length && ts[k + 1] <= t) k++;
    if (s.kind === 'linear' && k + 1 < ts.length && ts[k] <= t) {
      const f = (t - ts[k]) / (ts[k + 1] - ts[k]);
      out[t] = vs[k] + f * (vs[k + 1] - vs[k]);
    } else out[t] = vs[k];
  }
  return out;
}

/**
 * The p-quantiles of weighted values: sorted, each value stands at the middle of its share of the total
 * weight, (C_(i-1) + w_i / 2) / W, with straight lines between; below the first middle the smallest value,
 * above the last the largest (equal weights give Hazen's quantiles, R type 5). NaN values and values of
 * weight 0 are skipped; NaN when none is left.
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, ps: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (weights[i] > 0 && !Number.isNaN(values[i])) kept.push(i);
  if (kept.length === 0) return ps.map(() => NaN);
  kept.sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (const i of kept) total += weights[i];
  const middles = new Float64Array(kept.length);
  let before = 0;
  kept.forEach((i, r) => {
    middles[r] = (before + weights[i] / 2) / total;
    before += weights[i];
  });
  const last = kept.length - 1;
  return ps.map((p) => {
    if (p <= middles[0]) return values[kept[0]];
    if (p >= middles[last]) return values[kept[last]];
    let lo = 0;
    let hi = last;
    // The last middle at or below p: middles[lo] <= p < middles[hi].
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (middles[mid] <= p) lo = mid;
      else hi = mid;
    }
    const a = values[kept[lo]];
    return a + ((p - middles[lo]) / (middles[hi] - middles[lo])) * (values[kept[hi]] - a);
  });
}

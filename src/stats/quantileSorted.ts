/** Returns the p-quantile of ascending values by the R-7 method (linear between order statistics, as R and NumPy default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const lower = sorted[lo];
  // Written as lower + t * (upper - lower) so equal neighbours give exactly their value.
  return lower + (h - lo) * (sorted[hi] - lower);
}

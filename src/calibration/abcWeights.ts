/**
 * ABC rejection with an Epanechnikov kernel (Beaumont, Zhang & Balding 2002): keeps the `keep` draws of
 * smallest distance (ties to the lower index), with the tolerance eps the smallest distance left out, and
 * weighs each kept draw 1 - (d / eps)^2; draws left out weigh 0. When every draw is kept, or eps is 0 or
 * infinite, kept draws weigh 1; a kept draw of infinite distance (no value for some target) weighs 0.
 */
export function abcWeights(distances: ArrayLike<number>, keep: number): Float64Array {
  const n = distances.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => distances[a] - distances[b] || a - b);
  const kept = Math.max(0, Math.min(n, Math.floor(keep)));
  const eps = kept < n ? distances[order[kept]] : Infinity;
  const weights = new Float64Array(n);
  for (let r = 0; r < kept; r++) {
    const d = distances[order[r]];
    weights[order[r]] = !Number.isFinite(d) ? 0 : eps === 0 || eps === Infinity ? 1 : 1 - (d / eps) ** 2;
  }
  return weights;
}

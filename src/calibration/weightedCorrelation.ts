/** Pearson's correlation of two variables under weights (NaN when either does not vary among weighted draws). */
export function weightedCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, weights: ArrayLike<number>): number {
  let w = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < weights.length; i++) {
    w += weights[i];
    mx += weights[i] * x[i];
    my += weights[i] * y[i];
  }
  mx /= w;
  my /= w;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += weights[i] * dx * dy;
    sxx += weights[i] * dx * dx;
    syy += weights[i] * dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

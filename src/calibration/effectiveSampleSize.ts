/** Kish's effective sample size of weights, (sum w)^2 / sum w^2: how many equally weighted draws they are worth. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    squares += weights[i] * weights[i];
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}

import { logFactorial } from '../random/special.js';

/**
 * Returns P(X >= k) for X ~ Binomial(n, p): the one-sided binomial test PRIM's quasi-p-values use.
 *
 * Sums probabilities outward from k, away from the mean, where they shrink geometrically, so a tail takes
 * about sqrt(n) terms; a tail on the mean's side is one minus the other one.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const odds = p / (1 - p);
  const logPmf = (i: number) => logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p);
  if (k > n * p) {
    // Upper tail, k above the mean: terms fall from k upward.
    let term = Math.exp(logPmf(k));
    let sum = term;
    for (let i = k; i < n && term > sum * 1e-17; i++) {
      term *= ((n - i) / (i + 1)) * odds;
      sum += term;
    }
    return Math.min(1, sum);
  }
  // k at or below the mean: 1 - P(X <= k - 1), terms falling from k - 1 downward.
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let i = k - 1; i > 0 && term > sum * 1e-17; i--) {
    term *= (i / (n - i + 1)) / odds;
    sum += term;
  }
  return Math.max(0, 1 - sum);
}

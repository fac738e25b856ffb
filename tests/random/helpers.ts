// Shared statistics for the sampler tests: exact pmfs, pooled chi-square bins and a chi-square critical value.

/** Returns the Binomial(n, p) pmf for k = 0..n by the ratio recursion in logs (independent of the sampler's own maths). */
export function binomialPmf(n: number, p: number): number[] {
  // In logs, because q^n underflows for large n (0.3^1000 is 0 in doubles).
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  const pmf = [Math.exp(logPmf)];
  for (let k = 0; k < n; k++) {
    logPmf += Math.log((n - k) / (k + 1)) + logRatio;
    pmf.push(Math.exp(logPmf));
  }
  return pmf;
}

/** Returns the Poisson(mean) pmf for k = 0..kMax by the ratio recursion. */
export function poissonPmf(mean: number, kMax: number): number[] {
  const pmf = [Math.exp(-mean)];
  for (let k = 0; k < kMax; k++) pmf.push((pmf[k] * mean) / (k + 1));
  return pmf;
}

/**
 * Pearson's chi-square of observed counts against a pmf, pooling neighbouring values until every bin expects
 * at least `minExpected` draws (the tail beyond the pmf's last entry joins the last bin).
 */
export function chiSquare(counts: Map<number, number>, pmf: number[], draws: number, minExpected = 5): { stat: number; df: number } {
  const bins: { expected: number; observed: number }[] = [];
  let expected = 0;
  let observed = 0;
  for (let k = 0; k < pmf.length; k++) {
    expected += draws * pmf[k];
    observed += counts.get(k) ?? 0;
    if (expected >= minExpected) {
      bins.push({ expected, observed });
      expected = 0;
      observed = 0;
    }
  }
  // Whatever is left (a thin right tail) joins the last bin, with any draw beyond the pmf's range.
  let beyond = 0;
  for (const [k, c] of counts) if (k >= pmf.length) beyond += c;
  const last = bins[bins.length - 1];
  last.expected += expected;
  last.observed += observed + beyond;
  let stat = 0;
  for (const b of bins) stat += (b.observed - b.expected) ** 2 / b.expected;
  return { stat, df: bins.length - 1 };
}

/** Returns the 0.999 quantile of the chi-square distribution with df degrees of freedom (Wilson-Hilferty, within 1% for df >= 3). */
export function chiSquareCritical999(df: number): number {
  const z = 3.090232306167813; // standard normal 0.999 quantile
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Counts the values of `draws` samples. */
export function tally(draws: number, sample: () => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const k = sample();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Mean and (population) variance of `draws` samples, by Welford's update so large values lose no precision. */
export function moments(draws: number, sample: () => number): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= draws; i++) {
    const k = sample();
    const delta = k - mean;
    mean += delta / i;
    m2 += delta * (k - mean);
  }
  return { mean, variance: m2 / draws };
}

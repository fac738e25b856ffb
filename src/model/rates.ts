/**
 * Converts a yearly hazard of a share (the share of a stock that leaves in a year, at most 1) into the
 * probability of leaving within one month: `1 - (1 - h)^(1/12)`, so that twelve months compound to `h`.
 * A share of 1 or more is certain.
 */
export function shareHazardMonthly(yearlyShare: number): number {
  if (!(yearlyShare > 0)) return 0;
  if (yearlyShare >= 1) return 1;
  // By logarithms: Math.pow with a fractional exponent costs three times as much.
  return -Math.expm1(Math.log1p(-yearlyShare) / 12);
}

/**
 * Converts a yearly intensity (events per person-year, any size: a base rate times its factors) into the
 * probability of the event within one month, `1 - exp(-λ/12)`: never 1, so a large intensity makes the event
 * likely within a month, not certain in every run.
 */
export function intensityMonthly(yearlyIntensity: number): number {
  if (!(yearlyIntensity > 0)) return 0;
  return -Math.expm1(-yearlyIntensity / 12);
}

/**
 * How far one run's value falls outside an observation [low, high], relative to the end it misses: 0 on a
 * point, inside a range or on the right side of a bound; (low - v) / |low| below, (v - high) / |high| above
 * (the absolute miss against an end of 0); Infinity for a run without a value (NaN).
 */
export function relativeMiss(observed: { readonly low: number; readonly high: number }, value: number): number {
  if (Number.isNaN(value)) return Infinity;
  const { low, high } = observed;
  if (value < low) return (low - value) / (low === 0 ? 1 : Math.abs(low));
  if (value > high) return (value - high) / (high === 0 ? 1 : Math.abs(high));
  return 0;
}

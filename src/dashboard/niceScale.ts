/** A value axis: round bounds that hold the data and the round values to label between them. */
export interface NiceScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** Returns the smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  // A tiny tolerance keeps 0.3 / 0.1 (2.9999999999999996) from jumping to the next step.
  const m = [1, 2, 2.5, 5, 10].find((c) => c >= f - 1e-9) ?? 10;
  return m * power;
}

/**
 * Returns a value axis over [lo, hi] with about `target` intervals: bounds rounded outward to whole steps
 * so every label is a round number. A flat range is widened so it still has height.
 */
export function niceScale(lo: number, hi: number, target: number): NiceScale {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) [a, b] = [0, 1];
  if (b - a < 1e-12) {
    const pad = Math.abs(a) > 0 ? Math.abs(a) * 0.1 : 1;
    [a, b] = a >= 0 && a - pad < 0 ? [0, a + pad] : [a - pad, b + pad];
  }
  const step = niceStep((b - a) / Math.max(1, target));
  const min = Math.floor(a / step + 1e-9) * step;
  const max = Math.ceil(b / step - 1e-9) * step;
  const ticks: number[] = [];
  // Round each tick to the step's precision so labels read 0.3, not 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return { min, max, step, ticks };
}

/**
 * A finite double as the shortest text that reads back as the same double, always with a decimal point or an
 * exponent (`1234.0`, `-0.0`, `1e+21`), so a float column of whole numbers still reads as float in pandas and R.
 */
export function floatText(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return s.includes('.') || s.includes('e') || !Number.isFinite(x) ? s : `${s}.0`;
}

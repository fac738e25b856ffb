/** Formats a value for people, by unit: `12.3k`, `$1.20bn`, `81.2%`, `156`. */
export function formatNumber(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (unit === 'share') return `${(value * 100).toFixed(1)}%`;
  const usd = unit.startsWith('USD');
  const a = Math.abs(value);
  let s: string;
  // Three significant digits: the runs' spread makes more meaningless.
  if (a >= 1e9) s = `${(value / 1e9).toPrecision(3)}bn`;
  else if (a >= 1e6) s = `${(value / 1e6).toPrecision(3)}m`;
  else if (a >= 1e4) s = `${(value / 1e3).toPrecision(3)}k`;
  else if (a >= 100 || Number.isInteger(value)) s = value.toFixed(0);
  else s = value.toFixed(1);
  return usd ? `$${s}` : s;
}

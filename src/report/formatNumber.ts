const SCALES: readonly [number, string][] = [
  [1e9, 'bn'],
  [1e6, 'm'],
  [1e3, 'k'],
];

/** Formats a value for people, by unit: `12.3k`, `$1.20bn`, `81.2%`, `156`. */
export function formatNumber(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (unit === 'share') return `${(value * 100).toFixed(1)}%`;
  const sign = value < 0 ? '-' : '';
  const dollar = unit.startsWith('USD') ? '$' : '';
  const a = Math.abs(value);
  let s = a >= 100 || Number.isInteger(a) ? a.toFixed(0) : a.toFixed(1);
  // Three significant digits from ten thousand up: the spread across runs makes more meaningless.
  // Rounding is done before choosing the scale, so 999,960 reads 1.00m, not 1.00e+3k.
  for (const [scale, suffix] of SCALES) {
    if (suffix === 'k' && a < 1e4) break;
    const rounded = Number((a / scale).toPrecision(3));
    if (rounded >= 1) {
      s = rounded >= 1000 ? `${(rounded / 1000).toPrecision(3)}${nextSuffix(suffix)}` : `${(a / scale).toPrecision(3)}${suffix}`;
      break;
    }
  }
  return `${sign}${dollar}${s}`;
}

function nextSuffix(suffix: string): string {
  return suffix === 'k' ? 'm' : suffix === 'm' ? 'bn' : 'tn';
}

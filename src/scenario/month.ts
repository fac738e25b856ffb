/** Returns a month written YYYY-MM as a count of months since year 0 (so differences are month counts). */
export function monthIndex(yyyymm: string): number {
  const [y, m] = yyyymm.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** Writes a month count back as YYYY-MM. */
export function monthText(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

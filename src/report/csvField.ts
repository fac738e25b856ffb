/** A CSV field as RFC 4180 writes it: quoted, quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as a CSV cell: shortest round-trip digits; null, NaN and infinities (no value) an empty cell. */
export function csvNumber(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
}

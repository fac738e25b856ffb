/**
 * Paints one tornado bar into a row of character cells: from column `base` out to each end's column with
 * that end's glyph, the farther end first, so that when both ends lie on one side the nearer shows over it.
 */
export function paintTornadoBar(cells: string[], base: number, ends: readonly (readonly [column: number, glyph: string])[]): void {
  const byReach = [...ends].sort((x, y) => Math.abs(y[0] - base) - Math.abs(x[0] - base));
  for (const [end, glyph] of byReach) {
    const step = Math.sign(end - base);
    for (let i = base + step; step !== 0 && (end - i) * step >= 0; i += step) cells[i] = glyph;
  }
}

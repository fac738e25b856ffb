import { formatNumber } from '../report/formatNumber.js';
import { niceScale } from './niceScale.js';
import { joinCells, type Cell, type Line, type Segment, type Tone } from './segments.js';
import { columnToYear, yearLabelStep, yearToColumn } from './yearColumns.js';

/** The yearly percentiles a fan chart draws, arrays aligned with the years (null: no value that year). */
export interface Quantiles {
  readonly p5: readonly (number | null)[];
  readonly p25: readonly (number | null)[];
  readonly p50: readonly (number | null)[];
  readonly p75: readonly (number | null)[];
  readonly p95: readonly (number | null)[];
}

/** One distribution on a chart: shaded bands (`fan`) or, for a second scenario on top, outlined (`outline`). */
export interface FanSeries {
  readonly quantiles: Quantiles;
  readonly style: 'fan' | 'outline';
}

/** What the plot area draws: the series on a value range, with an optional year cursor and zero line. */
export interface PlotInput {
  readonly series: readonly FanSeries[];
  readonly width: number;
  readonly height: number;
  readonly min: number;
  readonly max: number;
  /** The year index the cursor is on. */
  readonly cursor?: number;
  readonly zeroLine?: boolean;
}

/** The characters of a fan chart; each also differs without colour, so NO_COLOR loses nothing. */
export const FAN_GLYPHS = { outer: '░', inner: '▒', median: '━', altEdge: '╌', altMedian: '•', zero: '┈', cursor: '│' } as const;

/** Where a median climbs or falls more than a row between columns, this joins the two rows so the line stays whole. */
export const MEDIAN_STEEP = '┃';

// Which mark wins a cell several marks fall in: medians over bands, bands over guides.
const RANK: Partial<Record<Tone, number>> = { cursor: 1, zero: 2, outer: 3, inner: 4, altEdge: 5, median: 6, altMedian: 7 };

/** Returns the value of a yearly series at a fractional year index, drawing straight lines between years. */
export function valueAt(values: readonly (number | null)[], f: number): number | null {
  const i = Math.max(0, Math.min(values.length - 1, Math.floor(f)));
  const j = Math.min(values.length - 1, i + 1);
  const w = f - i;
  const a = values[i] ?? null;
  const b = values[j] ?? null;
  if (w < 1e-9 || i === j) return a;
  // A year without a value (a ratio with no denominator) is not bridged: the nearer year's value stands.
  if (a === null || b === null) return w < 0.5 ? a : b;
  return a + w * (b - a);
}

/** Returns the plot row (0 at the top) a value falls in, on a range drawn over `height` rows. */
export function rowOf(v: number, min: number, max: number, height: number): number {
  const r = Math.floor(((max - v) / (max - min)) * height);
  return Math.max(0, Math.min(height - 1, r));
}

/**
 * Draws the plot area of a fan chart as rows of cells: for each column, the p5-p95 band (░) and the p25-p75
 * band (▒) shade the cells whose middle they cover, and the median (━) marks the row it falls in (┃ joins rows
 * where it moves more than one between columns); an outlined
 * series marks its p5 and p95 rows (╌) and its median (•).
 */
export function plotFan(input: PlotInput): Cell[][] {
  const { width, height, min, max } = input;
  const rows: Cell[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ({ ch: ' ', tone: 'plain' as Tone })));
  const put = (r: number, x: number, tone: keyof typeof FAN_GLYPHS, ch: string = FAN_GLYPHS[tone]) => {
    if ((RANK[rows[r][x].tone] ?? 0) < (RANK[tone] ?? 0)) rows[r][x] = { ch, tone };
  };
  const previousMedian: (number | undefined)[] = input.series.map(() => undefined);
  const centre = (r: number) => max - ((r + 0.5) * (max - min)) / height;
  const years = input.series[0]?.quantiles.p50.length ?? 0;
  const cursorX = input.cursor === undefined ? -1 : yearToColumn(input.cursor, width, years);
  for (let x = 0; x < width; x++) {
    const f = columnToYear(x, width, years);
    if (x === cursorX) for (let r = 0; r < height; r++) put(r, x, 'cursor');
    if (input.zeroLine && min < 0 && max > 0) put(rowOf(0, min, max, height), x, 'zero');
    for (const [k, s] of input.series.entries()) {
      const q = (k: keyof Quantiles) => valueAt(s.quantiles[k], f);
      const [p5, p25, p50, p75, p95] = [q('p5'), q('p25'), q('p50'), q('p75'), q('p95')];
      if (s.style === 'fan') {
        for (let r = 0; r < height; r++) {
          const c = centre(r);
          if (p5 !== null && p95 !== null && c >= p5 && c <= p95) put(r, x, 'outer');
          if (p25 !== null && p75 !== null && c >= p25 && c <= p75) put(r, x, 'inner');
        }
        const r50 = p50 === null ? undefined : rowOf(p50, min, max, height);
        const before = previousMedian[k];
        if (r50 !== undefined && before !== undefined) {
          for (let r = Math.min(r50, before) + 1; r < Math.max(r50, before); r++) put(r, x, 'median', MEDIAN_STEEP);
        }
        if (r50 !== undefined) put(r50, x, 'median');
        previousMedian[k] = r50;
      } else {
        if (p5 !== null) put(rowOf(p5, min, max, height), x, 'altEdge');
        if (p95 !== null) put(rowOf(p95, min, max, height), x, 'altEdge');
        if (p50 !== null) put(rowOf(p50, min, max, height), x, 'altMedian');
      }
    }
  }
  return rows;
}

/** Returns the lowest and highest values a chart must show: every band, and zero where the data come near it. */
export function dataRange(series: readonly FanSeries[], zeroLine = false): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const k of ['p5', 'p50', 'p95'] as const) {
      for (const v of s.quantiles[k]) {
        if (v === null || !Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  // Start at zero when the data come within reach of it, so bands read as amounts; otherwise zoom in.
  if (zeroLine || (lo > 0 && lo < 0.4 * hi)) lo = Math.min(lo, 0);
  if (zeroLine || (hi < 0 && hi > 0.4 * lo)) hi = Math.max(hi, 0);
  return [lo, hi];
}

/** What a whole fan chart needs: the series, the years and unit they are in, and the size to fill. */
export interface FanChartInput {
  readonly series: readonly FanSeries[];
  readonly years: readonly number[];
  readonly unit: string;
  /** Total width: the value labels, the axis and the plot. */
  readonly width: number;
  /** Total height: the plot and two lines of year axis. */
  readonly height: number;
  /** Width of the value labels left of the axis. */
  readonly labelWidth: number;
  readonly cursor?: number;
  readonly zeroLine?: boolean;
}

/**
 * Draws a fan chart with its axes as lines of segments: value labels (formatted like the tables: 25.0k,
 * $1.20bn, 80.0%) at round values left of the axis, the plot, then the year axis with the cursor's year marked.
 */
export function fanChart(input: FanChartInput): Line[] {
  const { labelWidth, years, unit } = input;
  const plotWidth = Math.max(1, input.width - labelWidth - 1);
  const height = Math.max(1, input.height - 2);
  const [lo, hi] = dataRange(input.series, input.zeroLine);
  const scale = niceScale(lo, hi, Math.max(1, Math.floor(height / 3)));
  const cells = plotFan({ series: input.series, width: plotWidth, height, min: scale.min, max: scale.max, cursor: input.cursor, zeroLine: input.zeroLine });
  const labels = new Map<number, string>();
  for (const t of scale.ticks) {
    const r = rowOf(t, scale.min, scale.max, height);
    if (!labels.has(r)) labels.set(r, formatNumber(t, unit));
  }
  const lines: Line[] = cells.map((row, r) => {
    const label = labels.get(r);
    const left: Segment = { text: `${(label ?? '').slice(0, labelWidth).padStart(labelWidth)}${label === undefined ? '│' : '┤'}`, tone: 'axis' };
    return [left, ...joinCells(row)];
  });
  return [...lines, ...yearAxis(years, plotWidth, labelWidth, input.cursor)];
}

/** Draws the year axis under a plot: ticks at round years, their labels, and the cursor's year marked ▲. */
export function yearAxis(years: readonly number[], plotWidth: number, labelWidth: number, cursor?: number): Line[] {
  const n = years.length;
  const step = yearLabelStep(n, plotWidth);
  const axis: Cell[] = Array.from({ length: plotWidth }, () => ({ ch: '─', tone: 'axis' as Tone }));
  const text: Cell[] = Array.from({ length: plotWidth }, () => ({ ch: ' ', tone: 'axis' as Tone }));
  const free = Array.from({ length: plotWidth }, () => true);
  const place = (i: number, tone: Tone) => {
    const label = String(years[i]);
    const x = yearToColumn(i, plotWidth, n);
    const start = Math.max(0, Math.min(plotWidth - label.length, x - Math.floor(label.length / 2)));
    // Keep a blank column between labels so neighbours never run together.
    for (let k = start - 1; k <= start + label.length; k++) if (k >= 0 && k < plotWidth && !free[k]) return;
    for (let k = 0; k < label.length; k++) {
      text[start + k] = { ch: label[k], tone };
      free[start + k] = false;
    }
  };
  if (cursor !== undefined && cursor >= 0 && cursor < n) place(cursor, 'highlight');
  years.forEach((y, i) => {
    if (y % step !== 0) return;
    axis[yearToColumn(i, plotWidth, n)] = { ch: '┬', tone: 'axis' };
    place(i, 'axis');
  });
  if (cursor !== undefined && cursor >= 0 && cursor < n) axis[yearToColumn(cursor, plotWidth, n)] = { ch: '▲', tone: 'highlight' };
  const pad = ' '.repeat(labelWidth);
  return [
    [{ text: `${pad}└`, tone: 'axis' }, ...joinCells(axis)],
    [{ text: `${pad} `, tone: 'axis' }, ...joinCells(text)],
  ];
}

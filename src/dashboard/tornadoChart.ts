import { formatNumber } from '../report/formatNumber.js';
import { TORNADO_QUANTILES, type TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import { paintTornadoBar } from '../sensitivity/paintTornadoBar.js';

/** The tornado's glyphs: from the base to the metric at a parameter's p10, to it at its p90, and the base. */
export const TORNADO_GLYPHS = { low: '░', high: '█', base: '│', axis: '─', baseMark: '┴' } as const;

/** A tornado drawn as text lines of one width: a header, a row a bar, an axis marking the base. */
export interface TornadoChart {
  readonly header: string;
  /** One per bar shown, by decreasing swing: name, metric at p10, the bar, metric at p90. */
  readonly rows: readonly string[];
  /** The axis under the bars with the base marked, then the base's value under the mark. */
  readonly axis: readonly [string, string];
  /** Bars left out for want of room (those of the smallest swings). */
  readonly hidden: number;
}

const VALUE = 8;
const MIN_NAME = 9;

/**
 * Fits a name in `width` characters, cut in the middle (…) when too long: parameter names that share a
 * beginning (venezuelaDoctorShareEarly, venezuelaDoctorShareLate) differ at their end.
 */
function fit(name: string, width: number): string {
  if (name.length <= width) return name.padEnd(width);
  const head = Math.ceil((width - 1) / 2);
  return `${name.slice(0, head)}…${name.slice(name.length - (width - 1 - head))}`;
}

/**
 * Draws a tornado in `width` columns with at most `maxBars` bars, largest swing first: each bar runs from the
 * base (every parameter at its median) to the metric with the parameter at its p10 (░) and at its p90 (█), on
 * a value axis from the lowest to the highest of them; where both ends lie on one side, the shorter is drawn
 * over the longer so both show. Values are formatted by the metric's unit.
 */
export function tornadoChart(report: Pick<TornadoReport, 'base' | 'unit' | 'bars'>, width: number, maxBars: number): TornadoChart {
  const g = TORNADO_GLYPHS;
  const shown = [...report.bars].sort((a, b) => Math.abs(b.high.metric - b.low.metric) - Math.abs(a.high.metric - a.low.metric)).slice(0, Math.max(0, maxBars));
  const nameWidth = Math.max(MIN_NAME, Math.min(Math.floor(width * 0.3), Math.max(0, ...shown.map((b) => b.parameter.length))));
  const plot = Math.max(3, width - nameWidth - 2 * VALUE - 3);
  const ends = shown.flatMap((b) => [b.low.metric, b.high.metric]);
  const lo = Math.min(report.base, ...ends);
  const hi = Math.max(report.base, ...ends);
  const col = (x: number) => (hi > lo ? Math.round(((x - lo) / (hi - lo)) * (plot - 1)) : Math.floor((plot - 1) / 2));
  const base = col(report.base);
  const fmt = (x: number) => formatNumber(x, report.unit);
  const rows = shown.map((b) => {
    const cells = Array.from({ length: plot }, () => ' ');
    cells[base] = g.base;
    paintTornadoBar(cells, base, [
      [col(b.low.metric), g.low],
      [col(b.high.metric), g.high],
    ]);
    return `${fit(b.parameter, nameWidth)} ${fmt(b.low.metric).padStart(VALUE)} ${cells.join('')} ${fmt(b.high.metric)}`;
  });
  const [p10, p90] = [shown[0]?.low.quantile ?? TORNADO_QUANTILES[0], shown[0]?.high.quantile ?? TORNADO_QUANTILES[1]].map((q) => `p${Math.round(q * 100)}`);
  const margin = ' '.repeat(nameWidth + VALUE + 2);
  const label = `base ${fmt(report.base)}`;
  const labelAt = base + label.length <= plot + VALUE ? base : Math.max(0, base + 1 - label.length);
  return {
    header: `${'parameter'.padEnd(nameWidth)} ${`at ${p10}`.padStart(VALUE)} ${' '.repeat(plot)} at ${p90}`,
    rows,
    axis: [`${margin}${g.axis.repeat(base)}${g.baseMark}${g.axis.repeat(plot - base - 1)}`, `${margin}${' '.repeat(labelAt)}${label}`],
    hidden: report.bars.length - shown.length,
  };
}

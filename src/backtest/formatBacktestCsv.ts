import { csvField, csvNumber } from '../report/csvField.js';
import { anchorText } from './parseAnchors.js';
import type { BacktestReport } from './runBacktest.js';

/**
 * Prints a back-test as tidy CSV, one row per target, the rows of the table:
 * `id,series,metric,period,kind,observedLow,observedHigh,unit,set,anchor,family,p5,p50,p95,inside,pinned,relativeError`
 * (an open end of a bound is an empty cell; `anchor` as in the targets file; `inside` and `pinned` are `true` or `false`).
 */
export function formatBacktestCsv(report: BacktestReport): string {
  const lines = ['id,series,metric,period,kind,observedLow,observedHigh,unit,set,anchor,family,p5,p50,p95,inside,pinned,relativeError'];
  for (const { target: t, band, inside, pinned, relativeError } of report.results) {
    const text = [t.id, t.series, t.metricText, t.periodText, t.kind].map(csvField);
    const numbers = [t.low, t.high].map(csvNumber);
    const judged = [csvNumber(band.p5), csvNumber(band.p50), csvNumber(band.p95), String(inside), String(pinned), csvNumber(relativeError)];
    lines.push([...text, ...numbers, csvField(t.unit), t.set, anchorText(t.anchor), t.family, ...judged].join(','));
  }
  return `${lines.join('\n')}\n`;
}

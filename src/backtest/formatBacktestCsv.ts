import { csvField, csvNumber } from '../report/csvField.js';
import type { BacktestReport } from './runBacktest.js';

/**
 * Prints a back-test as tidy CSV, one row per target, the rows of the table:
 * `id,series,metric,period,kind,observedLow,observedHigh,unit,set,p5,p50,p95,inside,relativeError`
 * (an open end of a bound is an empty cell; `inside` is `true` or `false`).
 */
export function formatBacktestCsv(report: BacktestReport): string {
  const lines = ['id,series,metric,period,kind,observedLow,observedHigh,unit,set,p5,p50,p95,inside,relativeError'];
  for (const { target: t, band, inside, relativeError } of report.results) {
    const text = [t.id, t.series, t.metricText, t.periodText, t.kind].map(csvField);
    const numbers = [t.low, t.high].map(csvNumber);
    lines.push([...text, ...numbers, csvField(t.unit), t.set, csvNumber(band.p5), csvNumber(band.p50), csvNumber(band.p95), String(inside), csvNumber(relativeError)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

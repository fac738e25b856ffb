import { VERSION } from '../version.js';
import { anchorEntries } from './parseAnchors.js';
import type { BacktestReport } from './runBacktest.js';

/** Prints a back-test as JSON: every target with its observation, band and verdict, then the summary. */
export function formatBacktestJson(report: BacktestReport): string {
  const results = report.results.map(({ target: t, band, inside, pinned, relativeError }) => ({
    id: t.id,
    series: t.series,
    metric: t.metricText,
    period: t.periodText,
    kind: t.kind,
    // Bounds are open on one side; JSON has no infinity, so a bound gives its one value.
    observed: t.kind === 'range' ? { low: t.low, high: t.high } : { value: t.kind === 'upper_bound' ? t.high : t.low },
    unit: t.unit,
    source: t.source,
    evidence: t.evidence,
    fit: t.set,
    // The anchor cell's entries, `[]` for none.
    anchor: anchorEntries(t.anchor),
    family: t.family,
    note: t.note,
    p5: band.p5,
    p50: band.p50,
    p95: band.p95,
    inside,
    pinned,
    relativeError,
  }));
  const { scenario, targetsFile, seed, runs, summary } = report;
  return `${JSON.stringify({ brigadas: VERSION, scenario, targets: targetsFile, seed, runs, results, summary }, null, 2)}\n`;
}

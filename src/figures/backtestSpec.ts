import type { TopLevelSpec } from 'vega-lite';
import type { BacktestReport } from '../backtest/runBacktest.js';
import type { TargetResult } from '../backtest/judgeTarget.js';
import type { ChartManifest } from './chartManifest.js';
import { chartFrame } from './chartFrame.js';
import { scenarioStyle } from './palette.js';

/** A back-test chart's input: the back-test (whose scenario, runs and seed are the caption's manifest). */
export interface BacktestChartInput {
  readonly report: BacktestReport;
  readonly width: number;
}

/** Where the ratio axis stops: a band beyond three times the observation is drawn to the edge. */
const MAX_RATIO = 3;

/** One target as the chart draws it: the model's band and median, and the observation, each over the observation's reference value. */
export interface BacktestRow {
  readonly label: string;
  readonly verdict: 'met' | 'missed';
  readonly lo: number;
  readonly med: number;
  readonly hi: number;
  readonly obsLo: number;
  readonly obsHi: number;
}

const clamp = (x: number) => Math.max(0, Math.min(MAX_RATIO, x));

/**
 * The targets a back-test chart can draw, in the report's order: each counted target with a band and a
 * non-zero reference value (a point itself, a range's middle, a bound's finite end), scaled by it so targets
 * of every unit share one axis, where 1 is the observation.
 */
export function backtestRows(results: readonly TargetResult[]): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const r of results) {
    const { target: t, band } = r;
    if (t.set === 'excluded' || band.p5 === null || band.p50 === null || band.p95 === null) continue;
    const ref = Number.isFinite(t.low) && Number.isFinite(t.high) ? (t.low + t.high) / 2 : Number.isFinite(t.low) ? t.low : t.high;
    if (!Number.isFinite(ref) || ref === 0) continue;
    const ratio = (x: number) => (Number.isFinite(x) ? clamp(x / ref) : x > 0 ? MAX_RATIO : 0);
    rows.push({ label: `${t.id} ${t.metricText} ${t.periodText}`, verdict: r.inside ? 'met' : 'missed', lo: ratio(band.p5), med: ratio(band.p50), hi: ratio(band.p95), obsLo: ratio(t.low), obsHi: ratio(t.high) });
  }
  return rows;
}

/**
 * The Vega-Lite spec of a back-test plot: a row per target, the observation as a grey band (a point as a
 * tick) at 1, the model's 5-95 band as a bar and its median as a tick, misses in a second colour and
 * marked with a cross, so they read in greyscale too.
 */
export function backtestSpec(input: BacktestChartInput): TopLevelSpec {
  const rows = backtestRows(input.report.results);
  const s = input.report.summary;
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400, labelFontSize: 9 } };
  const x = (field: string) => ({ field, type: 'quantitative', scale: { domain: [0, MAX_RATIO], clamp: true }, title: 'the model over the observation (1 = the observed figure)' });
  const colour = { field: 'verdict', type: 'nominal', scale: { domain: ['met', 'missed'], range: [scenarioStyle(0).colour, scenarioStyle(1).colour] }, legend: { title: null, orient: 'top' } };
  return {
    ...chartFrame(
      `Back-test: ${s.all.inside} of ${s.all.targets} targets in the model's 5-95 band`,
      [`Grey: the observation (a range or a bound to the edge); bar: the model's 5th-95th percentile band; tick: its median; x: a miss. Held out and anchor-free: ${s.heldoutAnchorFree.inside} of ${s.heldoutAnchorFree.targets}.`],
      { scenarios: [input.report.scenario], runs: input.report.runs, seed: input.report.seed, design: 'mc' } satisfies ChartManifest,
    ),
    width: input.width,
    height: { step: 13 },
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color: '#bbbbbb', height: 11 }, encoding: { y, x: x('obsLo'), x2: { field: 'obsHi' } } },
      { mark: { type: 'tick', color: '#777777', thickness: 2, size: 11 }, encoding: { y, x: x('obsLo') } },
      { mark: { type: 'bar', height: 5 }, encoding: { y, x: x('lo'), x2: { field: 'hi' }, color: colour } },
      { mark: { type: 'tick', thickness: 2, size: 11 }, encoding: { y, x: x('med'), color: colour } },
      { transform: [{ filter: "datum.verdict === 'missed'" }], mark: { type: 'point', shape: 'cross', filled: true, size: 50, color: scenarioStyle(1).colour }, encoding: { y, x: { value: input.width - 8 } } },
    ],
  } as unknown as TopLevelSpec;
}

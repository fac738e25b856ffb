import type { TopLevelSpec } from 'vega-lite';
import type { MetricReport } from '../report/runReport.js';
import type { ChartManifest } from './chartManifest.js';
import { chartFrame } from './chartFrame.js';
import { INK, scenarioStyle } from './palette.js';
import type { PolicyStripRow } from './policyStrip.js';

/** One scenario's summaries of the charted metric (or one alternative's differences from the baseline). */
export interface FanSeries {
  readonly name: string;
  readonly report: MetricReport;
}

/** Everything a fan chart draws: the metric's summaries per scenario, the differences, the policy strip, the caption. */
export interface FanChartInput {
  readonly metric: string;
  readonly unit: string;
  /** The years the reports' arrays are aligned with. */
  readonly years: readonly number[];
  /** The first and last year drawn (default: all of them). */
  readonly from?: number;
  readonly to?: number;
  /** The baseline first. */
  readonly series: readonly FanSeries[];
  /** Per alternative, in the order of `series` after the baseline, the run-by-run difference from the baseline. */
  readonly differences?: readonly FanSeries[];
  readonly strip?: readonly PolicyStripRow[];
  readonly manifest: ChartManifest;
  /** Plot width and height of the main panel, in pixels. */
  readonly width: number;
  readonly height: number;
}

/** A row of a fan chart's data: one scenario's percentiles in one year. */
interface BandRow {
  readonly scenario: string;
  readonly year: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** What the bands and the line are, said once under the title. */
export const BAND_NOTE = 'Bands: 5th-95th and 25th-75th percentiles of the runs; line: the median.';

// Years with no value (a ratio with nothing to divide by) leave a gap rather than a made-up zero.
function bandRows(series: readonly FanSeries[], years: readonly number[], from: number, to: number): BandRow[] {
  const rows: BandRow[] = [];
  for (const s of series) {
    years.forEach((year, i) => {
      if (year < from || year > to) return;
      const r = s.report;
      const v = [r.p5[i], r.p25[i], r.p50[i], r.p75[i], r.p95[i]];
      if (v.some((x) => x === null || !Number.isFinite(x))) return;
      const [p5, p25, p50, p75, p95] = v as number[];
      rows.push({ scenario: s.name, year, p5, p25, p50, p75, p95 });
    });
  }
  return rows;
}

// The x axis every panel shares: whole calendar years, printed without a thousands separator.
function yearAxis(from: number, to: number) {
  return { field: 'year', type: 'quantitative' as const, scale: { domain: [from, to], nice: false, zero: false }, axis: { format: 'd', title: null as string | null, tickMinStep: 1 } };
}

// The bands and the median of each series, coloured and dashed by scenario; `offset` is the index of the
// first series among the chart's scenarios (a difference panel starts at the first alternative's style).
function fanLayers(names: readonly string[], offset: number, from: number, to: number, yTitle: string) {
  const legend = offset === 0 && names.length > 1 ? { title: null, orient: 'top' as const, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 600 } : null;
  const colour = { field: 'scenario', type: 'nominal' as const, sort: [...names], scale: { domain: [...names], range: names.map((_, i) => scenarioStyle(i + offset).colour) }, legend };
  const dash = { field: 'scenario', type: 'nominal' as const, sort: [...names], scale: { domain: [...names], range: names.map((_, i) => [...scenarioStyle(i + offset).dash]) }, legend };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: yTitle, scale: { zero: false } });
  return [
    { mark: { type: 'area' as const, opacity: 0.16 }, encoding: { x: yearAxis(from, to), y: y('p5'), y2: { field: 'p95' }, color: colour } },
    { mark: { type: 'area' as const, opacity: 0.3 }, encoding: { x: yearAxis(from, to), y: y('p25'), y2: { field: 'p75' }, color: colour } },
    { mark: { type: 'line' as const, strokeWidth: 2 }, encoding: { x: yearAxis(from, to), y: y('p50'), color: colour, strokeDash: dash } },
  ];
}

/**
 * The Vega-Lite spec of a fan chart: per scenario the 5-95 and 25-75 percentile bands and the median of a
 * metric across years, as the dashboard draws it; with alternatives, a second panel of the run-by-run
 * differences from the baseline (with a rule at zero); under them the policy timeline; over them a title
 * and a caption of the scenarios, runs, seed, design and version. The y axes are in the metric's units.
 */
export function fanChartSpec(input: FanChartInput): TopLevelSpec {
  const from = input.from ?? input.years[0];
  const to = input.to ?? input.years[input.years.length - 1];
  const names = input.series.map((s) => s.name);
  const panels: AxisPanel[] = [
    { width: input.width, height: input.height, data: { values: bandRows(input.series, input.years, from, to) }, layer: fanLayers(names, 0, from, to, `${input.metric} (${input.unit})`) },
  ];
  const differences = input.differences ?? [];
  if (differences.length > 0) {
    panels.push({
      width: input.width,
      height: Math.round(input.height * 0.6),
      title: { text: 'Difference from the baseline, run by run (alternative minus baseline)', anchor: 'start', fontSize: 12 },
      layer: [
        { data: { values: bandRows(differences, input.years, from, to) }, layer: fanLayers(differences.map((d) => d.name), 1, from, to, `difference (${input.unit})`) },
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: INK, strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      ],
    });
  }
  const strip = input.strip ?? [];
  if (strip.length > 0) panels.push(stripPanel(strip, input.width, from, to));
  markLastAxis(panels[panels.length - 1]);
  return {
    ...chartFrame(`${input.metric}, ${from}-${to}`, [BAND_NOTE], input.manifest, { labelLimit: 600 }),
    vconcat: panels,
    // The difference panel has its own colours: the alternatives', not a shared legend of every scenario.
    resolve: { scale: { color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } },
    spacing: 18,
  } as unknown as TopLevelSpec;
}

/** A panel of a chart as this module builds it, loosely typed: enough to find the year axes in it. */
interface AxisPanel {
  readonly [key: string]: unknown;
  readonly layer?: readonly AxisPanel[];
  readonly encoding?: { readonly [channel: string]: unknown; readonly x?: { readonly axis?: { title: string | null } } };
}

// Only the bottom panel titles its year axis (the panels above share its years).
function markLastAxis(panel: AxisPanel): void {
  if (panel.encoding?.x?.axis) panel.encoding.x.axis.title = 'year';
  for (const l of panel.layer ?? []) markLastAxis(l);
}

/** The policy timeline under a chart: a row per lever, shaded by its level, over the same years. */
function stripPanel(strip: readonly PolicyStripRow[], width: number, from: number, to: number): AxisPanel {
  const levers = [...new Set(strip.map((r) => r.lever))];
  const rows = strip.filter((r) => r.year >= from && r.year <= to).map((r) => ({ ...r, end: Math.min(to, r.year + 1) }));
  return {
    width,
    height: 14 * levers.length,
    title: { text: 'Policies (shade: how far each lever is towards its highest level)', anchor: 'start', fontSize: 11, fontWeight: 'normal' },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: yearAxis(from, to),
          x2: { field: 'end' },
          y: { field: 'lever', type: 'nominal', sort: levers, title: null, axis: { labelLimit: 600 } },
          fill: { value: INK },
          fillOpacity: { field: 'level', type: 'quantitative', scale: { domain: [0, 1], range: [0.04, 0.9] }, legend: null },
        },
      },
    ],
  };
}

import { formatNumber } from '../report/formatNumber.js';
import { RANDOM_STREAMS, type MorrisReport, type SensitivityReport, type SobolReport, type TornadoReport } from './analyzeSensitivity.js';
import { paintTornadoBar } from './paintTornadoBar.js';

const NAME = 30;
const HALF_BAR = 20;
/** The most pairs of second-order indices the table lists (CSV and JSON list every pair). */
export const SECOND_ORDER_ROWS = 15;

/**
 * Prints a sensitivity analysis as plain text: a header, then one ranked row per parameter with a bar, and
 * for Sobol with second order the SECOND_ORDER_ROWS largest pairs by |S2|.
 */
export function formatSensitivityTable(report: SensitivityReport): string {
  const lines = [
    report.versus === undefined
      ? `brigadas ${report.brigadas}  sensitivity of ${report.metric} in ${report.year} (${report.unit})  scenario: ${report.scenario.name} (${report.scenario.file})`
      : `brigadas ${report.brigadas}  sensitivity of the effect on ${report.metric} in ${report.year} (${report.unit}) of ${report.versus.name} (${report.versus.file}) against ${report.scenario.name} (${report.scenario.file}), run by run`,
    `method: ${report.method}  seed: ${report.seed}  ${SAMPLES[report.method]}: ${report.samples}  model runs: ${report.modelRuns}  uncertain parameters: ${report.factors.length}`,
  ];
  if (report.method === 'tornado') lines.push(...tornadoLines(report));
  else if (report.method === 'morris') lines.push(...morrisLines(report));
  else lines.push(...sobolLines(report));
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

const SAMPLES = { tornado: 'runs per bar', morris: 'trajectories', sobol: 'base samples' } as const;

/** Formats a parameter's value: three significant digits, with k/m/bn from ten thousand up. */
function value(x: number): string {
  return Math.abs(x) >= 1e4 ? formatNumber(x, '') : String(+x.toPrecision(3));
}

function columns(widths: readonly number[], cells: readonly string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join(' ');
}

function tornadoLines(r: TornadoReport): string[] {
  const m = (x: number) => formatNumber(x, r.unit);
  const widths = [NAME, 10, 10, 10, 10, 10];
  const scale = Math.max(...r.bars.map((b) => Math.max(Math.abs(b.low.metric - r.base), Math.abs(b.high.metric - r.base))), 0);
  const [lo, hi] = [r.bars[0]?.low.quantile ?? 0.1, r.bars[0]?.high.quantile ?? 0.9].map((q) => `p${Math.round(q * 100)}`);
  const lines = [
    `each uncertain parameter at its ${lo} and at its ${hi}, the others at their medians; the metric is its mean over runs 0-${r.samples - 1}, the same runs for every bar`,
    `bars: '-' from the base to the metric at the parameter's ${lo}, '+' to the metric at its ${hi}`,
    `base (every parameter at its median): ${m(r.base)}`,
    '',
    columns(widths, ['parameter', `${lo} value`, 'metric', `${hi} value`, 'metric', 'swing']),
  ];
  for (const b of r.bars) {
    lines.push(`${columns(widths, [b.parameter, value(b.low.value), m(b.low.metric), value(b.high.value), m(b.high.metric), m(b.swing)])}  ${tornadoBar(b.low.metric - r.base, b.high.metric - r.base, scale)}`);
  }
  return lines;
}

// The bar of one parameter: '-' from the base to where its p10 takes the metric, '+' to where its p90 does.
function tornadoBar(low: number, high: number, scale: number): string {
  const cells = Array.from({ length: 2 * HALF_BAR + 1 }, () => ' ');
  cells[HALF_BAR] = '|';
  const column = (d: number) => HALF_BAR + Math.sign(d) * (scale > 0 ? Math.round((Math.abs(d) / scale) * HALF_BAR) : 0);
  paintTornadoBar(cells, HALF_BAR, [
    [column(low), '-'],
    [column(high), '+'],
  ]);
  return cells.join('').trimEnd();
}

function bar(fraction: number, width: number, mark = '#'): string {
  return mark.repeat(Math.max(0, Math.round(Math.min(1, fraction) * width)));
}

function morrisLines(r: MorrisReport): string[] {
  const m = (x: number) => formatNumber(x, r.unit);
  const widths = [NAME, 10, 10, 10];
  const top = r.effects[0]?.muStar ?? 0;
  const lines = [
    `elementary effects: ${r.samples} trajectories on a ${r.levels}-level grid of quantiles from 0.001 to 0.999, each moving one parameter at a time by ${+r.delta.toFixed(3)}`,
    'effects are changes of the metric per unit of quantile; each trajectory runs on one set of random numbers',
    'mu*: mean |effect| (importance); mu: mean effect (its sign: the direction); sigma: spread (non-linearity, interactions)',
    '',
    `${columns(widths, ['parameter', 'mu*', 'mu', 'sigma'])}  mu*`,
  ];
  for (const e of r.effects) {
    lines.push(`${columns(widths, [e.parameter, m(e.muStar), m(e.mu), m(e.sigma)])}  ${bar(top > 0 ? e.muStar / top : 0, 2 * HALF_BAR)}`);
  }
  return lines;
}

function sobolLines(r: SobolReport): string[] {
  // Rounding must not print a tiny negative estimate as -0.000.
  const x = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(3).replace(/^-(0\.0+)$/, '$1'));
  const ci = (e: { low: number; high: number }) => `${x(e.low)} to ${x(e.high)}`;
  const widths = [NAME, 7, 16, 7, 16];
  const pct = Math.round(r.confidence * 100);
  const lines = [
    `variance-based indices of the metric across parameters and runs (mean ${formatNumber(r.mean, r.unit)}, sd ${formatNumber(Math.sqrt(r.variance), r.unit)})`,
    'S1: first-order index (the parameter alone); ST: total index (with all its interactions); ranked by ST',
    `${pct}% bootstrap intervals (${r.resamples} resamples); bar on a scale of 0 to 1: # S1, = ST - S1 (interactions)`,
    '',
    `${columns(widths, ['parameter', 'S1', `${pct}% interval`, 'ST', `${pct}% interval`])}  0${' '.repeat(2 * HALF_BAR - 2)}1`,
  ];
  const row = (name: string, s1: SobolReport['randomStreams']['firstOrder'], st: SobolReport['randomStreams']['total']) => {
    const first = bar(Math.max(0, s1.estimate), 2 * HALF_BAR);
    const rest = '='.repeat(Math.max(0, bar(Math.max(0, st.estimate), 2 * HALF_BAR).length - first.length));
    return `${columns(widths, [name, x(s1.estimate), ci(s1), x(st.estimate), ci(st)])}  ${first}${rest}`;
  };
  for (const e of r.indices) lines.push(row(e.parameter, e.firstOrder, e.total));
  lines.push(row(RANDOM_STREAMS, r.randomStreams.firstOrder, r.randomStreams.total));
  const sumFirst = r.indices.reduce((a, e) => a + e.firstOrder.estimate, r.randomStreams.firstOrder.estimate);
  lines.push('', `sum of S1: ${x(sumFirst)} (1 - sum: the share of variance from interactions)`);
  if (r.secondOrder !== undefined) lines.push(...secondOrderLines(r.secondOrder, pct, x, ci));
  return lines;
}

function secondOrderLines(pairs: NonNullable<SobolReport['secondOrder']>, pct: number, x: (v: number) => string, ci: (e: { low: number; high: number }) => string): string[] {
  const shown = pairs.slice(0, SECOND_ORDER_ROWS);
  const label = (p: (typeof pairs)[number]) => p.parameters.join(' & ');
  // Two names rarely fit the one-name column: widen it to the longest pair shown.
  const widths = [Math.max(NAME, ...shown.map((p) => label(p).length)), 7, 16];
  const lines = [
    '',
    'S2: second-order index of a pair, its interaction alone beyond both S1 (Saltelli 2002, as SALib); ranked by |S2|',
    `${pct}% bootstrap intervals; S2 is noisier than S1: an interval across 0 shows no interaction`,
    '',
    `${columns(widths, ['pair', 'S2', `${pct}% interval`])}  0${' '.repeat(2 * HALF_BAR - 2)}1`,
  ];
  for (const p of shown) lines.push(`${columns(widths, [label(p), x(p.estimate), ci(p)])}  ${bar(Math.max(0, p.estimate), 2 * HALF_BAR)}`);
  const more = pairs.length - shown.length;
  if (more > 0) lines.push(`... and ${more} more pair${more === 1 ? '' : 's'}, each |S2| at most ${x(Math.abs(pairs[shown.length].estimate))} (every pair in --format csv or json)`);
  return lines;
}

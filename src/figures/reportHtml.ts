import type { BacktestReport } from '../backtest/runBacktest.js';
import type { CompareReport } from '../compare/compareScenarios.js';
import { quantile } from '../random/distribution.js';
import { formatNumber } from '../report/formatNumber.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import { VERSION } from '../version.js';
import { escapeXml } from './escapeXml.js';

/** What a report holds: the comparison's numbers, a chart per headline metric, the back-test and the scenarios. */
export interface ReportInput {
  /** The numbers `compare --format json` gives (with no alternatives: the baseline alone). */
  readonly compare: CompareReport;
  /** The baseline first, then the alternatives in the comparison's order. */
  readonly scenarios: readonly CompiledScenario[];
  /** The fan chart of each headline metric, as SVG. */
  readonly charts: readonly { readonly metric: string; readonly svg: string }[];
  /** The years of the tables. */
  readonly years: readonly number[];
  readonly design: string;
  readonly backtest?: BacktestReport;
  /** The back-test plot, as SVG. */
  readonly backtestChart?: string;
  /** Tornado analyses of the headline figures (or of the first alternative's effect on them), each with its chart. */
  readonly sensitivity?: readonly { readonly report: TornadoReport; readonly svg: string }[];
}

const STYLE = `
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; color: #222; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; } th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #e3e3e3; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.text, th.text { text-align: left; } th { background: #f3f3f3; }
figure { margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
.manifest td { text-align: left; } .miss { color: #a33; font-weight: bold; } .note { color: #555; font-size: 0.85rem; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; break-after: avoid; } table { page-break-inside: avoid; break-inside: avoid; } }
`;

// A number as people read it, with the exact value (as JSON gives it) in data-value for a machine.
function cell(value: number | null, unit: string, signed = false): string {
  const text = value === null ? '-' : `${signed && value > 0 ? '+' : ''}${formatNumber(value, unit)}`;
  return `<td data-value="${value === null ? '' : String(value)}">${escapeXml(text)}</td>`;
}

function manifestSection(input: ReportInput): string {
  const r = input.compare;
  const rows = [
    ['brigadas', r.brigadas],
    ['seed', String(r.seed)],
    ['runs per scenario', String(r.runs)],
    ['design', input.design],
    ...[r.baseline, ...r.alternatives].map((k, i) => [i === 0 ? 'baseline' : 'alternative', `${k}: ${r.scenarios[k].scenario.file}, sha256 ${r.scenarios[k].scenario.sha256}`]),
  ];
  return `<h2 id="manifest">Run manifest</h2><table class="manifest">${rows.map(([k, v]) => `<tr><th>${escapeXml(k)}</th><td>${escapeXml(v)}</td></tr>`).join('')}</table>
<p class="note">Run it again: <code>${escapeXml(againCommand(input))}</code> gives the numbers of this report${r.alternatives.length > 0 ? '' : ' (the scenario\'s report in the embedded JSON)'}.</p>`;
}

// `compare` needs an alternative; a report of one scenario has the numbers `run` gives.
function againCommand(input: ReportInput): string {
  const r = input.compare;
  const files = [r.baseline, ...r.alternatives].map((k) => r.scenarios[k].scenario.file).join(' ');
  return `brigadas ${r.alternatives.length > 0 ? 'compare' : 'run'} ${files} --runs ${r.runs} --seed ${r.seed} --design ${input.design} --format json`;
}

function comparisonSection(input: ReportInput, metrics: readonly string[]): string {
  const r = input.compare;
  const idx = input.years.map((y) => r.years.indexOf(y));
  const base = r.scenarios[r.baseline];
  const parts: string[] = [];
  for (const m of metrics) {
    const unit = base.metrics[m].unit;
    const head = `<tr><th>${escapeXml(m)} (${escapeXml(unit)})</th>${input.years.map((y) => `<th>${y}</th>`).join('')}</tr>`;
    const rows = [r.baseline, ...r.alternatives].map((k) => `<tr><td class="text">${escapeXml(k)}: median</td>${idx.map((i) => cell(r.scenarios[k].metrics[m]?.p50[i] ?? null, unit)).join('')}</tr>`);
    for (const a of r.alternatives) {
      const d = r.differences[a]?.[m];
      if (d === undefined) continue;
      rows.push(`<tr><td class="text">difference, median</td>${idx.map((i) => cell(d.p50[i], unit, true)).join('')}</tr>`);
      rows.push(`<tr><td class="text">difference, 5th percentile</td>${idx.map((i) => cell(d.p5[i], unit, true)).join('')}</tr>`);
      rows.push(`<tr><td class="text">difference, 95th percentile</td>${idx.map((i) => cell(d.p95[i], unit, true)).join('')}</tr>`);
      rows.push(`<tr><td class="text">runs with an increase</td>${idx.map((i) => cell(d.probabilityPositive[i], 'share')).join('')}</tr>`);
    }
    parts.push(`<table data-metric="${escapeXml(m)}">${head}${rows.join('')}</table>`);
  }
  const what = r.alternatives.length > 0 ? 'Medians of each scenario, and the run-by-run differences (alternative minus baseline, on common random numbers) with their 90% range.' : 'Medians of each metric.';
  return `<h2 id="comparison">${r.alternatives.length > 0 ? 'Comparison' : 'Headline figures'}</h2><p class="note">${what}</p>${parts.join('')}`;
}

function sensitivitySection(items: NonNullable<ReportInput['sensitivity']>): string {
  const first = items[0].report;
  const what = first.versus === undefined ? `each headline figure in ${first.year}` : `the effect of ${first.versus.name} on each headline figure in ${first.year} (run by run, on common random numbers)`;
  const rows = items.map(({ report: t }) => `<tr><td class="text">${escapeXml(t.metric)}</td>${cell(t.base, t.unit, t.versus !== undefined)}<td class="text">${t.bars.slice(0, 3).map((b) => `${escapeXml(b.parameter)} (${escapeXml(formatNumber(b.swing, t.unit))})`).join(', ')}</td></tr>`);
  return `<h2 id="sensitivity">Sensitivity</h2><p class="note">How ${escapeXml(what)} moves when one uncertain parameter goes from its 10th to its 90th percentile, the others at their medians (${first.samples} runs per bar, ${first.factors.length} parameters).</p>
<table><tr><th>metric</th><th>at the medians</th><th class="text">largest swings (10th to 90th percentile)</th></tr>${rows.join('')}</table>
${items.map((i) => `<figure>${i.svg}</figure>`).join('\n')}`;
}

// An observation as the targets file gives it: a point, a range, or a bound (an infinite end).
function observed(low: number, high: number, unit: string): string {
  if (low === high) return formatNumber(low, unit);
  if (high === Infinity) return `at least ${formatNumber(low, unit)}`;
  if (low === -Infinity) return `at most ${formatNumber(high, unit)}`;
  return `${formatNumber(low, unit)} to ${formatNumber(high, unit)}`;
}

function backtestSection(b: BacktestReport, chart: string | undefined): string {
  const s = b.summary;
  const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
  const misses = b.results.filter((t) => t.target.set !== 'excluded' && !t.inside);
  const rows = misses.map((t) => `<tr><td class="text">${escapeXml(t.target.id)}</td><td class="text">${escapeXml(t.target.metricText)}</td><td class="text">${escapeXml(t.target.periodText)}</td><td>${escapeXml(observed(t.target.low, t.target.high, t.target.unit))}</td><td>${escapeXml(formatNumber(t.band.p5, t.target.unit))} to ${escapeXml(formatNumber(t.band.p95, t.target.unit))}</td><td class="text">${escapeXml(t.target.source)}</td></tr>`);
  return `<h2 id="backtest">Back-test of the baseline</h2>
<p>${s.all.inside} of ${s.all.targets} targets (${pct(s.all.share)}) fall in the model's 5th-95th percentile band over ${b.runs.toLocaleString('en-US')} runs; held out and anchor-free: ${s.heldoutAnchorFree.inside} of ${s.heldoutAnchorFree.targets} (${pct(s.heldoutAnchorFree.share)}); anchors: ${s.anchors.inside} of ${s.anchors.targets}. Targets from <code>${escapeXml(b.targetsFile.split('/').slice(-2).join('/'))}</code>.</p>
<table><tr><th>source family</th><th>targets</th><th>inside the band</th></tr>${s.byFamily.map((f) => `<tr><td class="text">${escapeXml(f.family)}</td><td>${f.targets}</td><td>${f.inside} (${pct(f.share)})</td></tr>`).join('')}</table>
${chart === undefined ? '' : `<figure>${chart}</figure>`}
${misses.length === 0 ? '<p>No target is missed.</p>' : `<p class="miss">Missed (${misses.length}):</p><table><tr><th>target</th><th class="text">metric</th><th class="text">period</th><th>observed</th><th>model p5-p95</th><th class="text">source</th></tr>${rows.join('')}</table>`}`;
}

function parametersSection(scenarios: readonly CompiledScenario[]): string {
  const c = scenarios[0];
  const rows = c.parameters.map((p) => {
    const q = (u: number) => formatNumber(quantile(p.dist, u), '');
    const fixed = quantile(p.dist, 0.05) === quantile(p.dist, 0.95);
    return `<tr><td class="text">${escapeXml(p.name)}</td><td>${fixed ? escapeXml(q(0.5)) : `${escapeXml(q(0.05))} / ${escapeXml(q(0.5))} / ${escapeXml(q(0.95))}`}</td><td class="text">${escapeXml(p.source)}</td></tr>`;
  });
  const leverRows = scenarios.map((s) => `<tr><td class="text">${escapeXml(s.name)}</td><td class="text"><code>${escapeXml(s.file)}</code></td><td class="text">${escapeXml(s.description)}</td></tr>`);
  return `<h2 id="scenarios">Scenarios</h2><table><tr><th>scenario</th><th class="text">file</th><th class="text">what it assumes</th></tr>${leverRows.join('')}</table>
<p class="note">Each scenario's levers, year by year, are in the policy strip under every chart.</p>
<h2 id="parameters">Uncertain parameters of the baseline</h2><p class="note">5th percentile / median / 95th percentile of each prior (one value when fixed), and the evidence it rests on (rows of evidence.csv, or a source).</p>
<table><tr><th>parameter</th><th>p5 / median / p95</th><th class="text">evidence</th></tr>${rows.join('')}</table>`;
}

/**
 * The report as one self-contained HTML file: nothing to fetch (styles inline, charts as inline SVG, no
 * scripts but the comparison's JSON as an inert data block), readable offline and printable to PDF. Its
 * numbers are those of `compare --format json`, each table cell carrying the exact value in `data-value`.
 */
export function reportHtml(input: ReportInput, headline: readonly string[]): string {
  const r = input.compare;
  const title = r.alternatives.length > 0 ? `${r.baseline} against ${r.alternatives.join(', ')}` : r.baseline;
  const figures = input.charts.map((c) => `<figure>${c.svg}</figure>`).join('\n');
  const data = JSON.stringify(r).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(`brigadas: ${title}`)}</title>
<meta name="generator" content="brigadas ${escapeXml(VERSION)}"><style>${STYLE}</style></head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="note">Cuba's overseas medical missions, projected by brigadas ${escapeXml(r.brigadas)}: ${r.runs.toLocaleString('en-US')} Monte Carlo runs per scenario, seed ${r.seed}. Every figure below is a distribution across runs.</p>
<h2 id="charts">Fan charts</h2>
${figures}
${comparisonSection(input, headline)}
${input.sensitivity === undefined || input.sensitivity.length === 0 ? '' : sensitivitySection(input.sensitivity)}
${input.backtest === undefined ? '' : backtestSection(input.backtest, input.backtestChart)}
${parametersSection(input.scenarios)}
${manifestSection(input)}
<script type="application/json" id="brigadas-compare">${data}</script>
</body></html>
`;
}

import { formatNumber } from '../report/formatNumber.js';
import { VERSION } from '../version.js';
import { PINNED_WIDTH, type TargetResult } from './judgeTarget.js';
import type { BacktestReport } from './runBacktest.js';
import type { Coverage } from './summarizeBacktest.js';
import type { Target } from './target.js';

// The summary row of the held-out targets that are no anchors, first of the coverage rows.
const HEADLINE = 'held out, anchor-free';

// Wide enough for the longest set, 'excluded', and the two spaces after it.
const SET_WIDTH = 10;

/** Prints a back-test as a plain-text table, target by target under each series, misses marked, then the coverage. */
export function formatBacktestTable(report: BacktestReport): string {
  const lines: string[] = [];
  lines.push(`brigadas ${VERSION}  backtest: ${report.scenario.name} (${report.scenario.file})`);
  lines.push(`targets: ${report.targetsFile}  runs: ${report.runs}  seed: ${report.seed}`);
  const s = report.summary;
  const free = s.heldoutAnchorFree;
  lines.push(
    `${HEADLINE}: ${free.inside}/${free.targets} met (${percent(free.share, false)}), the test of prediction: held-out targets whose figures set no prior, schedule, host path or event`,
  );
  lines.push("band: the model's p5-p95 across runs; err: the median against the observation (0 when it satisfies it)");
  lines.push('mark: ok = the observation meets the band, MISS = it does not; (in brackets) = excluded, not counted');
  lines.push(`flags: anchor = the figure set something in the priors, so meeting it tests the fit; pinned = a band narrower than ${PINNED_WIDTH * 100}% of its median, every run agrees`);
  const metricWidth = Math.max(6, ...report.results.map((r) => r.target.metricText.length));
  const periodWidth = Math.max(6, ...report.results.map((r) => r.target.periodText.length));
  const header = `${'mark'.padEnd(7)}${'id'.padEnd(6)}${'metric'.padEnd(metricWidth + 2)}${'period'.padEnd(periodWidth + 2)}${'observed'.padStart(14)}${'p5'.padStart(10)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'err'.padStart(8)}  ${'set'.padEnd(SET_WIDTH)}flags`;
  for (const series of [...new Set(report.results.map((r) => r.target.series))]) {
    lines.push('');
    lines.push(series);
    lines.push(header);
    for (const r of report.results.filter((x) => x.target.series === series)) {
      const t = r.target;
      const num = (v: number | null) => formatNumber(v, t.unit);
      lines.push(
        `${mark(r).padEnd(7)}${t.id.padEnd(6)}${t.metricText.padEnd(metricWidth + 2)}${t.periodText.padEnd(periodWidth + 2)}${observed(t).padStart(14)}` +
          `${num(r.band.p5).padStart(10)}${num(r.band.p50).padStart(10)}${num(r.band.p95).padStart(10)}${percent(r.relativeError, true).padStart(8)}  ${t.set.padEnd(SET_WIDTH)}${flags(r)}`.trimEnd(),
      );
      const note = nearMissNote(r);
      if (note !== undefined) lines.push(note);
    }
  }
  lines.push('');
  lines.push(`coverage: targets whose observation meets the band (${s.excluded} excluded targets not counted)`);
  const names = [...s.bySeries.map((c) => c.series), ...s.byFamily.map((c) => c.family)];
  const label = Math.max(HEADLINE.length, ...names.map((n) => n.length + 2)) + 2;
  const row = (name: string, c: Coverage) =>
    `${name.padEnd(label)}${`${c.inside}/${c.targets}`.padStart(8)}${percent(c.share, false).padStart(8)}${percent(c.medianAbsError, false).padStart(14)}${percent(c.maxAbsError, false).padStart(12)}`;
  lines.push(`${''.padEnd(label)}${'inside'.padStart(8)}${'share'.padStart(8)}${'median |err|'.padStart(14)}${'max |err|'.padStart(12)}`);
  lines.push(row(HEADLINE, free));
  lines.push(row('all', s.all));
  lines.push(row('fit', s.fit));
  lines.push(row('held out', s.heldout));
  lines.push(row('anchors', s.anchors));
  lines.push('by series');
  for (const c of s.bySeries) lines.push(row(`  ${c.series}`, c));
  lines.push('by source family');
  for (const c of s.byFamily) lines.push(row(`  ${c.family}`, c));
  if (s.pinned > 0) lines.push(`pinned: ${s.pinned} counted target${s.pinned === 1 ? ' has a band' : 's have bands'} narrower than ${PINNED_WIDTH * 100}% of the median; meeting or missing ${s.pinned === 1 ? 'it' : 'them'} says little`);
  const excluded = report.results.filter((r) => r.target.set === 'excluded');
  if (excluded.length > 0) {
    lines.push('');
    lines.push('excluded targets and why:');
    for (const r of excluded) lines.push(`  ${r.target.id}  ${r.target.note}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * For a miss by less than the table's rounding, which shows the same figure for the observation and the
 * band's edge, a line saying the unrounded values and by how much the band misses.
 */
export function nearMissNote(r: TargetResult): string | undefined {
  const { p5, p95 } = r.band;
  if (r.inside || p5 === null || p95 === null) return undefined;
  const { low, high, unit } = r.target;
  const [observation, edge, name] = p95 < low ? [low, p95, 'p95'] : [high, p5, 'p5'];
  if (formatNumber(observation, unit) !== formatNumber(edge, unit)) return undefined;
  const exact = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${' '.repeat(13)}(unrounded: observed ${exact(observation)}, ${name} ${exact(edge)}, a miss by ${exact(Math.abs(observation - edge))})`;
}

// What the verdict on a target is worth: `anchor` (built to pass through it) and `pinned` (no spread).
function flags(r: TargetResult): string {
  return [r.target.anchor.length > 0 ? 'anchor' : '', r.pinned ? 'pinned' : ''].filter((f) => f !== '').join(' ');
}

function mark(r: TargetResult): string {
  const m = r.inside ? 'ok' : 'MISS';
  return r.target.set === 'excluded' ? `(${m.toLowerCase()})` : m;
}

function observed(t: Target): string {
  const n = (v: number) => formatNumber(v, t.unit);
  switch (t.kind) {
    case 'point':
      return n(t.low);
    case 'lower_bound':
      return `>= ${n(t.low)}`;
    case 'upper_bound':
      return `<= ${n(t.high)}`;
    case 'range':
      return `${n(t.low)}-${n(t.high)}`;
  }
}

// Signed for errors (over or under the observation), unsigned for shares; one decimal below 10%.
function percent(x: number | null, signed: boolean): string {
  if (x === null) return '-';
  const p = x * 100;
  const text = Math.abs(p) < 10 && p !== 0 ? Math.abs(p).toFixed(1) : Math.abs(p).toFixed(0);
  // The sign of what is printed: an error that rounds to 0.0% has none.
  const sign = signed && Number(text) !== 0 ? (p > 0 ? '+' : '-') : '';
  return `${sign}${text}%`;
}

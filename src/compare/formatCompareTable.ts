import { formatNumber } from '../report/formatNumber.js';
import { KEY_METRICS, tableYears } from '../report/formatTable.js';
import type { CompareReport } from './compareScenarios.js';

// Exact 0 and 1 print as such; other probabilities to three decimals, never rounded onto 0 or 1.
function formatProbability(p: number | null): string {
  if (p === null) return '-';
  if (p === 0 || p === 1) return String(p);
  if (p < 0.0005) return '<0.001';
  if (p > 0.9995) return '>0.999';
  return p.toFixed(3);
}

/**
 * Prints a comparison as a plain-text table: for the key metrics in a few years, the baseline's and each
 * alternative's medians and the median per-run difference with its 90% interval and P(difference > 0), in
 * `years` (by default every fifth year and the last, four at most).
 */
export function formatCompareTable(report: CompareReport, years: readonly number[] = tableYears(report.years, 4)): string {
  const cols = years.map((y) => report.years.indexOf(y));
  const base = report.scenarios[report.baseline];
  const widths = [22, 6, 12, 12, 12, 24, 8];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  const lines = [
    `brigadas ${report.brigadas}  compare against baseline: ${base.scenario.name} (${base.scenario.file})`,
    `runs: ${report.runs}  seed: ${report.seed}  years: ${report.years[0]}-${report.years[report.years.length - 1]}  common random numbers: run i of every scenario draws the same random numbers`,
    'medians; difference = alternative - baseline, run by run: its median, 90% interval (p5 to p95) and P(>0), the share of runs where it is above 0',
  ];
  for (const key of report.alternatives) {
    const alt = report.scenarios[key];
    const diff = report.differences[key];
    lines.push('', `${key} (${alt.scenario.file})`);
    lines.push(row(['metric', 'year', 'baseline', 'alternative', 'difference', '90% interval', 'P(>0)']));
    lines.push('-'.repeat(widths.reduce((a, b) => a + b + 1, -1)));
    for (const name of KEY_METRICS) {
      const d = diff[name];
      if (!d) continue;
      cols.forEach((c, i) => {
        // A difference that rounds to zero prints as zero, not as -0.0%.
        const n = (v: number | null) => formatNumber(v, d.unit).replace(/^-(?=\$?0(\.0+)?%?$)/, '');
        const interval = `${n(d.p5[c])} to ${n(d.p95[c])}`;
        lines.push(row([i === 0 ? name : '', String(years[i]), n(base.metrics[name].p50[c]), n(alt.metrics[name].p50[c]), n(d.p50[c]), interval, formatProbability(d.probabilityPositive[c])]));
      });
    }
  }
  lines.push('', 'stocks on 31 December; flows and money over the calendar year. All metrics and years: --format json or csv.');
  return `${lines.join('\n')}\n`;
}

import { formatNumber } from './formatNumber.js';
import type { RunReport } from './runReport.js';

/** The metrics the table shows, in order: the questions the model exists to answer. */
export const KEY_METRICS = [
  'healthWorkersAbroad',
  'doctorsAbroad',
  'domesticDoctors',
  'patientsPerDoctor',
  'defections',
  'cumulativeDefections',
  'paroleApprovals',
  'domesticEmigration',
  'hostPaymentsUSD',
  'stateRevenueUSD',
  'reportedHealthExportsUSD',
  'bookedStateRevenueUSD',
  'workerPayUSD',
  'retentionShare',
] as const;

/** Picks the years a table shows: every fifth year and the last, the latest `max` of them. */
export function tableYears(years: readonly number[], max = 6): number[] {
  const picked = years.filter((y, i) => y % 5 === 0 || i === years.length - 1);
  return picked.slice(-max);
}

/**
 * Prints a report as a plain-text table: medians of the key metrics with their 90% intervals beneath, in
 * `years` (by default every fifth year and the last, `tableYears`).
 */
export function formatTable(report: RunReport, years: readonly number[] = tableYears(report.years)): string {
  const cols = years.map((y) => report.years.indexOf(y));
  const label = 22;
  const width = 15;
  const lines: string[] = [];
  lines.push(`brigadas ${report.brigadas}  scenario: ${report.scenario.name} (${report.scenario.file})`);
  lines.push(`runs: ${report.runs}  seed: ${report.seed}  years: ${report.years[0]}-${report.years[report.years.length - 1]}`);
  lines.push('medians; beneath each, the 90% interval (p5-p95) across runs');
  lines.push('');
  lines.push(`${'metric'.padEnd(label)}${years.map((y) => ` ${String(y).padStart(width - 1)}`).join('')}`);
  lines.push('-'.repeat(label + width * years.length));
  for (const name of KEY_METRICS) {
    const m = report.metrics[name];
    if (!m) continue;
    lines.push(`${name.padEnd(label)}${cols.map((c) => ` ${formatNumber(m.p50[c], m.unit).padStart(width - 1)}`).join('')}`);
    const band = cols.map((c) => `${formatNumber(m.p5[c], m.unit)}-${formatNumber(m.p95[c], m.unit)}`);
    // A space before each column keeps wide intervals from running into each other.
    lines.push(`${`  ${m.unit}`.padEnd(label)}${band.map((b) => ` ${b.padStart(width - 1)}`).join('')}`);
  }
  lines.push('');
  lines.push('stocks on 31 December; flows and money over the calendar year. All metrics: --format json or csv.');
  return `${lines.join('\n')}\n`;
}

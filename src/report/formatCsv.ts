import { STATISTICS, type RunReport } from './runReport.js';

/** Prints a report as tidy CSV: one row per metric and year, `metric,year,mean,p5,p25,p50,p75,p95`. */
export function formatCsv(report: RunReport): string {
  const lines = [`metric,year,${STATISTICS.join(',')}`];
  for (const [name, m] of Object.entries(report.metrics)) {
    report.years.forEach((year, y) => {
      // Metric names hold only letters, digits and dots, so they need no quoting; null is an empty cell.
      lines.push(`${name},${year},${STATISTICS.map((s) => (m[s][y] === null ? '' : String(m[s][y]))).join(',')}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

import { STATISTICS } from '../report/runReport.js';
import type { CompareReport } from './compareScenarios.js';

// Scenario names are free text: quote a field that holds a comma, a quote or a line break.
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Prints a comparison as tidy CSV, one row per scenario or difference, metric and year:
 * `scenario,quantity,metric,year,mean,p5,p25,p50,p75,p95,probabilityPositive`, where quantity is `value`
 * (the scenario's own summary) or `difference` (alternative minus baseline, run by run).
 */
export function formatCompareCsv(report: CompareReport): string {
  const lines = [`scenario,quantity,metric,year,${STATISTICS.join(',')},probabilityPositive`];
  const cell = (v: number | null) => (v === null ? '' : String(v));
  const emit = (key: string, quantity: string, metrics: Record<string, Record<(typeof STATISTICS)[number], (number | null)[]> & { probabilityPositive?: (number | null)[] }>) => {
    for (const [name, m] of Object.entries(metrics)) {
      report.years.forEach((year, y) => {
        const p = m.probabilityPositive === undefined ? '' : cell(m.probabilityPositive[y]);
        lines.push(`${csvField(key)},${quantity},${name},${year},${STATISTICS.map((s) => cell(m[s][y])).join(',')},${p}`);
      });
    }
  };
  for (const key of [report.baseline, ...report.alternatives]) emit(key, 'value', report.scenarios[key].metrics);
  for (const key of report.alternatives) emit(key, 'difference', report.differences[key]);
  return `${lines.join('\n')}\n`;
}

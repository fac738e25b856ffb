import type { RunReport } from './runReport.js';

/** Prints a report as JSON, two-space indented, with a final newline. */
export function formatJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

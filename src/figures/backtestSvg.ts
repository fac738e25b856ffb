import { renderSvg } from './renderSvg.js';
import { backtestRows, backtestSpec, type BacktestChartInput } from './backtestSpec.js';

/** The back-test plot as SVG, with a title and a description that names the missed targets. */
export async function backtestSvg(input: BacktestChartInput, onWarning?: (message: string) => void): Promise<string> {
  const s = input.report.summary;
  const missed = backtestRows(input.report.results).filter((r) => r.verdict === 'missed').map((r) => r.label.split(' ')[0]);
  const desc = `Back-test of ${input.report.scenario.name} over ${input.report.runs} runs: ${s.all.inside} of ${s.all.targets} targets in the model's 5th-95th percentile band. Missed: ${missed.length === 0 ? 'none' : missed.join(', ')}.`;
  return renderSvg(backtestSpec(input), { title: `Back-test of ${input.report.scenario.name}`, desc }, onWarning);
}

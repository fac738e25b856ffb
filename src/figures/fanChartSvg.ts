import { formatNumber } from '../report/formatNumber.js';
import { fanChartSpec, type FanChartInput } from './fanChartSpec.js';
import { renderSvg } from './renderSvg.js';

/** The fan chart of a metric as SVG, with a title and a description that says in words what it shows. */
export async function fanChartSvg(input: FanChartInput, onWarning?: (message: string) => void): Promise<string> {
  const from = input.from ?? input.years[0];
  const to = input.to ?? input.years[input.years.length - 1];
  const last = input.years.lastIndexOf(to);
  const medians = input.series.map((s) => {
    const v = last < 0 ? null : s.report.p50[last];
    const lo = last < 0 ? null : s.report.p5[last];
    const hi = last < 0 ? null : s.report.p95[last];
    const f = (x: number | null) => formatNumber(x, input.unit);
    return v === null ? `${s.name}: no value in ${to}` : `${s.name}: median ${f(v)} in ${to}, 90% of runs between ${f(lo)} and ${f(hi)}`;
  });
  const desc = `Fan chart of ${input.metric} in ${input.unit}, ${from} to ${to}, from ${input.manifest.runs} runs with seed ${input.manifest.seed}. ${medians.join('; ')}.`;
  return renderSvg(fanChartSpec(input), { title: `${input.metric}, ${from}-${to}`, desc }, onWarning);
}

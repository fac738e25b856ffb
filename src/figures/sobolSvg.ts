import { formatNumber } from '../report/formatNumber.js';
import { renderSvg } from './renderSvg.js';
import { sobolSpec, type SobolChartInput } from './sobolSpec.js';
import { sensitivitySubject } from './sensitivitySubject.js';

/** Sobol index bars as SVG, with a title and a description naming the factors with the largest total indices. */
export async function sobolSvg(input: SobolChartInput, onWarning?: (message: string) => void): Promise<string> {
  const r = input.report;
  const share = (x: number) => formatNumber(x, 'share');
  const top = r.indices.slice(0, 3).map((e) => `${e.parameter} (total ${share(e.total.estimate)}, first order ${share(e.firstOrder.estimate)})`);
  const streams = `the runs' random streams (total ${share(r.randomStreams.total.estimate)})`;
  const desc = `Sobol indices of ${sensitivitySubject(r)} over ${r.factors.length} uncertain parameters and the runs' random streams, from ${r.samples} base samples. Largest total indices: ${top.join(', ')}; ${streams}.`;
  return renderSvg(sobolSpec(input), { title: `Sobol indices: ${sensitivitySubject(r)}`, desc }, onWarning);
}

import { formatNumber } from '../report/formatNumber.js';
import { renderSvg } from './renderSvg.js';
import { tornadoSpec, type TornadoChartInput } from './tornadoSpec.js';
import { sensitivitySubject } from './sensitivitySubject.js';

/** The tornado chart of a sensitivity analysis as SVG, with a title and a description naming the largest swings. */
export async function tornadoSvg(input: TornadoChartInput, onWarning?: (message: string) => void): Promise<string> {
  const r = input.report;
  const top = r.bars.slice(0, 3).map((b) => `${b.parameter} (swing ${formatNumber(b.swing, r.unit)})`);
  const desc = `Tornado chart of ${sensitivitySubject(r)} in ${r.unit} over ${r.factors.length} uncertain parameters; base ${formatNumber(r.base, r.unit)}. Largest swings: ${top.join(', ')}.`;
  return renderSvg(tornadoSpec(input), { title: `Sensitivity: ${sensitivitySubject(r)}`, desc }, onWarning);
}

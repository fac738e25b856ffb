import { renderSvg } from './renderSvg.js';
import { STOP_TEXT } from '../discovery/formatDiscovery.js';
import { nothingToFind, primSpec, primTitle, type PrimChartInput } from './primSpec.js';

/** PRIM's trade-off curve as SVG, with a title and a description giving the chosen box and the trajectory's ends. */
export async function primSvg(input: PrimChartInput, onWarning?: (message: string) => void): Promise<string> {
  const t = input.result.trajectory;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const b = input.chosen.box;
  const last = t[t.length - 1];
  const restricted = b.restricted.length === 0 ? 'no dimension' : b.restricted.join(', ');
  if (nothingToFind(input.result)) {
    const desc = `PRIM found nothing to search: ${STOP_TEXT[input.result.stop]} (${input.result.rows} runs, ${input.result.cases} cases). The chart shows the whole space alone, density ${pct(t[0].density)}.`;
    return renderSvg(primSpec(input), { title: primTitle(input), desc }, onWarning);
  }
  const desc =
    `PRIM trade-off of coverage against density over ${t.length} boxes, from the whole space (density ${pct(t[0].density)}) to step ${last.step} ` +
    `(coverage ${pct(last.coverage)}, density ${pct(last.density)}). Chosen: step ${b.step}, coverage ${pct(b.coverage)}, density ${pct(b.density)}, restricting ${restricted}.`;
  return renderSvg(primSpec(input), { title: primTitle(input), desc }, onWarning);
}

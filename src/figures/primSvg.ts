import { renderSvg } from './renderSvg.js';
import { STOP_TEXT } from '../discovery/formatDiscovery.js';
import { nothingToFind } from '../discovery/nothingToFind.js';
import { primSpec, primTitle, type PrimChartInput } from './primSpec.js';

/** PRIM's trade-off curve as SVG, with a title and a description giving the chosen box and the trajectory's ends. */
export async function primSvg(input: PrimChartInput, onWarning?: (message: string) => void): Promise<string> {
  const r = input.result;
  const t = r.trajectory;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const b = input.chosen.box;
  const last = t[t.length - 1];
  const desc = nothingToFind(r)
    ? `PRIM found nothing to search: ${STOP_TEXT[r.stop]} (${r.rows} runs, ${r.cases} cases). The chart shows the whole space alone, density ${pct(t[0].density)}.`
    : `PRIM trade-off of coverage against density over ${t.length} boxes, from the whole space (density ${pct(t[0].density)}) to step ${last.step} ` +
      `(coverage ${pct(last.coverage)}, density ${pct(last.density)}). Chosen: step ${b.step}, coverage ${pct(b.coverage)}, density ${pct(b.density)}, ` +
      `restricting ${b.restricted.length === 0 ? 'no dimension' : b.restricted.join(', ')}.`;
  return renderSvg(primSpec(input), { title: primTitle(input), desc }, onWarning);
}

import type { TopLevelSpec } from 'vega-lite';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import { formatNumber } from '../report/formatNumber.js';
import type { ChartManifest } from './chartManifest.js';
import { chartFrame } from './chartFrame.js';
import { INK, scenarioStyle } from './palette.js';
import { sensitivitySubject } from './sensitivitySubject.js';

/** A tornado chart's input: the analysis (its header is the caption's manifest) and how many bars to draw. */
export interface TornadoChartInput {
  readonly report: TornadoReport;
  /** The most bars drawn, largest swings first (default 12). */
  readonly bars?: number;
  readonly width: number;
}

/** The caption of a tornado: the scenario (and the policy it is compared with), runs per bar, seed, version. */
function tornadoManifest(r: TornadoReport): ChartManifest {
  return { scenarios: [r.scenario, ...(r.versus === undefined ? [] : [r.versus])], runs: r.samples, runsOf: 'runs per bar', seed: r.seed, design: 'tornado', version: r.brigadas };
}

/**
 * The Vega-Lite spec of a tornado chart: a row per parameter, largest swing on top, a bar from the base value
 * (every parameter at its median) to the metric with that parameter at its 10th percentile and one to its
 * 90th, in two colours that differ in lightness too, each end labelled with the parameter's value there.
 */
export function tornadoSpec(input: TornadoChartInput): TopLevelSpec {
  const r = input.report;
  const bars = r.bars.slice(0, input.bars ?? 12);
  const order = bars.map((b) => b.parameter);
  const rows = bars.flatMap((b) =>
    [b.low, b.high].map((end, k) => ({ parameter: b.parameter, end: `parameter at its ${Math.round(end.quantile * 100)}th percentile`, side: k, base: r.base, metric: end.metric, value: end.value })),
  );
  const ends = [...new Set(rows.map((x) => x.end))];
  const y = { field: 'parameter', type: 'nominal', sort: order, title: null, axis: { labelLimit: 400 } };
  return {
    ...chartFrame(`Sensitivity: ${sensitivitySubject(r)}`, [`Bars: the ${r.unit} from the base (every parameter at its median: ${formatNumber(r.base, r.unit)}) to the value with one parameter moved.`], tornadoManifest(r)),
    width: input.width,
    height: 22 * bars.length,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: 14 },
        encoding: {
          y,
          x: { field: 'base', type: 'quantitative', title: `${r.metric}${r.versus === undefined ? '' : ', difference'} (${r.unit})`, scale: { zero: false } },
          x2: { field: 'metric' },
          color: { field: 'end', type: 'nominal', sort: ends, scale: { domain: ends, range: [scenarioStyle(0).colour, scenarioStyle(1).colour] }, legend: { title: null, orient: 'top', labelLimit: 400 } },
        },
      },
      { mark: { type: 'rule', color: INK }, encoding: { x: { field: 'base', type: 'quantitative' } } },
    ],
  } as unknown as TopLevelSpec;
}

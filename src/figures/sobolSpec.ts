import type { TopLevelSpec } from 'vega-lite';
import { RANDOM_STREAMS, type SobolReport } from '../sensitivity/analyzeSensitivity.js';
import type { ChartManifest } from './chartManifest.js';
import { chartFrame } from './chartFrame.js';
import { INK, scenarioStyle } from './palette.js';
import { sensitivitySubject } from './sensitivitySubject.js';

/** A Sobol chart's input: the analysis (its header is the caption's manifest) and how many parameters to draw. */
export interface SobolChartInput {
  readonly report: SobolReport;
  /** The most parameters drawn, largest total index first (default 12); the random streams are drawn too. */
  readonly bars?: number;
  readonly width: number;
}

/** The two indices a row shows, in the order they are drawn and named in the legend. */
export const SOBOL_INDEX_NAMES = ['first order (S1: alone)', 'total (ST: with its interactions)'] as const;

/** One index of one factor as the chart draws it: the estimate and its bootstrap interval. */
export interface SobolChartRow {
  readonly factor: string;
  readonly index: (typeof SOBOL_INDEX_NAMES)[number];
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** The rows of a Sobol chart: the parameters with the largest total indices, then the runs' random streams. */
export function sobolRows(r: SobolReport, bars = 12): SobolChartRow[] {
  const entries = [...r.indices.slice(0, bars), { parameter: RANDOM_STREAMS, ...r.randomStreams }];
  return entries.flatMap((e) =>
    [e.firstOrder, e.total].map((x, k) => ({ factor: e.parameter, index: SOBOL_INDEX_NAMES[k], estimate: x.estimate, low: x.low, high: x.high })),
  );
}

/** The caption of a Sobol chart: the scenario (and the policy compared with), base samples, seed, version. */
function sobolManifest(r: SobolReport): ChartManifest {
  return {
    scenarios: [r.scenario, ...(r.versus === undefined ? [] : [r.versus])],
    runs: r.samples,
    runsOf: `base samples (${r.modelRuns.toLocaleString('en-US')} model runs)`,
    seed: r.seed,
    design: 'Saltelli',
    version: r.brigadas,
  };
}

/**
 * The Vega-Lite spec of Sobol index bars, as SALib draws them: a row per factor, largest total index on
 * top, its first-order and total indices as two bars side by side, each with its bootstrap interval as a
 * whisker; the runs' random streams, which the model's stochastic flows draw from, last.
 */
export function sobolSpec(input: SobolChartInput): TopLevelSpec {
  const r = input.report;
  const rows = sobolRows(r, input.bars);
  const order = [...new Set(rows.map((x) => x.factor))];
  const y = { field: 'factor', type: 'nominal', sort: order, title: null, axis: { labelLimit: 400 } };
  const yOffset = { field: 'index', type: 'nominal', sort: [...SOBOL_INDEX_NAMES] };
  const title = `Sobol indices: ${sensitivitySubject(r)}`;
  const howToRead = [
    `Bars: the share of the variance of the ${r.versus === undefined ? 'metric' : 'effect'} each factor explains; whiskers: ${Math.round(r.confidence * 100)}% bootstrap intervals (${r.resamples.toLocaleString('en-US')} resamples).`,
    'A total index near 0 means the factor can be fixed anywhere in its range without changing the answer; an index whose',
    'whisker crosses 0 cannot be told from 0 (few base samples give wide whiskers, even negative estimates).',
  ];
  return {
    ...chartFrame(title, howToRead, sobolManifest(r)),
    width: input.width,
    height: 34 * order.length,
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 } },
        encoding: {
          x: { field: 'estimate', type: 'quantitative', title: `share of the variance of ${sensitivitySubject(r)}`, scale: { zero: true }, axis: { format: '.0%' } },
          color: {
            field: 'index',
            type: 'nominal',
            sort: [...SOBOL_INDEX_NAMES],
            scale: { domain: [...SOBOL_INDEX_NAMES], range: [scenarioStyle(4).colour, scenarioStyle(0).colour] },
            legend: { title: null, orient: 'top', labelLimit: 400 },
          },
        },
      },
      { mark: { type: 'rule', color: INK }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      { mark: { type: 'rule', color: INK, strokeDash: [2, 2] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null, yOffset: null } },
    ],
  } as unknown as TopLevelSpec;
}

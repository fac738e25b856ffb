import type { TopLevelSpec } from 'vega-lite';
import type { ChosenBox } from '../discovery/chooseBox.js';
import type { PrimResult } from '../discovery/primBox.js';
import type { ScenarioIdentity } from '../scenario/scenarioIdentity.js';
import type { ChartManifest } from './chartManifest.js';
import { chartFrame } from './chartFrame.js';
import { INK } from './palette.js';
import { STOP_TEXT } from '../discovery/formatDiscovery.js';
import { nothingToFind } from '../discovery/nothingToFind.js';

/** A PRIM trade-off chart's input: the trajectory, the box chosen on it, and what was run to find it. */
export interface PrimChartInput {
  readonly scenario: ScenarioIdentity;
  /** The case of interest, as discover read it. */
  readonly condition: string;
  readonly runs: number;
  /** How many swept policies each ran `runs` times (0 without a sweep). */
  readonly policies: number;
  readonly seed: number;
  readonly design: string;
  readonly minCoverage: number;
  readonly result: PrimResult;
  readonly chosen: ChosenBox;
  readonly width: number;
  readonly height: number;
}

/** One box of the trajectory as the chart draws it. */
export interface PrimChartPoint {
  readonly step: number;
  readonly phase: string;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** How many dimensions the box restricts. */
  readonly restricted: number;
  readonly chosen: boolean;
}

/** The boxes of a PRIM trajectory, from the whole space to the last pasted box, as points. */
export function primPoints(input: Pick<PrimChartInput, 'result' | 'chosen'>): PrimChartPoint[] {
  return input.result.trajectory.map((b) => ({
    step: b.step,
    phase: b.phase,
    coverage: b.coverage,
    density: b.density,
    mass: b.mass,
    restricted: b.restrictedDims,
    chosen: b === input.chosen.box,
  }));
}

/** The title of a trade-off chart: the case of interest it looks for. */
export function primTitle(input: Pick<PrimChartInput, 'condition'>): string {
  return `Scenario discovery: when is ${input.condition}?`;
}

/**
 * The Vega-Lite spec of PRIM's trade-off curve, as the EMA Workbench's `show_tradeoff` draws it: each box on
 * the peeling (and pasting) trajectory as a point at its coverage and density, coloured by how many
 * dimensions it restricts, joined in order; the chosen box ringed and labelled, and a rule at the coverage
 * it had to keep.
 */
export function primSpec(input: PrimChartInput): TopLevelSpec {
  const points = primPoints(input);
  const most = Math.max(1, ...points.map((p) => p.restricted));
  const r = input.result;
  const manifest: ChartManifest = {
    scenarios: [input.scenario],
    runs: input.runs,
    runsOf: input.policies > 0 ? `runs of each of ${input.policies} policies` : 'runs',
    seed: input.seed,
    design: input.design,
  };
  const howToRead = [
    `Each point is a box of PRIM's trajectory: the share of the ${r.cases.toLocaleString('en-US')} cases of interest (of ${r.rows.toLocaleString('en-US')} runs) it holds,`,
    `and the share of the runs in it that are cases. Ringed: the chosen box, ${input.chosen.rule}.`,
    ...(nothingToFind(r) ? [`Nothing to find: ${STOP_TEXT[r.stop]}, so the trajectory is the whole space alone.`] : []),
  ];
  const x = { field: 'coverage', type: 'quantitative', title: 'coverage (share of the cases inside the box)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const y = { field: 'density', type: 'quantitative', title: 'density (share of the box that are cases)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const chosen = points.filter((p) => p.chosen);
  return {
    ...chartFrame(primTitle(input), howToRead, manifest),
    width: input.width,
    height: input.height,
    layer: [
      { data: { values: [{ minCoverage: input.minCoverage }] }, mark: { type: 'rule', color: INK, strokeDash: [4, 3] }, encoding: { x: { field: 'minCoverage', type: 'quantitative', scale: { domain: [0, 1] } } } },
      { data: { values: points }, mark: { type: 'line', color: '#999999', strokeWidth: 1 }, encoding: { x, y, order: { field: 'step', type: 'quantitative' } } },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 46, opacity: 1 },
        encoding: {
          x,
          y,
          // Viridis, as the EMA Workbench colours boxes: its lightness rises with the count, so it reads in greyscale too.
          color: { field: 'restricted', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, most] }, legend: { title: ['dimensions', 'restricted'], orient: 'right', format: 'd', tickMinStep: 1 } },
          shape: { field: 'phase', type: 'nominal', legend: { title: 'phase', orient: 'right' } },
        },
      },
      { data: { values: chosen }, mark: { type: 'point', size: 260, strokeWidth: 2, color: INK }, encoding: { x, y } },
      {
        data: { values: chosen },
        // The curve falls from left to right, so below and to the left of the ring is empty; near the
        // bottom of the plot the label goes above it and to the right instead.
        mark: { type: 'text', ...(chosen.some((p) => p.density < 0.15) ? { align: 'left', dx: 14, dy: -22 } : { align: 'right', dx: -14, dy: 20 }), color: INK, fontSize: 11 },
        encoding: { x, y, text: { field: 'label' } },
        transform: [{ calculate: "'step ' + datum.step + ': coverage ' + format(datum.coverage, '.0%') + ', density ' + format(datum.density, '.0%')", as: 'label' }],
      },
    ],
  } as unknown as TopLevelSpec;
}

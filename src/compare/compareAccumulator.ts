import { makeAccumulator, makeExactAccumulator, type Accumulator, type ExactAccumulator } from '../montecarlo/accumulator.js';
import { summaryMode, type SummaryMode } from '../montecarlo/chunkResult.js';
import { differenceCells, type DifferenceCells } from '../montecarlo/differenceCells.js';
import type { CompareChunkResult, ComparePlan } from '../montecarlo/runCompareChunk.js';
import type { MetricSummaries } from '../montecarlo/summarizeRuns.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { summarize, type Summary } from '../stats/summarize.js';

/** One alternative's run-by-run differences from the baseline, summarized per paired metric (`cells.metrics`) and year. */
export interface DifferenceSummaries {
  readonly cells: DifferenceCells;
  readonly summaries: MetricSummaries;
  /** Share of runs with a value in which the difference is above zero; null where no run has one. */
  readonly probabilityPositive: readonly (readonly (number | null)[])[];
}

/** Collects a comparison's chunks, in any order, into each scenario's summaries and each alternative's differences. */
export interface CompareAccumulator {
  add(chunk: CompareChunkResult): void;
  /** Scenario i's summaries (0: the baseline). */
  scenario(i: number): MetricSummaries;
  /** Alternative j's differences from the baseline (0: the first alternative). */
  differences(j: number): DifferenceSummaries;
}

/**
 * Chooses how a comparison summarizes (`scenarios`: baseline first): each scenario as `run` would for the same
 * runs (so its report is the one `run` prints), or as `forced` says; differences exactly when both of their
 * scenarios are exact (computed from those runs at the end), from sketches otherwise.
 */
export function comparePlan(scenarios: readonly CompiledScenario[], runs: number, forced?: SummaryMode): ComparePlan {
  const modes = scenarios.map((c) => forced ?? summaryMode(runs, c.layout.metrics.length * c.years.length));
  const differences = modes.slice(1).map((m): SummaryMode => (modes[0] === 'values' && m === 'values' ? 'values' : 'sketch'));
  return { modes, differences };
}

/**
 * Makes the accumulator of a comparison of `runs` runs under `plan`. Exact scenarios keep their runs (at most
 * EXACT_LIMIT values each, as in `run`), sketch scenarios and differences one sketch per cell: memory does
 * not grow with runs.
 */
export function makeCompareAccumulator(scenarios: readonly CompiledScenario[], runs: number, plan: ComparePlan): CompareAccumulator {
  const years = scenarios[0].years.length;
  const accumulators: Accumulator[] = scenarios.map((c, i) =>
    plan.modes[i] === 'values' ? makeExactAccumulator(runs, c.layout.metrics.length, years) : makeAccumulator(runs, c.layout.metrics.length, years, 'sketch'),
  );
  const differences = scenarios.slice(1).map((alt, j) => {
    const cells = differenceCells(scenarios[0], alt);
    if (plan.differences[j] === 'values') return { cells, sketch: undefined };
    const sketch = makeAccumulator(runs, cells.metrics.length, years, 'sketch');
    return { cells, sketch, counted: new Float64Array(cells.base.length), positive: new Float64Array(cells.base.length) };
  });
  return {
    add(chunk) {
      chunk.scenarios.forEach((c, i) => accumulators[i].add(c));
      differences.forEach((d, j) => {
        const got = chunk.differences[j];
        if (d.sketch === undefined) return;
        if (got === null) throw new Error(`a chunk of the comparison came without the differences of alternative ${j + 1}`);
        d.sketch.add(got.chunk);
        for (let k = 0; k < got.counted.length; k++) {
          d.counted[k] += got.counted[k];
          d.positive[k] += got.positive[k];
        }
      });
    },
    scenario: (i) => accumulators[i].summaries(),
    differences(j) {
      const d = differences[j];
      const cells = d.cells;
      if (d.sketch === undefined) return exactDifferences(accumulators[0] as ExactAccumulator, accumulators[j + 1] as ExactAccumulator, cells, runs, years);
      const { counted, positive } = d;
      const probabilityPositive = cells.metrics.map((_, i) => Array.from({ length: years }, (_, y) => share(positive[i * years + y], counted[i * years + y])));
      return { cells, summaries: d.sketch.summaries(), probabilityPositive };
    },
  };
}

// Exact differences from the two scenarios' runs, gathered a cell at a time (three columns of runs at most).
function exactDifferences(base: ExactAccumulator, alt: ExactAccumulator, cells: DifferenceCells, runs: number, years: number): DifferenceSummaries {
  const a = new Float64Array(runs);
  const b = new Float64Array(runs);
  const column = new Float64Array(runs);
  const scratch = new Float64Array(runs);
  const summaries: Summary[][] = [];
  const probabilityPositive: (number | null)[][] = [];
  cells.metrics.forEach((_, i) => {
    const row: Summary[] = [];
    const shares: (number | null)[] = [];
    for (let y = 0; y < years; y++) {
      base.column(cells.base[i * years + y], a);
      alt.column(cells.alternative[i * years + y], b);
      let counted = 0;
      let positive = 0;
      for (let r = 0; r < runs; r++) {
        const d = b[r] - a[r];
        column[r] = d;
        if (!Number.isNaN(d)) counted++;
        if (d > 0) positive++;
      }
      row.push(summarize(column, scratch));
      shares.push(share(positive, counted));
    }
    summaries.push(row);
    probabilityPositive.push(shares);
  });
  return { cells, summaries, probabilityPositive };
}

function share(positive: number, counted: number): number | null {
  return counted === 0 ? null : positive / counted;
}

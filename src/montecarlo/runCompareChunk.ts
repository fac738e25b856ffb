import type { DesignPlan } from '../design/designPlan.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { encodeChunk, type ChunkResult, type SummaryMode } from './chunkResult.js';
import { differenceCells } from './differenceCells.js';
import { runChunk } from './runChunk.js';
import { ScenarioRangeError } from './scenarioRangeError.js';

/**
 * How a comparison summarizes: each scenario's summary mode (baseline first), and for each alternative the
 * mode of its differences from the baseline. Exact differences are computed at the end from the two
 * scenarios' exact runs, so chunks carry them only in sketch mode.
 */
export interface ComparePlan {
  readonly modes: readonly SummaryMode[];
  readonly differences: readonly SummaryMode[];
}

/** One chunk's differences of an alternative from the baseline in sketch mode, with how many are above zero. */
export interface DifferenceChunk {
  /** The differences encoded for a sketch accumulator, cell by cell as `differenceCells` orders them. */
  readonly chunk: ChunkResult;
  /** Per difference cell: the runs with a value (not NaN), and those above zero. */
  readonly counted: Int32Array;
  readonly positive: Int32Array;
}

/** What a chunk of a comparison sends back: every scenario's runs [first, first + count), and the differences. */
export interface CompareChunkResult {
  readonly type: 'compare';
  readonly first: number;
  readonly count: number;
  /** Each scenario's chunk, encoded in its plan's mode, baseline first. */
  readonly scenarios: readonly ChunkResult[];
  /** Per alternative: its differences (sketch mode), or null (exact mode). */
  readonly differences: readonly (DifferenceChunk | null)[];
}

/**
 * Simulates runs [first, first + count) of a baseline and its alternatives (`scenarios`, baseline first) on
 * common random numbers (run i of each from the streams of run i) and encodes each chunk, and the run-by-run
 * differences the plan wants in sketch mode: the unit of work of a comparison, in this thread or on a worker.
 * Throws ScenarioRangeError (a ValueRangeError) naming the scenario whose expression left its range.
 */
export function runCompareChunk(scenarios: readonly CompiledScenario[], seed: number, first: number, count: number, plan: ComparePlan, design?: DesignPlan): CompareChunkResult {
  const raw = scenarios.map((c, i) => {
    try {
      return runChunk(c, seed, first, count, design);
    } catch (e) {
      throw e instanceof ValueRangeError ? new ScenarioRangeError(i, e) : e;
    }
  });
  const cellsOf = (c: CompiledScenario) => c.layout.metrics.length * c.years.length;
  const encoded = scenarios.map((c, i) => encodeChunk(raw[i], first, count, cellsOf(c), plan.modes[i]));
  const differences = scenarios.slice(1).map((alt, j) => {
    if (plan.differences[j] !== 'sketch') return null;
    const cells = differenceCells(scenarios[0], alt);
    return differenceChunk(raw[0], cellsOf(scenarios[0]), raw[j + 1], cellsOf(alt), cells.base, cells.alternative, first, count);
  });
  return { type: 'compare', first, count, scenarios: encoded, differences };
}

// The differences alternative minus baseline of a chunk's runs (`[run][cell]` both), paired cell by cell.
function differenceChunk(
  base: Float64Array,
  baseWidth: number,
  alt: Float64Array,
  altWidth: number,
  baseCells: Int32Array,
  altCells: Int32Array,
  first: number,
  count: number,
): DifferenceChunk {
  const width = baseCells.length;
  const values = new Float64Array(count * width);
  const counted = new Int32Array(width);
  const positive = new Int32Array(width);
  for (let r = 0; r < count; r++) {
    for (let d = 0; d < width; d++) {
      const v = alt[r * altWidth + altCells[d]] - base[r * baseWidth + baseCells[d]];
      values[r * width + d] = v;
      if (!Number.isNaN(v)) counted[d]++;
      if (v > 0) positive[d]++;
    }
  }
  return { chunk: encodeChunk(values, first, count, width, 'sketch'), counted, positive };
}

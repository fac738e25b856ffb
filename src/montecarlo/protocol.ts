import type { ChunkResult, SummaryMode } from './chunkResult.js';
import type { CompareChunkResult, ComparePlan } from './runCompareChunk.js';

// Workers compile the scenario from the texts the main thread read, never from disk.
import type { SourceText } from '../scenario/memoryFilePort.js';

/** What every request to a worker carries: the scenario, as the texts the main thread read, and the seed. */
interface ScenarioTask {
  /** Identifies the scenario, so a worker compiles it once for all its tasks. */
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  readonly seed: number;
}

/** A request to a worker: simulate runs [first, first + count) of a scenario. */
export interface ChunkRequest extends ScenarioTask {
  readonly type: 'chunk';
  readonly first: number;
  readonly count: number;
  readonly mode: SummaryMode;
}

/**
 * A request to a worker: run the model at a batch of sensitivity points (see `evaluatePoints`) and return the
 * metric in the year at each, in order.
 */
export interface PointsRequest extends ScenarioTask {
  readonly type: 'points';
  /** The names of the parameters varied, in the order of each point's quantiles. */
  readonly factors: readonly string[];
  readonly metric: string;
  readonly year: number;
  readonly u: Float64Array;
  readonly runs: Float64Array;
  /** The policy scenario whose difference from the scenario is explained, if any (`SensitivityProblem.versus`). */
  readonly versus?: { readonly key: string; readonly entry: string; readonly sources: readonly SourceText[] };
}

/** A request to a worker: simulate runs [first, first + count) and return only the given cells of each (see `simulateCells`). */
export interface CellsRequest extends Omit<ChunkRequest, 'type' | 'mode'> {
  readonly type: 'cells';
  readonly cells: Int32Array;
}

/** A scenario as a worker compiles it: its texts, and a key to cache it by. */
export type ShippedScenario = Pick<ScenarioTask, 'key' | 'entry' | 'sources'>;

/**
 * A request to a worker: simulate runs [first, first + count) of a baseline and its alternatives on common
 * random numbers, and return each one's chunk and the differences (see `runCompareChunk`).
 */
export interface CompareRequest {
  readonly type: 'compare';
  /** Baseline first. */
  readonly scenarios: readonly ShippedScenario[];
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly plan: ComparePlan;
}

/** A worker's answer: the chunk's, the points', the cells' or the comparison's results, or a value that left its legal range (a scenario error). */
export type ChunkReply =
  | ChunkResult
  | { readonly type: 'points'; readonly values: Float64Array }
  | { readonly type: 'cells'; readonly values: Float64Array }
  | CompareChunkResult
  /** `scenario`: in a comparison, the index of the scenario whose value left its range. */
  | { readonly type: 'rangeError'; readonly path: readonly (string | number)[]; readonly detail: string; readonly scenario?: number }
  | { readonly type: 'failure'; readonly message: string };

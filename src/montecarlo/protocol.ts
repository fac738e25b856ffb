import type { ChunkResult, SummaryMode } from './chunkResult.js';

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

/** A worker's answer: the chunk's, the points' or the cells' results, or a value that left its legal range (a scenario error). */
export type ChunkReply =
  | ChunkResult
  | { readonly type: 'points'; readonly values: Float64Array }
  | { readonly type: 'cells'; readonly values: Float64Array }
  | { readonly type: 'rangeError'; readonly path: readonly (string | number)[]; readonly detail: string }
  | { readonly type: 'failure'; readonly message: string };

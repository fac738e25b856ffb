import type { ChunkResult, SummaryMode } from './chunkResult.js';

// Workers compile the scenario from the texts the main thread read, never from disk.
import type { SourceText } from '../scenario/memoryFilePort.js';

/** A request to a worker: simulate runs [first, first + count) of a scenario. */
export interface ChunkRequest {
  readonly type: 'chunk';
  /** Identifies the scenario, so a worker compiles it once for all its chunks. */
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly mode: SummaryMode;
}

/**
 * A request to a worker: run the model at a batch of sensitivity points (see `evaluatePoints`) and return the
 * metric in the year at each, in order.
 */
export interface PointsRequest {
  readonly type: 'points';
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  readonly seed: number;
  /** The names of the parameters varied, in the order of each point's quantiles. */
  readonly factors: readonly string[];
  readonly metric: string;
  readonly year: number;
  readonly u: Float64Array;
  readonly runs: Float64Array;
}

/** A request to a worker: simulate runs [first, first + count) and return only the given cells of each (see `simulateCells`). */
export interface CellsRequest {
  readonly type: 'cells';
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly cells: Int32Array;
}

/** A worker's answer: the chunk's, the points' or the cells' results, or a value that left its legal range (a scenario error). */
export type ChunkReply =
  | ChunkResult
  | { readonly type: 'points'; readonly values: Float64Array }
  | { readonly type: 'cells'; readonly values: Float64Array }
  | { readonly type: 'rangeError'; readonly path: readonly (string | number)[]; readonly detail: string }
  | { readonly type: 'failure'; readonly message: string };

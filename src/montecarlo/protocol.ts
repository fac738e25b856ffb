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

/** A worker's answer: the chunk's results, or a value that left its legal range (a scenario error). */
export type ChunkReply =
  | ChunkResult
  | { readonly type: 'rangeError'; readonly path: readonly (string | number)[]; readonly detail: string }
  | { readonly type: 'failure'; readonly message: string };

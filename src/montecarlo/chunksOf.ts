/** The default number of runs per task: big enough to amortize messages, small enough to balance load. */
export const DEFAULT_CHUNK_SIZE = 250;

/** One task's share of the runs (or points): [first, first + count). */
export interface Chunk {
  readonly first: number;
  readonly count: number;
}

/** Cuts [0, total) into consecutive chunks of `size` (the last one shorter), in order. */
export function chunksOf(total: number, size: number = DEFAULT_CHUNK_SIZE): Chunk[] {
  const step = Math.max(1, Math.floor(size));
  const chunks: Chunk[] = [];
  for (let first = 0; first < total; first += step) chunks.push({ first, count: Math.min(step, total - first) });
  return chunks;
}

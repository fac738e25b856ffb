import { createHash } from 'node:crypto';
import { Piscina } from 'piscina';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { SourceText } from '../scenario/memoryFilePort.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { MonteCarloAborted } from './monteCarloAborted.js';
import type { ChunkReply, ChunkRequest, PointsRequest } from './protocol.js';

// The compiled worker entry: beside this file in dist/; from the TypeScript sources (tests), in dist/.
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/montecarlo/worker.js', here) : new URL('./worker.js', here);
}

/** Starts a pool of `workers` threads running the Monte Carlo worker entry (`worker.ts`). */
function openPool(workers: number): Piscina {
  return new Piscina({ filename: workerFile().href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
}

/** What a worker needs to compile a scenario itself: the texts the main thread read, and a key to cache it by. */
export interface ScenarioShipment {
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
}

/** Packs a compiled scenario's source texts for workers (they never read files). */
export function shipScenario(c: CompiledScenario): ScenarioShipment {
  const sources = c.merged.sources.map((s) => ({ file: s.file, text: s.text }));
  return { key: createHash('sha256').update(JSON.stringify(sources)).digest('hex'), entry: c.merged.file, sources };
}

/**
 * Runs tasks on a pool of `workers` threads, at most two per thread in flight (so memory stays bounded
 * however many tasks there are), handing each reply to `onReply` as it comes, in any order. A value out of
 * its legal range in a worker throws ValueRangeError; aborting the signal stops the workers promptly and
 * throws MonteCarloAborted; the pool is gone when the promise settles.
 */
export async function runOnPool<T>(
  workers: number,
  tasks: readonly T[],
  request: (task: T) => ChunkRequest | PointsRequest,
  onReply: (task: T, reply: Exclude<ChunkReply, { type: 'rangeError' | 'failure' }>) => void,
  signal?: AbortSignal,
): Promise<void> {
  const pool = openPool(workers);
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let next = 0;
    const runOne = async (): Promise<void> => {
      while (next < tasks.length) {
        const task = tasks[next++];
        const reply = (await pool.run(request(task), { signal: abort.signal })) as ChunkReply;
        if (reply.type === 'rangeError') throw new ValueRangeError(reply.path, reply.detail);
        if (reply.type === 'failure') throw new Error(reply.message);
        onReply(task, reply);
      }
    };
    await Promise.all(Array.from({ length: Math.min(2 * workers, tasks.length) }, runOne));
  } catch (e) {
    abort.abort();
    if (signal?.aborted) throw new MonteCarloAborted();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}

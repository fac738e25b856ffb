import { createHash } from 'node:crypto';
import { Piscina } from 'piscina';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { SourceText } from '../scenario/memoryFilePort.js';
import { MonteCarloAborted } from './monteCarloAborted.js';
import { forWorker, type ChunkReply, type WorkReply, type WorkRequest } from './protocol.js';
import { unwrapReply } from './unwrapReply.js';

// The compiled worker entry: beside this file in dist/; from the TypeScript sources (tests), in dist/.
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/montecarlo/worker.js', here) : new URL('./worker.js', here);
}

/**
 * A pool of worker threads running the Monte Carlo worker entry (`worker.ts`), kept open across many Monte
 * Carlos (the dashboard's passes), so each does not pay for starting threads and compiling the scenario.
 */
export interface WorkerPool {
  readonly workers: number;
  /** Stops the threads; the pool is unusable after. */
  close(): Promise<void>;
}

// The Piscina behind each pool handed out, kept out of the interface so callers cannot bypass runOnPool.
const piscinas = new WeakMap<WorkerPool, Piscina>();

/** Opens a pool of `workers` threads, which run until it is closed. */
export function openWorkerPool(workers: number): WorkerPool {
  const piscina = new Piscina({ filename: workerFile().href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  const pool: WorkerPool = {
    workers,
    close: () => {
      piscinas.delete(pool);
      return piscina.destroy();
    },
  };
  piscinas.set(pool, piscina);
  return pool;
}

/** What a worker needs to compile a scenario itself: the texts the main thread read, and a key to cache it by. */
export interface ScenarioShipment {
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  /** The scenario itself, for runners in this thread; dropped before a request crosses to a worker. */
  readonly local: CompiledScenario;
}

/** Packs a compiled scenario's source texts for workers (they never read files). */
export function shipScenario(c: CompiledScenario): ScenarioShipment {
  const sources = c.merged.sources.map((s) => ({ file: s.file, text: s.text }));
  return { key: createHash('sha256').update(JSON.stringify(sources)).digest('hex'), entry: c.merged.file, sources, local: c };
}

/**
 * Runs tasks on worker threads, at most two per thread in flight (so memory stays bounded however many tasks
 * there are), handing each reply to `onReply` as it comes, in any order. A value out of its legal range in a
 * worker throws ValueRangeError (ScenarioRangeError in a comparison); aborting the signal throws MonteCarloAborted.
 *
 * Given a number, it opens a pool of that many threads and is gone when the promise settles; an abort then
 * stops the threads at once. Given an open pool, it leaves it open: an abort stops handing out tasks and
 * lets those in flight finish (a chunk takes tens of milliseconds), so the threads stay warm for the next.
 */
export async function runOnPool<T>(
  target: number | WorkerPool,
  tasks: readonly T[],
  request: (task: T) => WorkRequest,
  onReply: (task: T, reply: WorkReply) => void,
  signal?: AbortSignal,
): Promise<void> {
  const owned = typeof target === 'number';
  const pool = owned ? openWorkerPool(target) : target;
  const piscina = piscinas.get(pool);
  if (piscina === undefined) throw new Error('runOnPool was given a closed pool, or one openWorkerPool did not open');
  // Killing threads mid-task is for pools this call owns: a borrowed pool's tasks are left to finish.
  const kill = new AbortController();
  const onAbort = () => {
    if (owned) kill.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let failure: unknown;
  try {
    let next = 0;
    const runOne = async (): Promise<void> => {
      while (next < tasks.length && failure === undefined && !signal?.aborted) {
        const task = tasks[next++];
        const reply = (await piscina.run(forWorker(request(task)), { signal: kill.signal })) as ChunkReply;
        if (failure !== undefined || signal?.aborted) return;
        onReply(task, unwrapReply(reply));
      }
    };
    const runners = Array.from({ length: Math.min(2 * pool.workers, tasks.length) }, () =>
      runOne().catch((e: unknown) => {
        failure ??= e;
        if (owned) kill.abort();
      }),
    );
    await Promise.all(runners);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (owned) await pool.close();
  }
  if (signal?.aborted) throw new MonteCarloAborted();
  if (failure !== undefined) throw failure;
}

import { answer } from './answer.js';
import type { Job } from './job.js';
import { MonteCarloAborted } from './monteCarloAborted.js';
import { forWorker, type ChunkReply } from './protocol.js';
import { replyBuffers } from './replyBuffers.js';
import { unwrapReply } from './unwrapReply.js';
import { runOnPool, type WorkerPool } from './workerPool.js';

/**
 * Where a job's tasks run: in this thread or on worker threads. Every backend gives a job the same replies
 * for the same tasks (each depends on its request alone), so a job's result does not depend on the runner.
 * A value out of its legal range rejects with ValueRangeError (ScenarioRangeError in a comparison), an
 * aborted signal with MonteCarloAborted.
 */
export interface Runner {
  /** The threads the tasks run on: 1 in this thread. */
  readonly threads: number;
  run<T, R>(job: Job<T, R>, signal?: AbortSignal): Promise<R>;
}

/**
 * Runs a job's tasks in this thread, one after another, letting the event loop run between them (so Ctrl-C
 * and progress output get through). With `serialise`, each request and reply is copied as a worker thread's
 * would be (structured clone, the compiled scenario dropped), so tests exercise the worker protocol without
 * starting threads.
 */
export function inThreadRunner(options: { readonly serialise?: boolean } = {}): Runner {
  const serialise = options.serialise === true;
  return {
    threads: 1,
    async run(job, signal) {
      for (const task of job.tasks) {
        if (signal?.aborted) throw new MonteCarloAborted();
        const request = job.request(task);
        const reply = serialise ? copyReply(answer(structuredClone(forWorker(request)))) : answer(request);
        job.take(task, unwrapReply(reply));
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (signal?.aborted) throw new MonteCarloAborted();
      return job.result();
    },
  };
}

// As a reply crosses from a worker: its buffers moved, everything else copied.
function copyReply(reply: ChunkReply): ChunkReply {
  return structuredClone(reply, { transfer: replyBuffers(reply) });
}

/**
 * Runs a job's tasks on worker threads, at most two a thread in flight. Given a number, each `run` starts
 * that many threads and stops them when it settles (an abort kills them at once); given an open pool, it
 * leaves it open (an abort lets the tasks in flight finish, so the threads stay warm).
 */
export function poolRunner(target: number | WorkerPool): Runner {
  return {
    threads: typeof target === 'number' ? target : target.workers,
    async run(job, signal) {
      await runOnPool(target, job.tasks, (task) => job.request(task), (task, reply) => job.take(task, reply), signal);
      return job.result();
    },
  };
}

/** How a caller says where to run: a runner, an open pool, or a number of threads (1 or fewer: this thread). */
export interface RunnerChoice {
  readonly runner?: Runner;
  readonly pool?: WorkerPool;
  readonly workers?: number;
}

/**
 * The runner a choice names. A job of one task, or one worker, runs in this thread: starting threads for it
 * would cost more than it saves.
 */
export function chooseRunner(choice: RunnerChoice, tasks: number): Runner {
  if (choice.runner !== undefined) return choice.runner;
  if (choice.pool !== undefined) return poolRunner(choice.pool);
  const workers = Math.max(1, Math.floor(choice.workers ?? 1));
  return workers > 1 && tasks > 1 ? poolRunner(workers) : inThreadRunner();
}

/** Runs a job to its end in this thread, synchronously: for callers that cannot wait on a promise. */
export function runJobSync<T, R>(job: Job<T, R>): R {
  for (const task of job.tasks) job.take(task, unwrapReply(answer(job.request(task))));
  return job.result();
}

import type { WorkReply, WorkRequest } from './protocol.js';

/**
 * A piece of Monte Carlo work as a runner sees it: its tasks, the request of the worker protocol each
 * becomes, what to do with each reply (replies come in any order) and the result once every task is done.
 * Runs, cells, sensitivity points, comparisons and run tables are each one job, written once, whether
 * their tasks run in this thread or on worker threads.
 */
export interface Job<T, R> {
  readonly tasks: readonly T[];
  request(task: T): WorkRequest;
  take(task: T, reply: WorkReply): void;
  result(): R;
}

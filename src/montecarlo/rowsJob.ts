import type { CompiledScenario } from '../scenario/compiled.js';
import { chunksOf } from './chunksOf.js';
import type { Job } from './job.js';
import { chooseRunner, type RunnerChoice } from './runner.js';
import { shipScenario } from './workerPool.js';
import type { DesignKind } from '../design/designKind.js';
import { designOf } from './designOf.js';

/** The rows of one chunk of runs of one scenario: its cells and drawn parameters, run after run. */
export interface RowsChunk {
  /** Which of the job's scenarios (a sweep's policy) the runs are of. */
  readonly scenario: number;
  readonly first: number;
  readonly count: number;
  /** `[run][k]`, the cells asked for. */
  readonly values: Float64Array;
  /** `[run][k]`, the parameters asked for. */
  readonly parameters: Float64Array;
}

/** What a run table collects: runs [0, runs) of each scenario, the cells and parameters of each run. */
export interface RowsJobOptions {
  readonly runs: number;
  readonly seed: number;
  readonly cells: Int32Array;
  readonly parameters: readonly string[];
  /** Takes the chunks in order: scenario after scenario, runs in order within each. */
  readonly onRows: (chunk: RowsChunk) => void;
  /** Called as chunks finish, with the runs (of every scenario) done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the uncertain parameters are sampled (default mc, plain Monte Carlo), the same for every scenario. */
  readonly design?: DesignKind;
}

interface RowsTask {
  readonly index: number;
  readonly scenario: number;
  readonly first: number;
  readonly count: number;
}

/**
 * A run table as a job: runs [0, runs) of each scenario (a sweep's policies, on common random numbers: run i
 * of each draws the same parameters and streams), each chunk's cells and drawn parameters handed to
 * `onRows` in order, so a table streams to its file in bounded memory: chunks that finish early wait for
 * those before them, and a runner has only a few in flight (two a thread).
 */
export function rowsJob(scenarios: readonly CompiledScenario[], options: RowsJobOptions): Job<RowsTask, void> {
  const { runs, seed, cells, parameters } = options;
  const shipped = scenarios.map(shipScenario);
  const design = designOf(scenarios[0], options);
  const tasks: RowsTask[] = [];
  scenarios.forEach((_, scenario) => {
    for (const { first, count } of chunksOf(runs)) tasks.push({ index: tasks.length, scenario, first, count });
  });
  const waiting = new Map<number, RowsChunk>();
  let next = 0;
  let done = 0;
  const total = runs * scenarios.length;
  return {
    tasks,
    request: ({ scenario, first, count }) => ({ type: 'cells', ...shipped[scenario], seed, first, count, cells, parameters, ...design }),
    take: (task, reply) => {
      if (reply.type !== 'cells' || reply.parameters === undefined) throw new Error(`a worker answered a run table's chunk with ${reply.type}`);
      waiting.set(task.index, { scenario: task.scenario, first: task.first, count: task.count, values: reply.values, parameters: reply.parameters });
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next++);
        options.onRows(ready);
        done += ready.count;
        options.onProgress?.(done, total);
      }
    },
    result: () => {
      if (waiting.size > 0 || next !== tasks.length) throw new Error('a run table ended with chunks missing');
    },
  };
}

/** How to make a run table's rows: what, and where. */
export interface RowsOptions extends RowsJobOptions, RunnerChoice {
  /** Aborting stops the runs; the promise then rejects with MonteCarloAborted. */
  readonly signal?: AbortSignal;
}

/** Runs `rowsJob` where the options say. */
export async function collectRows(scenarios: readonly CompiledScenario[], options: RowsOptions): Promise<void> {
  const job = rowsJob(scenarios, options);
  await chooseRunner(options, job.tasks.length).run(job, options.signal);
}

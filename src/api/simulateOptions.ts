/** How many runs to simulate, from which master seed, and on how many worker threads. */
export interface SimulateOptions {
  /** Monte Carlo runs, a whole number from 1 to 10,000,000. */
  readonly runs: number;
  /** Master seed, a safe integer: the same seed always gives the same result. */
  readonly seed: number;
  /** Worker threads to spread runs over (default 1: this thread); results do not depend on it. */
  readonly workers?: number;
}

const MAX_RUNS = 10_000_000;

/** Returns the options when they are usable, or throws a RangeError that says which one is not and why. */
export function checkSimulateOptions<T extends SimulateOptions>(options: T): T {
  const { runs, seed, workers } = options;
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) throw new RangeError(`runs must be a whole number from 1 to ${MAX_RUNS} (got ${runs})`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer such as 1 or 20261125 (got ${seed})`);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be a whole number >= 1 (got ${workers})`);
  return options;
}

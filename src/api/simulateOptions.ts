import { nearest } from '../scenario/nearest.js';
import { describeArgument } from './checkArguments.js';

/** How many runs to simulate, from which master seed, and on how many worker threads. */
export interface SimulateOptions {
  /** Monte Carlo runs, a whole number from 1 to 10,000,000. */
  readonly runs: number;
  /** Master seed, a safe integer: the same seed always gives the same result. */
  readonly seed: number;
  /** Worker threads to spread runs over, 1 to 256 (default 1: this thread); results do not depend on it. */
  readonly workers?: number;
}

const MAX_RUNS = 10_000_000;
const MAX_WORKERS = 256;
const KEYS = ['runs', 'seed', 'workers'];

/**
 * Returns the options when they are usable, or throws a TypeError for a wrong kind of value or an unknown
 * option and a RangeError for a number out of range, saying which option and why.
 */
export function checkSimulateOptions(options: SimulateOptions, fn = 'simulate'): SimulateOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object such as { runs: 1000, seed: 1 } (got ${describeArgument(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) {
      const guess = nearest(key, KEYS);
      throw new TypeError(`${fn}: unknown option '${key}'${guess ? `; did you mean '${guess}'?` : ''} (the options are ${KEYS.join(', ')})`);
    }
  }
  const { runs, seed, workers } = options;
  const number = (name: string, x: unknown, expected: string) => {
    if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be a number, ${expected} (got ${describeArgument(x)})`);
  };
  number('runs', runs, `a whole number from 1 to ${MAX_RUNS}`);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) throw new RangeError(`runs must be a whole number from 1 to ${MAX_RUNS} (got ${runs})`);
  number('seed', seed, 'a safe integer such as 1 or 20261125');
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer such as 1 or 20261125 (got ${seed})`);
  if (workers !== undefined) {
    number('workers', workers, `a whole number from 1 to ${MAX_WORKERS}`);
    if (!(Number.isInteger(workers) && workers >= 1 && workers <= MAX_WORKERS)) throw new RangeError(`workers must be a whole number from 1 to ${MAX_WORKERS} (got ${workers})`);
  }
  return options;
}

import { InvalidArgumentError } from 'commander';

/** The most runs a command takes. */
export const MAX_RUNS = 10_000_000;

/** Parses --runs: a whole number from 1 to MAX_RUNS. */
export function parseRuns(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`expected a whole number of runs from 1 to ${MAX_RUNS} (got '${text}')`);
  const n = Number(text);
  if (n < 1 || n > MAX_RUNS) throw new InvalidArgumentError(`expected a whole number of runs from 1 to ${MAX_RUNS} (got ${text})`);
  return n;
}

/** Parses --seed: any safe whole number. */
export function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new InvalidArgumentError(`expected a whole number such as 1 or 20261125 (got '${text}')`);
  }
  return Number(text);
}

/** Parses --workers: a whole number of threads from 1 to 256. */
export function parseWorkers(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 256) {
    throw new InvalidArgumentError(`expected a whole number of worker threads from 1 to 256 (got '${text}')`);
  }
  return Number(text);
}

const MAX_SAMPLES = 1_000_000;

/** Parses --samples: a whole number of runs per bar, trajectories or base samples, 1 to a million. */
export function parseSamples(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > MAX_SAMPLES) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_SAMPLES} (got '${text}')`);
  }
  return Number(text);
}

/** Parses a --year option: one calendar year. */
export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new InvalidArgumentError(`expected a calendar year such as 2035 (got '${text}')`);
  return Number(text);
}

/** A parser of a share given on the command line, a plain number from `low` to `high`, such as --min-coverage 0.6. */
export function parseShare(low: number, high: number) {
  return (text: string) => {
    const x = Number(text);
    if (!/^\s*[\d.]+\s*$/.test(text) || !(x >= low && x <= high)) throw new InvalidArgumentError(`expected a number from ${low} to ${high} (got '${text}')`);
    return x;
  };
}

import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1): the only form in which randomness enters the core. */
export type Rng = () => number;

/**
 * Derives the random stream of one component of one Monte Carlo run from (seed, run, component) alone.
 *
 * Because a stream depends on nothing else, results do not depend on run order or worker count, and the
 * same run of two scenarios draws the same numbers for the same component (common random numbers).
 */
export function streamFor(seed: number, run: number, component: string): Rng {
  // Alea is several times faster than seedrandom's default ARC4 and its seeding hashes the whole string.
  return seedrandom.alea(`brigadas:${seed}:${run}:${component}`);
}

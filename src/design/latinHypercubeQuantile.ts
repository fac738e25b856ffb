// Latin hypercube sampling (McKay, Beckman & Conover 1979): the N runs split each parameter's range of
// quantiles into N equal strata and put exactly one run in each, with the strata of different parameters
// matched at random. What it improves: a parameter's N values cover its whole distribution evenly, so the
// part of an output that is additive (or monotone) in the parameters varies much less between seeds than
// under plain Monte Carlo; the interactions between parameters are sampled no better than by Monte Carlo.
// What it does not improve: the model's own binomial noise, drawn from each run's streams, which is not
// stratified; and quantiles of outputs, which gain less than their means.
import { streamFor } from '../random/rng.js';
import { nameHash, seedKey } from './hash32.js';
import { permuteIndex } from './keyedPermutation.js';

// v is moved to the middle of Alea's 2^-32 cell, so it lies in [2^-33, 1 - 2^-33] and never at 0.
const HALF_CELL = 2 ** -33;
// The largest double below 1: (N - 1 + v) / N rounds to 1 for N beyond about 2^20, and must not.
const BELOW_ONE = 1 - 2 ** -53;

// 'lhs:' + name, cached: a fresh string would be hashed again by streamFor on every call.
const components = new Map<string, string>();
function component(name: string): string {
  let c = components.get(name);
  if (c === undefined) {
    c = `lhs:${name}`;
    components.set(name, c);
  }
  return c;
}

/**
 * The Latin hypercube quantile in (0, 1) of parameter `name` in run `run` of `runs`: (pi(run) + v) / runs.
 *
 * pi, the stratum, is a pseudorandom permutation of the runs keyed by (seed, name), so each parameter's runs
 * fill its strata exactly once, and adding a parameter leaves the others' columns unchanged; v, the place
 * within the stratum, comes from the run's own stream (seed, run, 'lhs:' + name).
 * Requires 1 <= runs <= 2^32 and 0 <= run < runs.
 */
export function latinHypercubeQuantile(seed: number, runs: number, name: string, run: number): number {
  const stratum = permuteIndex(run, runs, seedKey(seed, nameHash(name)));
  const v = streamFor(seed, run, component(name))() + HALF_CELL;
  const u = (stratum + v) / runs;
  return u < 1 ? u : BELOW_ONE;
}

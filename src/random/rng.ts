import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1): the only form in which randomness enters the core. */
export type Rng = () => number;

// FNV-1a hash of a component name, cached: a run asks for the same few dozen names again and again.
const componentHashes = new Map<string, number>();
function componentHash(component: string): number {
  let h = componentHashes.get(component);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < component.length; i++) h = Math.imul(h ^ component.charCodeAt(i), 0x01000193) >>> 0;
    componentHashes.set(component, h);
  }
  return h;
}

// SplitMix32-style finalizer (Stafford's mix13 constants): a bijection of 32-bit words with full avalanche.
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO_POW_32 = 0x100000000;

/**
 * Derives the random stream of one component of one Monte Carlo run from (seed, run, component) alone.
 *
 * Because a stream depends on nothing else, results do not depend on run order or worker count, and the
 * same run of two scenarios draws the same numbers for the same component (common random numbers).
 * The generator is seedrandom's Alea (several times faster than its default ARC4); its three 32-bit state
 * words are set from a hash of (seed, run, component), which costs far less than hashing a seed string.
 */
export function streamFor(seed: number, run: number, component: string): Rng {
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / TWO_POW_32) >>> 0;
  let h = mix(componentHash(component) ^ mix(seedLow ^ mix(seedHigh + 0x9e3779b9)));
  h = mix(h ^ mix(run >>> 0) ^ Math.floor(run / TWO_POW_32));
  const s0 = mix(h + 0x6a09e667);
  const s1 = mix(h + 0xbb67ae85);
  const s2 = mix(h + 0x3c6ef372);
  return seedrandom.alea('', { state: { c: 1, s0: s0 / TWO_POW_32, s1: s1 / TWO_POW_32, s2: s2 / TWO_POW_32 } });
}

// Small keyed hashes of 32-bit words. The designs need keys derived from (seed, parameter) that differ
// unpredictably for neighbouring seeds and names, but are computed in a few multiplications, with no state.

/** Mixes a 32-bit word into another with full avalanche (Wellons' lowbias32, a bijection of 32-bit words). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO_POW_32 = 0x100000000;

/** A 32-bit key of a master seed (any safe integer, negative too) and a 32-bit salt, such as a name's hash. */
export function seedKey(seed: number, salt: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  return mix32(mix32(mix32(high + 0x7f4a7c15) ^ low) ^ salt);
}

// FNV-1a of a name, cached because a run asks for the same few dozen names again and again.
const nameHashes = new Map<string, number>();

/** The 32-bit FNV-1a hash of a parameter name. */
export function nameHash(name: string): number {
  let h = nameHashes.get(name);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    nameHashes.set(name, h);
  }
  return h;
}

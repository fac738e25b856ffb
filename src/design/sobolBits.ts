import { MAX_SOBOL_DIMENSIONS, sobolDirections } from './sobolDirections.js';

/**
 * Point `index` (0 <= index < 2^32) of the unscrambled Sobol sequence in dimension `dim`, as a 32-bit binary
 * fraction (divide by 2^32 for the point), computed from the bits of the index alone.
 *
 * The points come in Gray-code order, as in Joe and Kuo's, scipy's and SALib's generators (dimension 0 runs
 * 0, 1/2, 3/4, 1/4, ...), so they match those published points one for one; any 2^m consecutive points
 * starting at a multiple of 2^m are the same set as in the natural order.
 */
export function sobolBits(index: number, dim: number): number {
  // Past the table the XORs would silently read nothing and give a wrong point, so refuse instead.
  if (!(dim >= 0 && dim < MAX_SOBOL_DIMENSIONS)) throw new RangeError(`no Sobol direction numbers for dimension ${dim}`);
  const v = sobolDirections();
  const o = dim * 32;
  // Visit only the set bits of the Gray code, lowest first: j = 31 - clz(lowest bit).
  let gray = index ^ (index >>> 1);
  let x = 0;
  while (gray !== 0) {
    x ^= v[o + 31 - Math.clz32(gray & -gray)];
    gray &= gray - 1;
  }
  return x >>> 0;
}

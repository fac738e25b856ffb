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
  let gray = (index ^ (index >>> 1)) >>> 0;
  let x = 0;
  let j = dim * 32;
  while (gray !== 0) {
    if (gray & 1) x ^= v[j];
    gray >>>= 1;
    j++;
  }
  return x >>> 0;
}

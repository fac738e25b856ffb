import { mix32 } from './hash32.js';

// Six rounds: a Feistel network is a pseudorandom permutation after four rounds when its halves are wide;
// the extra two help the narrow halves of small N, at a cost of a few nanoseconds.
const ROUNDS = 6;

/**
 * The image of index under a pseudorandom permutation of [0, size), chosen by a 32-bit key, with O(1) memory.
 *
 * An unbalanced Feistel network permutes [0, 2^b), the smallest power of two holding size; images at or
 * beyond size are walked on through the same permutation until they land inside (cycle-walking), which
 * restricts it to a permutation of [0, size). Because 2^b < 2 size, fewer than two steps are needed on average.
 * Requires 1 <= size <= 2^32 and 0 <= index < size, both whole numbers.
 */
export function permuteIndex(index: number, size: number, key: number): number {
  if (size <= 1) return 0;
  const bits = 32 - Math.clz32(size - 1);
  let x = index;
  do x = feistel(x, bits, key);
  while (x >= size);
  return x;
}

// One pass of the network over b-bit words: the left part has ceil(b/2) bits, the right floor(b/2); each
// round moves the right part to the left and puts left XOR F(right) on the right, so the widths swap every
// round and are back in place after an even number of rounds. Each round is invertible, whatever F is.
function feistel(x: number, bits: number, key: number): number {
  let leftBits = bits - (bits >>> 1);
  let rightBits = bits >>> 1;
  let left = x >>> rightBits;
  let right = x & ((1 << rightBits) - 1);
  for (let r = 0; r < ROUNDS; r++) {
    const f = mix32((right ^ key) + Math.imul(r + 1, 0x9e3779b9));
    const next = (left ^ f) & ((1 << leftBits) - 1);
    left = right;
    right = next;
    const w = leftBits;
    leftBits = rightBits;
    rightBits = w;
  }
  return left * (1 << rightBits) + right;
}

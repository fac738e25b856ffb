// Hash-based Owen scrambling (Burley 2020, "Practical Hash-based Owen Scrambling", JCGT 9(4)), with the
// improved Laine-Karras-style hash of Vegdahl (2021). Owen's nested uniform scramble (Owen 1995) flips each
// binary digit of a point according to a random function of the digits above it; a hash that lets bit k of
// its output depend only on bits 0..k of its input does exactly that once applied to the bit-reversed word.
// Such a scramble maps each dyadic interval onto another of the same size, so every (t, m, s)-net stays a
// (t, m, s)-net, while each point becomes uniformly distributed (to 32 bits): the estimate is unbiased and its
// spread over seeds is an honest error bar.

function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/** Applies the nested uniform scramble chosen by a 32-bit key to a 32-bit binary fraction. */
export function owenScramble(bits: number, key: number): number {
  let x = reverseBits(bits);
  // Additions, multiplications and x ^= x * even carry information only toward higher bits.
  x ^= Math.imul(x, 0x3d20adea);
  x = (x + key) | 0;
  x = Math.imul(x, (key >>> 16) | 1);
  x ^= Math.imul(x, 0x05526c56);
  x ^= Math.imul(x, 0x53a22864);
  return reverseBits(x);
}

// Scrambled Sobol sampling (Sobol 1967; direction numbers of Joe & Kuo 2008; Owen 1995 scrambling in the
// hash-based form of Burley 2020). Run k is point k of a Sobol sequence, parameter d its coordinate d.
// What it improves: the first 2^m runs form a (t, m, s)-net: every parameter's 2^m quantiles fall one in
// each of 2^m equal cells, and pairs of parameters are stratified jointly too, on cells whose fineness Joe
// and Kuo's numbers were chosen to make good; smooth outputs of the parameters then converge faster than
// with Monte Carlo, interactions included. The balance is exact only when N is a power of two: with other N
// the last, incomplete block of points is not stratified, so prefer N = 512, 1024, 2048...
// What it does not improve: the model's own binomial noise, drawn from each run's streams, is not
// stratified; quantiles of outputs gain less than their means; and the gain shrinks for outputs driven by
// many parameters at once, or by a discontinuity.
// Dimensions follow the order of the parameters: adding a parameter in the middle shifts the later ones.
import { mix32, seedKey } from './hash32.js';
import { owenScramble } from './owenScramble.js';
import { sobolBits } from './sobolBits.js';

const TWO_POW_32 = 0x100000000;
const TWO_POW_21 = 0x200000;

/**
 * The scrambled Sobol quantile in (0, 1) of dimension `dim` in run `run` (0 <= run < 2^32).
 *
 * The scramble is keyed by (seed, dim). Below its 32 bits a keyed offset, an odd multiple of 2^-53 under
 * 2^-32, stands for the digits a full Owen scramble would draw at random; it also keeps the point strictly
 * inside (0, 1), between 2^-53 and 1 - 2^-53.
 */
export function sobolQuantile(seed: number, dim: number, run: number): number {
  const key = seedKey(seed, mix32(dim + 0x5b0b01));
  const bits = owenScramble(sobolBits(run, dim), key);
  // 20 random bits and a final 1: X + fine is exact in a double, since X < 2^32 leaves 21 bits below the point.
  const fine = (((mix32(key ^ mix32(run >>> 0)) >>> 12) << 1) | 1) / TWO_POW_21;
  return (bits + fine) / TWO_POW_32;
}

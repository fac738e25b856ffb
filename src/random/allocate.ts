import type { Rng } from './rng.js';

/**
 * Splits `total` people among categories in proportion to their whole-number `weights[0 .. count)` by
 * systematic sampling with one uniform, writing the counts to `out`: each count is its expected share
 * `total × weight / Σweights` rounded down or up (so its mean is exactly that share), the counts sum to
 * `total`, and no count exceeds its weight when `total <= Σweights`.
 */
export function allocate(rng: Rng, total: number, weights: Float64Array, count: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[i];
  if (total <= 0 || sum <= 0) {
    out.fill(0, 0, count);
    return;
  }
  // Integer arithmetic throughout: offset in [0, sum), cumulative boundaries floor((C_i × total + offset) / sum).
  // While the numerators stay below 2^53 (10^8 workers shared out 10^8 at a time) every product,
  // division and floor is exact in doubles and the last boundary is exactly `total`; beyond, in BigInt.
  const offset = Math.floor(rng() * sum);
  if (!exactInDoubles(sum, total)) {
    allocateBig(total, weights, count, out, sum, offset);
    return;
  }
  let cumulative = 0;
  let before = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    // An empty category gets nothing and leaves the boundary where it was: no division needed.
    if (w === 0) {
      out[i] = 0;
      continue;
    }
    cumulative += w;
    const boundary = Math.floor((cumulative * total + offset) / sum);
    out[i] = boundary - before;
    before = boundary;
  }
}

// Whether (C × total + offset) / sum, for C and offset up to sum, is exact in doubles.
function exactInDoubles(sum: number, total: number): boolean {
  return sum * (total + 1) < 2 ** 53;
}

// allocate's arithmetic in BigInt, for sums of weights too large for doubles to keep exact (never at the
// scale of real programmes, but inputs do not rule it out).
function allocateBig(total: number, weights: Float64Array, count: number, out: Float64Array, sum: number, offset: number): void {
  const t = BigInt(total);
  const s = BigInt(sum);
  const o = BigInt(offset);
  let cumulative = 0n;
  let before = 0n;
  for (let i = 0; i < count; i++) {
    cumulative += BigInt(weights[i]);
    const boundary = (cumulative * t + o) / s;
    out[i] = Number(boundary - before);
    before = boundary;
  }
}

/**
 * Splits `total` people drawn from a group of `whole`, `part` of whom are of one kind, and returns how many
 * of them are of that kind: `allocate` for two categories, without arrays (never more than `part`, never
 * fewer than `total - (whole - part)`).
 */
export function splitWhole(rng: Rng, total: number, part: number, whole: number): number {
  if (total <= 0 || part <= 0) return 0;
  if (part >= whole) return total;
  const offset = Math.floor(rng() * whole);
  if (!exactInDoubles(whole, total)) return Number((BigInt(part) * BigInt(total) + BigInt(offset)) / BigInt(whole));
  return Math.floor((part * total + offset) / whole);
}

/**
 * Splits `total` into two parts, the first `share` of it in expectation, with one uniform: the first part
 * is `total × share` rounded down or up at random (systematic sampling of two categories).
 */
export function splitShare(rng: Rng, total: number, share: number): number {
  if (total <= 0 || share <= 0) return 0;
  if (share >= 1) return total;
  // Up with probability equal to the fraction: adding the uniform to a large product would round.
  const x = total * share;
  const down = Math.floor(x);
  return rng() < x - down ? down + 1 : down;
}

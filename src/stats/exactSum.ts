/** Room for the partial sums of one exact sum in `ExactSums`: real sums need one to three. */
export const EXACT_PARTIALS = 16;

// Non-overlapping partials each hold at least one bit of the 2,098 a double's exponents span.
const MAX_PARTIALS = 2112;

/**
 * Adds x to the non-overlapping partial sums `buf[base .. base + length)` that together hold a running
 * total exactly (Shewchuk's algorithm, as in Python's math.fsum) and returns their new number, which is at
 * most `length + 1`. Throws a RangeError, having written nothing beyond `base + capacity`, when that would
 * not fit in `capacity`: callers give `length < capacity` (as `ExactSums` does) and it never happens.
 * A total beyond the largest double gives NaN or Infinity.
 */
export function addExactAt(buf: Float64Array, base: number, capacity: number, length: number, x: number): number {
  let i = 0;
  for (let j = 0; j < length; j++) {
    let y = buf[base + j];
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) buf[base + i++] = lo;
    x = hi;
  }
  if (i >= capacity) throw new RangeError(`an exact sum needed more than ${capacity} partials`);
  buf[base + i] = x;
  return i + 1;
}

/**
 * Many exact sums side by side (one per cell of a Monte Carlo), kept in one typed array with room for the
 * few partials real sums need; a sum that needs more moves to a buffer of its own, big enough for any.
 * Adding runs once per run, metric and year, so it must not grow lists.
 */
export class ExactSums {
  private readonly buf: Float64Array;
  private readonly lengths: Int32Array;
  private readonly big = new Map<number, Float64Array>();

  constructor(readonly count: number) {
    this.buf = new Float64Array(count * EXACT_PARTIALS);
    this.lengths = new Int32Array(count);
  }

  /** Adds x to sum i. */
  add(i: number, x: number): void {
    const length = this.lengths[i];
    const own = this.big.get(i);
    if (own) {
      this.lengths[i] = addExactAt(own, 0, MAX_PARTIALS, length, x);
      return;
    }
    if (length < EXACT_PARTIALS) {
      this.lengths[i] = addExactAt(this.buf, i * EXACT_PARTIALS, EXACT_PARTIALS, length, x);
      return;
    }
    const moved = new Float64Array(MAX_PARTIALS);
    moved.set(this.buf.subarray(i * EXACT_PARTIALS, (i + 1) * EXACT_PARTIALS));
    this.big.set(i, moved);
    this.lengths[i] = addExactAt(moved, 0, MAX_PARTIALS, length, x);
  }

  /** The partials of sum i (a view: valid until the next add). */
  partials(i: number): Float64Array {
    const own = this.big.get(i);
    return own ? own.subarray(0, this.lengths[i]) : this.buf.subarray(i * EXACT_PARTIALS, i * EXACT_PARTIALS + this.lengths[i]);
  }
}

/**
 * Returns the exact total held by partial sums, correctly rounded to a double: the same whatever order the
 * values were added in, so a sum over runs does not depend on how runs were split among workers.
 */
export function exactTotal(partials: ArrayLike<number>): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Round half-even when the rest of the partials lies on the same side as lo (CPython's fsum).
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

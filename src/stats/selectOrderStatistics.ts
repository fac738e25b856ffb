import { selectInPlace } from './selectSorted.js';

// Enough buckets that the few holding a wanted rank are small, few enough that counting them stays in cache.
const BUCKETS = 4096;

/**
 * Places each wanted order statistic of `a[0 .. n)` (ranks `ks`, ascending, 0-based) at its index, as a
 * full sort would, given the range's minimum and maximum: exact, in about two passes over the values.
 *
 * Values are counted into equal-width buckets between min and max (a monotone map, so every value of a
 * bucket lies between those of its neighbours), then only the buckets that hold a wanted rank are gathered
 * and selected in. Repeated quickselects over the whole range cost five times as much for the ten order
 * statistics of a summary, and summaries of 10,000 runs are most of a Monte Carlo's main-thread time.
 */
export function selectOrderStatistics(a: Float64Array, n: number, ks: readonly number[], min: number, max: number, scratch: OrderScratch): void {
  const scale = BUCKETS / (max - min);
  // Small or degenerate ranges (including widths so narrow, below ~2e-305, that the scale overflows):
  // plain quickselects.
  if (n <= 64 || !(max > min) || !Number.isFinite(max - min) || !Number.isFinite(scale)) {
    for (const k of ks) selectInPlace(a, k, 0, n - 1);
    return;
  }
  const { counts, bucketOf, gathered } = scratch.ensure(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(BUCKETS - 1, Math.floor((a[i] - min) * scale));
    bucketOf[i] = b;
    counts[b]++;
  }
  // Mark the buckets holding a wanted rank and give each its region of `gathered`, in bucket order.
  const starts = scratch.starts;
  starts.fill(-1);
  let rank = 0;
  let cursor = 0;
  let next = 0;
  for (let b = 0; b < BUCKETS && next < ks.length; b++) {
    const end = rank + counts[b];
    if (ks[next] < end) {
      starts[b] = cursor;
      cursor += counts[b];
      while (next < ks.length && ks[next] < end) next++;
    }
    rank = end;
  }
  const fill = scratch.fill;
  fill.fill(0);
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i];
    const s = starts[b];
    if (s >= 0) gathered[s + fill[b]++] = a[i];
  }
  // Select each wanted rank within its bucket's region and write it to its index in `a`.
  rank = 0;
  next = 0;
  for (let b = 0; b < BUCKETS && next < ks.length; b++) {
    const end = rank + counts[b];
    const s = starts[b];
    while (next < ks.length && ks[next] < end) {
      const local = s + (ks[next] - rank);
      selectInPlace(gathered, local, s, s + counts[b] - 1);
      a[ks[next]] = gathered[local];
      next++;
    }
    rank = end;
  }
}

/** Working space of `selectOrderStatistics`, grown as needed and reused across calls. */
export class OrderScratch {
  readonly counts = new Int32Array(BUCKETS);
  readonly starts = new Int32Array(BUCKETS);
  readonly fill = new Int32Array(BUCKETS);
  private bucketOf = new Uint16Array(0);
  private gathered = new Float64Array(0);

  ensure(n: number): { counts: Int32Array; bucketOf: Uint16Array; gathered: Float64Array } {
    if (this.bucketOf.length < n) {
      this.bucketOf = new Uint16Array(n);
      this.gathered = new Float64Array(n);
    }
    return { counts: this.counts, bucketOf: this.bucketOf, gathered: this.gathered };
  }
}

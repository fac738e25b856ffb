/**
 * A mergeable quantile sketch with relative accuracy (DDSketch: Masson, Rim and Lee, VLDB 2019): values are
 * counted in logarithmic buckets, so any quantile it returns is within `alpha` (relative) of the value of
 * the exact order statistic, whatever the data; merging adds counts, so the result does not depend on how
 * values were split or ordered.
 */
export interface LogSketch {
  /** Counts of positive values by bucket key, from `posOffset`. */
  pos: Uint32Array;
  posOffset: number;
  /** Counts of negative values by bucket key of their magnitude, from `negOffset`. */
  neg: Uint32Array;
  negOffset: number;
  zeros: number;
  count: number;
}

/** The relative accuracy of summaries computed from sketches: 0.1%. */
export const SKETCH_ALPHA = 0.001;
const GAMMA = (1 + SKETCH_ALPHA) / (1 - SKETCH_ALPHA);
const LOG_GAMMA = Math.log(GAMMA);
/** Magnitudes below this count as zero. */
const MIN_MAGNITUDE = 1e-300;
/** Key of a NaN (skipped) in the encoded form; zero is key 0, positives > 0, negatives < 0. */
export const NAN_KEY = -0x80000000;
// Bucket keys k (value in (gamma^(k-1), gamma^k]) are shifted by this, so every encoded positive is > 0.
const KEY_SHIFT = 1 << 20;

/** Encodes a value as a signed bucket key (0 for zero, NAN_KEY for NaN) to send from a worker compactly. */
export function sketchKey(v: number): number {
  if (Number.isNaN(v)) return NAN_KEY;
  const a = Math.abs(v);
  if (a < MIN_MAGNITUDE) return 0;
  const k = Math.ceil(Math.log(a) / LOG_GAMMA) + KEY_SHIFT;
  return v > 0 ? k : -k;
}

/** Returns an empty sketch. */
export function emptySketch(): LogSketch {
  return { pos: new Uint32Array(0), posOffset: 0, neg: new Uint32Array(0), negOffset: 0, zeros: 0, count: 0 };
}

/** Counts one encoded key (see `sketchKey`) into a sketch. */
export function addKey(s: LogSketch, key: number): void {
  if (key === NAN_KEY) return;
  s.count++;
  if (key === 0) s.zeros++;
  else if (key > 0) {
    // Fast path first: the key falls in the counts already kept (no object made, no growth).
    const i = key - s.posOffset;
    if (i >= 0 && i < s.pos.length) {
      s.pos[i]++;
      return;
    }
    const store = grow(s.pos, s.posOffset, key);
    s.pos = store.counts;
    s.posOffset = store.offset;
    s.pos[key - s.posOffset]++;
  } else {
    const i = -key - s.negOffset;
    if (i >= 0 && i < s.neg.length) {
      s.neg[i]++;
      return;
    }
    const store = grow(s.neg, s.negOffset, -key);
    s.neg = store.counts;
    s.negOffset = store.offset;
    s.neg[-key - s.negOffset]++;
  }
}

/**
 * Counts `keys[from .. to)` into a sketch: `addKey` for each, with a tight loop over the common cases (a
 * positive key inside the counts already kept, or a zero: a quarter of the baseline's values), which the
 * main thread runs for every value of a large Monte Carlo.
 */
export function addKeys(s: LogSketch, keys: Int32Array, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const pos = s.pos;
    const offset = s.posOffset;
    const length = pos.length;
    const start = i;
    let zeros = 0;
    for (; i < to; i++) {
      const key = keys[i];
      const j = key - offset;
      // A positive key lies above every zero and negative key, and offset is positive when length > 0.
      if (j >= 0 && j < length && key > 0) pos[j]++;
      else if (key === 0) zeros++;
      else break;
    }
    s.count += i - start;
    s.zeros += zeros;
    if (i < to) addKey(s, keys[i++]);
  }
}

// Keeps a dense run of bucket counts that covers `key`, growing it (with slack) when needed.
function grow(counts: Uint32Array, offset: number, key: number): { counts: Uint32Array; offset: number } {
  if (counts.length === 0) {
    const out = new Uint32Array(64);
    return { counts: out, offset: key - 32 };
  }
  if (key >= offset && key < offset + counts.length) return { counts, offset };
  const lo = Math.min(offset, key);
  const hi = Math.max(offset + counts.length, key + 1);
  const slack = Math.max(32, (hi - lo) >> 1);
  const newOffset = key < offset ? lo - slack : lo;
  const out = new Uint32Array(hi - newOffset + (key < offset ? 0 : slack));
  out.set(counts, offset - newOffset);
  return { counts: out, offset: newOffset };
}

/** Returns the value of a bucket: the point whose relative error to every value of the bucket is at most alpha. */
function bucketValue(key: number): number {
  return (2 * Math.pow(GAMMA, key - KEY_SHIFT)) / (GAMMA + 1);
}

/**
 * Returns the sketch's estimate of the order statistic of rank r (0-based, as in a sorted array of its
 * values): the value of the bucket that holds that rank.
 */
export function sketchRank(s: LogSketch, r: number): number {
  let seen = 0;
  // Negatives first, from the largest magnitude down.
  for (let i = s.neg.length - 1; i >= 0; i--) {
    seen += s.neg[i];
    if (r < seen) return -bucketValue(i + s.negOffset);
  }
  seen += s.zeros;
  if (r < seen) return 0;
  for (let i = 0; i < s.pos.length; i++) {
    seen += s.pos[i];
    if (r < seen) return bucketValue(i + s.posOffset);
  }
  return bucketValue(s.pos.length - 1 + s.posOffset);
}

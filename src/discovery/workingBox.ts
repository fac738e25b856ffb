import type { PrimLimit } from './primBox.js';
import type { PrimSpace, SpaceDim } from './primSpace.js';
import { isMissing } from './primSpace.js';

/** A box being peeled or pasted, in place: one range or level mask per dimension of a `PrimSpace`. */
export interface WorkingBox {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** For 'category' dimensions, 1 for each kept level code; null for ranges. */
  readonly masks: readonly (Uint8Array | null)[];
  /** 1 while runs with a missing value on the dimension stay inside the box. */
  readonly admitsMissing: Uint8Array;
}

/** Returns the box that holds the whole space: every dimension at its data range, missing values admitted. */
export function wholeSpace(space: PrimSpace): WorkingBox {
  const { dims } = space;
  return {
    lo: Float64Array.from(dims, (d) => d.lo),
    hi: Float64Array.from(dims, (d) => d.hi),
    masks: dims.map((d) => (d.present === null ? null : d.present.slice())),
    admitsMissing: new Uint8Array(dims.length).fill(1),
  };
}

/** Whether the box restricts dimension j: a narrower range, a dropped level, or missing values shut out. */
export function isRestricted(dim: SpaceDim, box: WorkingBox, j: number): boolean {
  if (box.admitsMissing[j] === 0 && dim.missingRows.length > 0) return true;
  const mask = box.masks[j];
  if (mask === null) return box.lo[j] > dim.lo || box.hi[j] < dim.hi;
  const present = dim.present!;
  for (let c = 0; c < present.length; c++) if (present[c] === 1 && mask[c] === 0) return true;
  return false;
}

/** Whether run r lies outside the box on dimension j. */
export function violates(dim: SpaceDim, box: WorkingBox, j: number, r: number): boolean {
  const v = dim.values[r];
  if (isMissing(v)) return box.admitsMissing[j] === 0;
  const mask = box.masks[j];
  return mask === null ? v < box.lo[j] || v > box.hi[j] : mask[v] === 0;
}

/** Returns the public form of the box's limit on dimension j. */
export function limitOf(dim: SpaceDim, box: WorkingBox, j: number): PrimLimit {
  const admitsMissing = box.admitsMissing[j] === 1;
  const mask = box.masks[j];
  if (mask === null) return { name: dim.name, kind: dim.kind as 'real' | 'integer', lo: box.lo[j], hi: box.hi[j], admitsMissing };
  return { name: dim.name, kind: 'category', levels: dim.levels.filter((_, c) => mask[c] === 1), admitsMissing };
}

/** Rebuilds a working box over `space` from a box's public limits, matched by name; absent names stay whole. */
export function workingBoxOf(space: PrimSpace, limits: readonly PrimLimit[]): WorkingBox {
  const box = wholeSpace(space);
  const byName = new Map(limits.map((l) => [l.name, l]));
  space.dims.forEach((dim, j) => {
    const limit = byName.get(dim.name);
    if (limit === undefined) return;
    box.admitsMissing[j] = limit.admitsMissing ? 1 : 0;
    if (limit.kind === 'category') {
      const mask = box.masks[j]!;
      const kept = new Set(limit.levels);
      dim.levels.forEach((name, c) => {
        if (!kept.has(name)) mask[c] = 0;
      });
    } else {
      box.lo[j] = limit.lo;
      box.hi[j] = limit.hi;
    }
  });
  return box;
}

/**
 * Counts, for every run, how many of the dimensions `dims` the box shuts it out on (0, 1, or 2 for "two or
 * more") and which one when it is exactly one: a run in the box with one restriction lifted is a run with
 * no violation or a single violation of that restriction.
 */
export function violations(space: PrimSpace, box: WorkingBox, dims: readonly number[]): { count: Uint8Array; only: Int32Array } {
  const count = new Uint8Array(space.n);
  const only = new Int32Array(space.n).fill(-1);
  for (const j of dims) {
    const { values } = space.dims[j];
    const shutsMissing = box.admitsMissing[j] === 0;
    const mask = box.masks[j];
    const lo = box.lo[j];
    const hi = box.hi[j];
    // One loop per kind, written out: this runs over every run for every restricted dimension.
    for (let r = 0; r < space.n; r++) {
      const v = values[r];
      const out = !Number.isFinite(v) ? shutsMissing : mask === null ? v < lo || v > hi : mask[v] === 0;
      if (out && count[r] < 2) {
        count[r]++;
        only[r] = count[r] === 1 ? j : -1;
      }
    }
  }
  return { count, only };
}

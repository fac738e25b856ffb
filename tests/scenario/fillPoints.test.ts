import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillPoints } from '../../src/scenario/fillSchedule.js';

/**
 * The plain definition, month by month: k is the last point at or before month t (or 0 if none is); a linear
 * schedule between point k and the next draws the straight line, anything else holds point k's value.
 */
function reference(kind: 'step' | 'linear', ts: readonly number[], vs: readonly number[], months: number): Float64Array {
  const out = new Float64Array(months);
  for (let t = 0; t < months; t++) {
    let k = 0;
    for (let j = 0; j < ts.length; j++) if (ts[j] <= t) k = j;
    if (kind === 'linear' && k + 1 < ts.length && ts[k] <= t) {
      out[t] = vs[k] + ((t - ts[k]) / (ts[k + 1] - ts[k])) * (vs[k + 1] - vs[k]);
    } else out[t] = vs[k];
  }
  return out;
}

/** Indices where `got` and `expected` differ by Object.is (so -0 against 0 and NaN against NaN are compared exactly). */
function differences(got: Float64Array, expected: Float64Array): { t: number; got: number; expected: number }[] {
  const diffs: { t: number; got: number; expected: number }[] = [];
  if (got.length !== expected.length) return [{ t: -1, got: got.length, expected: expected.length }];
  for (let t = 0; t < got.length; t++) if (!Object.is(got[t], expected[t])) diffs.push({ t, got: got[t], expected: expected[t] });
  return diffs;
}

// Point months: ascending, duplicates allowed, from before the start to past the end of the horizon.
const pointMonths = (months: number) =>
  fc
    .array(fc.oneof(fc.integer({ min: -60, max: months + 60 }), fc.integer({ min: 0, max: Math.max(0, months - 1) })), {
      minLength: 1,
      maxLength: 12,
    })
    .chain((ts) => fc.constantFrom(ts, [...ts, ...ts.slice(0, 2)]))
    .map((ts) => [...ts].sort((a, b) => a - b));

const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -100, max: 100 }), fc.double());

const scheduleCase = fc
  .oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom(0, 1, 600))
  .chain((months) =>
    pointMonths(months).chain((ts) =>
      fc.record({
        kind: fc.constantFrom('step' as const, 'linear' as const),
        months: fc.constant(months),
        ts: fc.constant(ts),
        vs: fc.array(value, { minLength: ts.length, maxLength: ts.length }),
      }),
    ),
  );

describe('fillPoints', () => {
  it('equals the month-by-month definition exactly (Object.is per month) for step and linear schedules, any point months and 0..600 months', () => {
    fc.assert(
      fc.property(scheduleCase, ({ kind, months, ts, vs }) => {
        expect(differences(fillPoints(kind, ts, vs, months), reference(kind, ts, vs, months))).toEqual([]);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('holds the first value before the first point and the last value after the last one', () => {
    expect(Array.from(fillPoints('step', [2, 4], [10, 20], 6))).toEqual([10, 10, 10, 10, 20, 20]);
    expect(Array.from(fillPoints('linear', [2, 4], [10, 20], 6))).toEqual([10, 10, 10, 15, 20, 20]);
  });

  it('interpolates from a point before month 0 and stops at a point after the horizon', () => {
    // Line from (-2, 0) to (8, 10): month t has value t + 2.
    expect(Array.from(fillPoints('linear', [-2, 8], [0, 10], 5))).toEqual([2, 3, 4, 5, 6]);
    expect(Array.from(fillPoints('step', [-2, 8], [0, 10], 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it('takes the last of several points in the same month', () => {
    expect(Array.from(fillPoints('step', [0, 2, 2, 4], [1, 2, 3, 4], 5))).toEqual([1, 1, 3, 3, 4]);
    expect(Array.from(fillPoints('linear', [0, 2, 2, 4], [1, 2, 3, 5], 5))).toEqual([1, 1.5, 3, 4, 5]);
  });

  it('returns an empty array for 0 months and a single point held throughout', () => {
    expect(fillPoints('linear', [0, 3], [1, 2], 0).length).toBe(0);
    expect(Array.from(fillPoints('linear', [5], [7], 3))).toEqual([7, 7, 7]);
    expect(Array.from(fillPoints('step', [-5], [7], 3))).toEqual([7, 7, 7]);
  });
});

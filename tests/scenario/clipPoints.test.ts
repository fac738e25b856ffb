import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipPoints } from '../../src/scenario/clipPoints.js';
import { fillPoints } from '../../src/scenario/fillSchedule.js';

type Kind = 'step' | 'linear';
type Point = { t: number; v: number };

const fill = (kind: Kind, ps: readonly Point[], months: number) =>
  fillPoints(
    kind,
    ps.map((p) => p.t),
    ps.map((p) => p.v),
    months,
  );
const clip = (kind: Kind, ts: number[], vs: number[], months: number) =>
  clipPoints(
    kind,
    ts.map((t, k) => ({ t, v: vs[k] })),
    months,
  ).map((p) => [p.t, p.v]);

// Month by month with Object.is, so -0 against 0 and NaN against NaN count too.
function sameMonths(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, t) => Object.is(x, b[t]));
}

// Schedules whose points lie anywhere from well before the horizon to well after it, duplicates included.
const scheduleCase = fc.integer({ min: 0, max: 240 }).chain((months) =>
  fc
    .array(fc.record({ t: fc.integer({ min: -60, max: months + 60 }), v: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double()) }), {
      minLength: 1,
      maxLength: 12,
    })
    .map((ps) => ({ months, ps: [...ps].sort((a, b) => a.t - b.t) })),
);

describe('clipPoints', () => {
  it('leaves every month of the horizon exactly as the unclipped schedule gives it, for step and linear schedules', () => {
    fc.assert(
      fc.property(scheduleCase, fc.constantFrom<Kind>('step', 'linear'), ({ months, ps }, kind) => {
        expect(sameMonths(fill(kind, clipPoints(kind, ps, months), months), fill(kind, ps, months))).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('keeps no step point outside the horizon and at most one linear point on each side of it', () => {
    fc.assert(
      fc.property(scheduleCase, ({ months, ps }) => {
        if (months === 0 || ps[0].t > 0 || ps[ps.length - 1].t < 0) return;
        const step = clipPoints('step', ps, months);
        expect(step.every((p) => p.t >= 0 && p.t < months)).toBe(true);
        const linear = clipPoints('linear', ps, months);
        expect(linear.filter((p) => p.t < 0).length).toBeLessThanOrEqual(1);
        expect(linear.filter((p) => p.t >= months).length).toBeLessThanOrEqual(1);
      }),
      { seed: 8, numRuns: 1000 },
    );
  });

  it('moves the step value in force at the start to the start and drops the points after the end', () => {
    // Months -30 (false), -10 (true) and 40 (false) on a 24-month horizon: true from the start, throughout.
    expect(clip('step', [-30, -10, 5, 40], [0, 1, 2, 0], 24)).toEqual([
      [0, 1],
      [5, 2],
    ]);
    // A point exactly at the start is kept as it is; earlier ones go.
    expect(clip('step', [-3, 0, 30], [1, 2, 3], 24)).toEqual([[0, 2]]);
  });

  it('keeps the linear points whose lines cross the start and the end, and drops those beyond them', () => {
    expect(clip('linear', [-40, -20, 10, 30, 50], [0, 10, 20, 30, 40], 24)).toEqual([
      [-20, 10],
      [10, 20],
      [30, 30],
    ]);
    // Points on the first and last months need nothing beyond them, except the next one after the end,
    // which reads as 0 times its slope on the last month.
    expect(clip('linear', [-5, 0, 23, 40, 60], [1, 2, 3, 4, 5], 24)).toEqual([
      [0, 2],
      [23, 3],
      [40, 4],
    ]);
  });

  it('keeps a schedule whose points all come after the start (the first value holds before it)', () => {
    expect(clip('step', [3, 5], [1, 2], 24)).toEqual([
      [3, 1],
      [5, 2],
    ]);
    expect(clip('linear', [30, 40], [1, 2], 24)).toEqual([[30, 1]]);
    expect(clipPoints('step', [], 24)).toEqual([]);
  });
});

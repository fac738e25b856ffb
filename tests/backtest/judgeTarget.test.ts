// The back-test arithmetic on a hand-made targets file and hand-made bands: inside or not, the median's
// relative error, and the shares by series and by fit and held-out set.
import { describe, expect, it } from 'vitest';
import { nearMissNote } from '../../src/backtest/formatBacktestTable.js';
import { isPinned, judgeTarget, PINNED_WIDTH, type Band } from '../../src/backtest/judgeTarget.js';
import { summarizeBacktest } from '../../src/backtest/summarizeBacktest.js';
import { parseOk, targetsFile } from './targetsText.js';

const TARGETS = parseOk(
  targetsFile(
    'P1,points,m,2010,point,100,,,u,src,X001,fit,none,scholarly,',
    'P2,points,m,2011,point,100,,,u,src,X001,heldout,none,scholarly,',
    'P3,points,m,2012,point,100,,,u,src,X001,fit,none,scholarly,',
    'L1,bounds,m,2010,lower_bound,100,,,u,src,X001,fit,none,scholarly,',
    'L2,bounds,m,2011,lower_bound,100,,,u,src,X001,heldout,none,scholarly,',
    'U1,bounds,m,2010,upper_bound,100,,,u,src,X001,fit,none,scholarly,',
    'U2,bounds,m,2011,upper_bound,100,,,u,src,X001,heldout,none,scholarly,',
    'R1,ranges,m,2010,range,,90,110,u,src,X001,fit,none,scholarly,',
    'R2,ranges,m,2011,range,,200,300,u,src,X001,heldout,none,scholarly,',
    'R3,ranges,m,2012,range,,200,300,u,src,X001,heldout,none,scholarly,',
    'N1,ranges,m,2013,point,100,,,u,src,X001,fit,none,scholarly,',
    'E1,points,m,2013,point,50,,,u,src,X001,excluded,none,scholarly,known not to reconcile',
  ),
);

/** A hand-made summary: each target's band p5, p50, p95. */
const BANDS: Record<string, Band> = {
  P1: { p5: 90, p50: 105, p95: 110 }, // inside; median 5% over
  P2: { p5: 120, p50: 130, p95: 150 }, // band above the point
  P3: { p5: 60, p50: 80, p95: 100 }, // the point on the band's edge counts as inside
  L1: { p5: 60, p50: 80, p95: 95 }, // the whole band below a floor
  L2: { p5: 60, p50: 90, p95: 120 }, // part of the band above the floor, the median below it
  U1: { p5: 80, p50: 120, p95: 140 }, // part of the band below the ceiling, the median above it
  U2: { p5: 105, p50: 120, p95: 140 }, // the whole band above a ceiling
  R1: { p5: 100, p50: 115, p95: 130 }, // overlapping the range, the median above its top
  R2: { p5: 100, p50: 120, p95: 150 }, // the whole band below the range
  R3: { p5: 150, p50: 250, p95: 350 }, // the median inside the range
  N1: { p5: null, p50: null, p95: null }, // no run gave a value
  E1: { p5: 90, p50: 100, p95: 110 },
};

const results = TARGETS.map((t) => judgeTarget(t, BANDS[t.id]));
const byId = Object.fromEntries(results.map((r) => [r.target.id, r]));

describe('judgeTarget', () => {
  it.each([
    ['P1', true, 0.05],
    ['P2', false, 0.3],
    ['P3', true, -0.2],
    ['L1', false, -0.2],
    ['L2', true, -0.1],
    ['U1', true, 0.2],
    ['U2', false, 0.2],
    ['R1', true, 5 / 110],
    ['R2', false, -0.4],
    ['R3', true, 0],
  ] as const)('%s: inside %s, relative error of the median %d', (id, inside, error) => {
    expect(byId[id].inside).toBe(inside);
    expect(byId[id].relativeError).toBeCloseTo(error, 12);
  });

  it('a bound or range the median satisfies has error 0, and a median that does not has the signed error to the nearest end', () => {
    const [floor] = parseOk(targetsFile('L,s,m,2010,lower_bound,100,,,u,src,X001,fit,none,scholarly,'));
    expect(judgeTarget(floor, { p5: 100, p50: 150, p95: 200 }).relativeError).toBe(0);
    const [range] = parseOk(targetsFile('R,s,m,2010,range,,-20,-10,u,src,X001,fit,none,scholarly,'));
    expect(judgeTarget(range, { p5: -5, p50: -5, p95: -5 })).toMatchObject({ inside: false, relativeError: 0.5 });
    const [zero] = parseOk(targetsFile('Z,s,m,2010,point,0,,,u,src,X001,fit,none,scholarly,'));
    expect(judgeTarget(zero, { p5: 1, p50: 2, p95: 3 })).toMatchObject({ inside: false, relativeError: null });
  });

  it('a target without model values is a miss without an error', () => {
    expect(byId.N1).toMatchObject({ inside: false, relativeError: null });
  });
});

describe('summarizeBacktest', () => {
  const s = summarizeBacktest(results);

  it('counts every target but the excluded, which it only counts', () => {
    expect(s.excluded).toBe(1);
    expect(s.all).toMatchObject({ targets: 11, inside: 6 });
    expect(s.all.share).toBeCloseTo(6 / 11, 12);
  });

  it('splits the fit set from the held-out set', () => {
    expect(s.fit).toMatchObject({ targets: 6, inside: 4 }); // P1 P3 L1 U1 R1 N1
    expect(s.heldout).toMatchObject({ targets: 5, inside: 2 }); // P2 L2 U2 R2 R3
    expect(s.fit.share).toBeCloseTo(4 / 6, 12);
    expect(s.heldout.share).toBeCloseTo(2 / 5, 12);
  });

  it('gives each series its share inside and its median and largest absolute error, in order of appearance', () => {
    expect(s.bySeries.map((c) => [c.series, c.inside, c.targets])).toEqual([
      ['points', 2, 3],
      ['bounds', 2, 4],
      ['ranges', 2, 4],
    ]);
    const points = s.bySeries[0];
    expect(points.medianAbsError).toBeCloseTo(0.2, 12); // |0.05|, |0.3|, |-0.2|
    expect(points.maxAbsError).toBeCloseTo(0.3, 12);
    // N1 has no error: the median of R1, R2, R3's errors (5/110, 0.4, 0) is 5/110.
    expect(s.bySeries[2].medianAbsError).toBeCloseTo(5 / 110, 12);
  });

  it('an empty group has no share', () => {
    expect(summarizeBacktest([]).all).toEqual({ targets: 0, inside: 0, share: null, medianAbsError: null, maxAbsError: null });
  });
});

describe('near misses in the table', () => {
  const NEAR = parseOk(
    targetsFile(
      'B1,near,m,2010,point,11400,,,health workers,src,X001,fit,none,scholarly,',
      'B2,near,m,2011,upper_bound,11400,,,health workers,src,X001,fit,none,scholarly,',
      'B3,near,m,2012,point,11400,,,health workers,src,X001,fit,none,scholarly,',
    ),
  );
  const [below, above, far] = NEAR;

  it('say the unrounded observation and band edge when both round to the same figure', () => {
    expect(nearMissNote(judgeTarget(below, { p5: 11000, p50: 11300, p95: 11398.75 }))).toBe(
      '             (unrounded: observed 11,400, p95 11,398.75, a miss by 1.25)',
    );
    expect(nearMissNote(judgeTarget(above, { p5: 11401, p50: 11500, p95: 11600 }))).toBe(
      '             (unrounded: observed 11,400, p5 11,401, a miss by 1)',
    );
  });

  it('say nothing for a hit or for a miss the rounded figures already show', () => {
    expect(nearMissNote(judgeTarget(far, { p5: 11000, p50: 11400, p95: 11800 }))).toBeUndefined();
    expect(nearMissNote(judgeTarget(far, { p5: 9000, p50: 9500, p95: 10000 }))).toBeUndefined();
  });
});

describe('pinned bands', () => {
  const [t] = parseOk(targetsFile('T,s,m,2017,point,8600,,,health workers,src,X091,fit,host:brazil.demand,scholarly,'));
  it.each([
    [{ p5: 8579, p50: 8589, p95: 8595 }, true], // Brazil at the end of 2017: 16 workers wide
    [{ p5: 27651, p50: 27958, p95: 28000 }, true], // Venezuela at the end of 2017: 1.25% of the median
    [{ p5: 11009, p50: 11335, p95: 11370 }, false], // 3.2%
    [{ p5: 0, p50: 0, p95: 0 }, true], // every run gives 0
    [{ p5: -1, p50: 0, p95: 1 }, false],
    [{ p5: null, p50: null, p95: null }, false], // no run gave a value: nothing to be pinned
  ])('%o: pinned %s', (band, pinned) => {
    expect(judgeTarget(t, band).pinned).toBe(pinned);
    expect(isPinned(band)).toBe(pinned);
  });

  it(`the threshold is ${PINNED_WIDTH * 100}% of the median's size, whatever its sign`, () => {
    expect(isPinned({ p5: -101.9, p50: -100, p95: -100 })).toBe(true);
    expect(isPinned({ p5: -102.1, p50: -100, p95: -100 })).toBe(false);
  });
});

describe('summarizeBacktest: anchors, families and pinned bands', () => {
  const MIXED = parseOk(
    targetsFile(
      'A1,s,m,2019,point,100,,,u,src,X095,heldout,host:venezuela.demand,cuban-state,', // an anchor held out: inside
      'A2,s,m,2010,point,100,,,u,src,X091,fit,host:brazil.demand,scholarly,', // an anchor fitted: inside, pinned
      'F1,s,m,2020,point,100,,,u,src,X001,heldout,none,wire-press,', // anchor-free held out: inside
      'F2,s,m,2021,point,100,,,u,src,X001,heldout,none,cuban-state,', // anchor-free held out: a miss
      'F3,s,m,2010,point,100,,,u,src,X001,fit,none,wire-press,', // anchor-free but fitted
      'E1,s,m,2019,point,100,,,u,src,X001,excluded,none,advocacy,excluded for a reason',
    ),
  );
  const bands: Record<string, Band> = {
    A1: { p5: 90, p50: 100, p95: 110 },
    A2: { p5: 99.9, p50: 100, p95: 100.1 },
    F1: { p5: 95, p50: 101, p95: 120 },
    F2: { p5: 120, p50: 130, p95: 140 },
    F3: { p5: 50, p50: 60, p95: 70 },
    E1: { p5: 100, p50: 100, p95: 100 },
  };
  const s = summarizeBacktest(MIXED.map((t) => judgeTarget(t, bands[t.id])));

  it('the headline counts held-out targets without anchors only', () => {
    expect(s.heldoutAnchorFree).toMatchObject({ targets: 2, inside: 1, share: 0.5 }); // F1, F2
    expect(s.heldout).toMatchObject({ targets: 3, inside: 2 }); // A1, F1, F2
  });

  it('anchors counts fitted and held-out anchors alike', () => {
    expect(s.anchors).toMatchObject({ targets: 2, inside: 2 }); // A1, A2
  });

  it('gives each family with counted targets a row, in the vocabulary order; excluded targets count nowhere', () => {
    expect(s.byFamily.map((c) => [c.family, c.inside, c.targets])).toEqual([
      ['cuban-state', 1, 2],
      ['wire-press', 1, 2],
      ['scholarly', 1, 1],
    ]);
  });

  it('counts the pinned bands of counted targets', () => {
    expect(s.pinned).toBe(1); // A2; E1's band has no width but E1 is excluded
  });
});

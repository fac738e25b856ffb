// The calibration's arithmetic on hand-made draws: misses, distances, kept draws and their weights, the
// effective sample size, weighted quantiles and correlations, each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { abcDistances } from '../../src/calibration/abcDistances.js';
import { abcWeights } from '../../src/calibration/abcWeights.js';
import { effectiveSampleSize } from '../../src/calibration/effectiveSampleSize.js';
import { relativeMiss } from '../../src/calibration/relativeMiss.js';
import { weightedCorrelation } from '../../src/calibration/weightedCorrelation.js';
import { weightedQuantiles } from '../../src/calibration/weightedQuantiles.js';
import { parseOk, targetsFile } from '../backtest/targetsText.js';

// Series A: a point of 100 and a floor of 50; series B: a range 10-20.
const targets = parseOk(
  targetsFile(
    'T1,A,healthWorkersAbroad,2010,point,100,,,workers,test,X001,fit,none,scholarly,',
    'T2,A,healthWorkersAbroad,2011,lower_bound,50,,,workers,test,X001,fit,none,scholarly,',
    'T3,B,doctorsAbroad,2010,range,,10,20,doctors,test,X001,fit,none,scholarly,',
  ),
);

// samples[k][i]: target k in draw i. Draw 3 has no value for T1 (a ratio over zero).
const samples = [
  [110, 100, 80, NaN],
  [60, 40, 50, 70],
  [15, 22, 10, 12],
];

describe('relativeMiss', () => {
  it('is 0 on a point, inside a range and on the right side of a bound', () => {
    expect(relativeMiss({ low: 100, high: 100 }, 100)).toBe(0);
    expect(relativeMiss({ low: 10, high: 20 }, 15)).toBe(0);
    expect(relativeMiss({ low: 50, high: Infinity }, 1e9)).toBe(0);
    expect(relativeMiss({ low: -Infinity, high: 5 }, -1e9)).toBe(0);
  });

  it('is the miss relative to the end missed, absolute against an end of 0, and infinite without a value', () => {
    expect(relativeMiss({ low: 100, high: 100 }, 110)).toBeCloseTo(0.1, 15);
    expect(relativeMiss({ low: 50, high: Infinity }, 40)).toBeCloseTo(0.2, 15);
    expect(relativeMiss({ low: 10, high: 20 }, 22)).toBeCloseTo(0.1, 15);
    expect(relativeMiss({ low: -200, high: -100 }, -90)).toBeCloseTo(0.1, 15);
    expect(relativeMiss({ low: -Infinity, high: 0 }, 3)).toBe(3);
    expect(relativeMiss({ low: 1, high: 1 }, NaN)).toBe(Infinity);
  });
});

describe('abcDistances', () => {
  it('averages squared misses within each series, then over series, and takes the root', () => {
    const d = abcDistances(targets, samples, 4);
    // Draw 0: A = (0.1^2 + 0) / 2, B = 0 -> sqrt(0.005 / 2). Draw 1: A = 0.2^2 / 2, B = 0.1^2 -> sqrt(0.03 / 2).
    // Draw 2: A = 0.2^2 / 2, B = 0 -> sqrt(0.02 / 2). Draw 3: no value for T1 -> infinite.
    expect(d[0]).toBeCloseTo(0.05, 15);
    expect(d[1]).toBeCloseTo(Math.sqrt(0.015), 15);
    expect(d[2]).toBeCloseTo(0.1, 15);
    expect(d[3]).toBe(Infinity);
  });

  it('gives each series the same say however many targets it has', () => {
    // Doubling series B's single target into two identical ones changes nothing.
    const twice = [...targets, { ...targets[2], id: 'T4' }];
    expect(abcDistances(twice, [...samples, samples[2]], 4)).toEqual(abcDistances(targets, samples, 4));
  });
});

describe('abcWeights', () => {
  const distances = [0.05, Math.sqrt(0.015), 0.1, Infinity];

  it('keeps the nearest draws with Epanechnikov weights 1 - (d / eps)^2, eps the nearest distance left out', () => {
    const w = abcWeights(distances, 2);
    // Kept: draws 0 and 2; eps = distance of draw 1, eps^2 = 0.015.
    expect(w[0]).toBeCloseTo(1 - 0.0025 / 0.015, 15);
    expect(w[2]).toBeCloseTo(1 - 0.01 / 0.015, 15);
    expect([w[1], w[3]]).toEqual([0, 0]);
    expect(effectiveSampleSize(w)).toBeCloseTo(49 / 29, 12); // (5/6 + 1/3)^2 / ((5/6)^2 + (1/3)^2)
  });

  it('weighs every kept draw 1 when all are kept, and a kept draw without a value 0', () => {
    expect(Array.from(abcWeights(distances, 4))).toEqual([1, 1, 1, 0]);
    expect(Array.from(abcWeights([0, 0, 0, 1], 2))).toEqual([1, 1, 0, 0]); // eps = 0: equal weights
  });

  it('breaks ties by draw order, so the kept set never depends on the sort', () => {
    expect(Array.from(abcWeights([0.2, 0.1, 0.1, 0.3], 2))).toEqual([0, 0.75, 0.75, 0]);
    // Keeping one of a tie: draw 1 is kept, but it is as far as draw 2 left out, so it weighs 0.
    expect(Array.from(abcWeights([0.2, 0.1, 0.1, 0.3], 1))).toEqual([0, 0, 0, 0]);
  });
});

describe('weightedQuantiles', () => {
  it('with equal weights gives Hazen quantiles: each value at the middle of its share', () => {
    // Middles 0.125, 0.375, 0.625, 0.875.
    expect(weightedQuantiles([4, 2, 3, 1], [1, 1, 1, 1], [0.05, 0.125, 0.25, 0.5, 0.8, 0.95])).toEqual([1, 1, 1.5, 2.5, 3 + 0.175 / 0.25, 4]);
  });

  it('moves each value to the middle of its weight', () => {
    // 1 with weight 3 stands at 0.375, 3 with weight 1 at 0.875.
    expect(weightedQuantiles([1, 3], [3, 1], [0.2, 0.5, 0.625, 0.9])).toEqual([1, 1.5, 2, 3]);
  });

  it('skips values of weight 0 and NaN, and is NaN when nothing is left', () => {
    expect(weightedQuantiles([1, 100, NaN, 3], [3, 0, 5, 1], [0.5])).toEqual([1.5]);
    expect(weightedQuantiles([1, 2], [0, 0], [0.5])).toEqual([NaN]);
    expect(weightedQuantiles([7], [2], [0, 0.5, 1])).toEqual([7, 7, 7]);
  });
});

describe('weightedCorrelation', () => {
  it('is Pearson on the weighted draws: 1 and -1 on lines, draws of weight 0 ignored', () => {
    expect(weightedCorrelation([1, 2, 3, 100], [2, 4, 6, -5], [1, 2, 1, 0])).toBeCloseTo(1, 12);
    expect(weightedCorrelation([1, 2, 3], [3, 2, 1], [1, 1, 1])).toBeCloseTo(-1, 12);
    // x = (0, 1, 0, 1), y = (0, 0, 1, 1) with equal weights: uncorrelated.
    expect(weightedCorrelation([0, 1, 0, 1], [0, 0, 1, 1], [1, 1, 1, 1])).toBe(0);
    expect(weightedCorrelation([1, 1], [1, 2], [1, 1])).toBeNaN();
  });
});

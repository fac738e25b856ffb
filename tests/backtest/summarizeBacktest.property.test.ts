// Properties of the back-test summary over any mix of targets: an anchor never counts in the anchor-free
// held-out headline, whatever its verdict, and the family rows split the counted targets exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeTarget, type TargetResult } from '../../src/backtest/judgeTarget.js';
import { SOURCE_FAMILIES } from '../../src/backtest/sourceFamilies.js';
import { summarizeBacktest } from '../../src/backtest/summarizeBacktest.js';
import type { AnchorRef, Target, TargetSet } from '../../src/backtest/target.js';

const arbAnchor: fc.Arbitrary<AnchorRef> = fc.record({
  kind: fc.constantFrom<AnchorRef['kind']>('prior', 'schedule', 'host', 'event'),
  name: fc.constantFrom('venezuelaDemand2019', 'population', 'venezuela.demand', '2019-11'),
});

const arbTarget = (id: number): fc.Arbitrary<Target> =>
  fc
    .record({
      set: fc.constantFrom<TargetSet>('fit', 'heldout', 'excluded'),
      anchor: fc.oneof(fc.constant([]), fc.array(arbAnchor, { minLength: 1, maxLength: 3 })),
      family: fc.constantFrom(...SOURCE_FAMILIES),
      series: fc.constantFrom('a', 'b', 'c'),
      low: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ set, anchor, family, series, low }) => ({
      id: `T${id}`,
      series,
      metricText: 'm',
      metric: { type: 'metric', name: 'm' },
      periodText: '2019',
      period: { type: 'year', year: 2019 },
      kind: 'point',
      low,
      high: low,
      unit: 'u',
      source: 'src',
      evidence: ['X001'],
      set,
      anchor,
      family,
      note: '',
      at: { file: 'targets.csv', line: id + 2, metricCol: 5, periodCol: 7 },
    }));

// Targets with bands that may or may not meet them.
const arbResults: fc.Arbitrary<TargetResult[]> = fc.integer({ min: 0, max: 30 }).chain((n) =>
  fc.tuple(
    ...Array.from({ length: n }, (_, i) =>
      fc.tuple(arbTarget(i), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 })).map(([t, p5, width]) => judgeTarget(t, { p5, p50: p5 + width / 2, p95: p5 + width })),
    ),
  ),
);

const isAnchor = (r: TargetResult) => r.target.anchor.length > 0;

describe('summarizeBacktest properties', () => {
  it('never counts an anchor in heldoutAnchorFree: it is exactly the held-out targets without anchors', () => {
    fc.assert(
      fc.property(arbResults, (results) => {
        const s = summarizeBacktest(results);
        const free = results.filter((r) => r.target.set === 'heldout' && !isAnchor(r));
        expect(s.heldoutAnchorFree.targets).toBe(free.length);
        expect(s.heldoutAnchorFree.inside).toBe(free.filter((r) => r.inside).length);
        expect(s.anchors.targets).toBe(results.filter((r) => r.target.set !== 'excluded' && isAnchor(r)).length);
      }),
    );
  });

  it("an anchor's verdict cannot move the headline: flipping every anchor's result leaves it as it was", () => {
    fc.assert(
      fc.property(arbResults, (results) => {
        const flipped = results.map((r) => (isAnchor(r) ? { ...r, inside: !r.inside, relativeError: r.relativeError === null ? 1 : -r.relativeError + 1 } : r));
        expect(summarizeBacktest(flipped).heldoutAnchorFree).toEqual(summarizeBacktest(results).heldoutAnchorFree);
      }),
    );
  });

  it('byFamily partitions the counted targets: one row per family present, and the rows add up to all', () => {
    fc.assert(
      fc.property(arbResults, (results) => {
        const s = summarizeBacktest(results);
        const counted = results.filter((r) => r.target.set !== 'excluded');
        const families = s.byFamily.map((c) => c.family);
        expect(new Set(families).size).toBe(families.length);
        expect(new Set(families)).toEqual(new Set(counted.map((r) => r.target.family)));
        expect(s.byFamily.reduce((n, c) => n + c.targets, 0)).toBe(s.all.targets);
        expect(s.byFamily.reduce((n, c) => n + c.inside, 0)).toBe(s.all.inside);
        for (const c of s.byFamily) expect(c.targets).toBe(counted.filter((r) => r.target.family === c.family).length);
      }),
    );
  });

  it('the anchor-free held-out and the held-out anchors together are the held-out set', () => {
    fc.assert(
      fc.property(arbResults, (results) => {
        const s = summarizeBacktest(results);
        const heldAnchors = results.filter((r) => r.target.set === 'heldout' && isAnchor(r));
        expect(s.heldoutAnchorFree.targets + heldAnchors.length).toBe(s.heldout.targets);
        expect(s.heldoutAnchorFree.inside + heldAnchors.filter((r) => r.inside).length).toBe(s.heldout.inside);
      }),
    );
  });
});

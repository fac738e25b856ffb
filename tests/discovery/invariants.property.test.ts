// Invariants of the trajectory on small random tables with many ties and some missing values. fast-check
// picks the shape from a fixed seed; the values come from the project's seeded streams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBox } from '../../src/discovery/chooseBox.js';
import { inspectBox } from '../../src/discovery/inspectBox.js';
import { prim } from '../../src/discovery/prim.js';
import type { PrimBox, PrimLimit } from '../../src/discovery/primBox.js';
import type { PrimColumn, PrimColumnKind, PrimTable } from '../../src/discovery/primTable.js';
import { streamFor } from '../../src/random/rng.js';

interface Shape {
  seed: number;
  n: number;
  kinds: PrimColumnKind[];
  distinct: number;
  missingShare: number;
  caseShare: number;
}

const shapes = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  n: fc.integer({ min: 1, max: 300 }),
  kinds: fc.array(fc.constantFrom<PrimColumnKind>('real', 'integer', 'category'), { minLength: 1, maxLength: 4 }),
  distinct: fc.integer({ min: 1, max: 12 }),
  missingShare: fc.constantFrom(0, 0, 0.1),
  caseShare: fc.constantFrom(0.1, 0.3, 0.6),
});

function build(s: Shape): PrimTable {
  const rng = streamFor(s.seed, 0, 'discovery-invariants');
  const columns: PrimColumn[] = s.kinds.map((kind, j) => {
    const levels = Array.from({ length: Math.min(s.distinct, 5) }, (_, c) => `L${c}`);
    const values = Float64Array.from({ length: s.n }, () => {
      if (rng() < s.missingShare) return NaN;
      if (kind === 'category') return Math.floor(rng() * levels.length);
      // Few distinct values, so ties are everywhere; reals get an uneven spread.
      const v = Math.floor(rng() * s.distinct);
      return kind === 'integer' ? v - 3 : v * v * 0.37 - 2;
    });
    return kind === 'category' ? { name: `c${j}`, kind, values, levels } : { name: `c${j}`, kind, values };
  });
  // Cases lean on the first column, so there is something to find.
  const first = columns[0].values;
  const cases = Uint8Array.from({ length: s.n }, (_, r) => (rng() < (first[r] > 0 ? s.caseShare : s.caseShare / 3) ? 1 : 0));
  return { columns, cases };
}

function inLimit(table: PrimTable, limit: PrimLimit, r: number): boolean {
  const column = table.columns.find((c) => c.name === limit.name)!;
  const v = column.values[r];
  if (!Number.isFinite(v)) return limit.admitsMissing;
  return limit.kind === 'category' ? limit.levels.includes(column.levels![v]) : v >= limit.lo && v <= limit.hi;
}

// Runs in a box counted from its limits alone.
function members(table: PrimTable, box: PrimBox): number[] {
  const rows: number[] = [];
  for (let r = 0; r < table.cases.length; r++) if (box.limits.every((l) => inLimit(table, l, r))) rows.push(r);
  return rows;
}

describe('PRIM trajectory invariants', () => {
  it('statistics match the box, peeling nests and shrinks, limits stay in the data', () => {
    // Which kinds of dimension were peeled and pasted, so the test shows it reached both phases on each.
    const reached = new Set<string>();
    fc.assert(
      fc.property(shapes, (s) => {
        const table = build(s);
        const result = prim(table, { massMin: 0.02 });
        const { trajectory } = result;
        const total = table.cases.reduce((a, c) => a + c, 0);
        let before: Set<number> | undefined;
        trajectory.forEach((box, i) => {
          const rows = members(table, box);
          const cases = rows.reduce((a, r) => a + table.cases[r], 0);
          expect(box.count).toBe(rows.length);
          expect(box.cases).toBe(cases);
          expect(box.density).toBe(rows.length > 0 ? cases / rows.length : 0);
          expect(box.coverage).toBeGreaterThanOrEqual(0);
          expect(box.coverage).toBeLessThanOrEqual(1);
          expect(box.coverage).toBe(total > 0 ? cases / total : 0);
          expect(box.mass).toBe(rows.length / s.n);
          expect(box.restrictedDims).toBe(box.restricted.length);
          if (i > 0) expect(box.mass).toBeGreaterThanOrEqual(result.settings.massMin);
          for (const l of box.limits) {
            const d = result.dimensions.find((x) => x.name === l.name)!;
            if (l.kind === 'category') for (const level of l.levels) expect(d.levels).toContain(level);
            else {
              expect(l.lo).toBeGreaterThanOrEqual(d.range![0]);
              expect(l.hi).toBeLessThanOrEqual(d.range![1]);
              expect(l.lo).toBeLessThanOrEqual(l.hi);
            }
          }
          const set = new Set(rows);
          if (i > 0) {
            const changed = box.limits.findIndex((l, j) => l !== trajectory[i - 1].limits[j]);
            reached.add(`${box.phase} ${box.limits[changed].kind}`);
          }
          if (i > 0 && i <= result.lastPeel) {
            // Peeling: strictly less mass, the density rises, and every box holds the ones after it.
            expect(box.phase).toBe('peel');
            expect(box.mass).toBeLessThan(trajectory[i - 1].mass);
            expect(box.density).toBeGreaterThan(trajectory[i - 1].density);
            for (const r of set) expect(before!.has(r)).toBe(true);
          }
          if (i > result.lastPeel) {
            // Pasting: more mass and a higher density, never a lost run.
            expect(box.phase).toBe('paste');
            expect(box.mass).toBeGreaterThan(trajectory[i - 1].mass);
            expect(box.density).toBeGreaterThan(trajectory[i - 1].density);
            for (const r of before!) expect(set.has(r)).toBe(true);
          }
          before = set;
        });
        const chosen = chooseBox(result);
        for (const r of inspectBox(table, chosen.box)) {
          for (const p of [r.qp, r.qpLower, r.qpUpper]) {
            if (p === null) continue;
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
        }
      }),
      { seed: 2030, numRuns: 300 },
    );
    // Pasting a whole-number dimension is rare on these tables; planted.test.ts pastes one on purpose.
    expect([...reached].sort()).toEqual(['paste category', 'paste real', 'peel category', 'peel integer', 'peel real']);
  });
});

// Tables with nothing to find, or too little to peel: clear results, never NaN or a throw.
import { describe, expect, it } from 'vitest';
import { chooseBox } from '../../src/discovery/chooseBox.js';
import { formatDiscovery } from '../../src/discovery/formatDiscovery.js';
import { inspectBox } from '../../src/discovery/inspectBox.js';
import { prim } from '../../src/discovery/prim.js';
import type { PrimResult } from '../../src/discovery/primBox.js';
import type { PrimTable } from '../../src/discovery/primTable.js';
import { plantedTable } from './planted.js';

const real = (name: string, values: number[]) => ({ name, kind: 'real' as const, values: Float64Array.from(values) });

function finite(result: PrimResult) {
  for (const b of result.trajectory) for (const v of [b.coverage, b.density, b.mass]) expect(Number.isFinite(v)).toBe(true);
}

function wholeSpaceOnly(table: PrimTable, stop: PrimResult['stop']) {
  const result = prim(table);
  expect(result.stop).toBe(stop);
  expect(result.trajectory).toHaveLength(1);
  finite(result);
  const chosen = chooseBox(result);
  expect(chosen.box.step).toBe(0);
  expect(inspectBox(table, chosen.box)).toEqual([]);
  expect(formatDiscovery(result, chosen, [])).toContain('restricts no dimension');
  return { result, chosen };
}

describe('degenerate tables', () => {
  it('no runs', () => {
    const { result } = wholeSpaceOnly({ columns: [real('x', [])], cases: new Uint8Array(0) }, 'no-rows');
    expect(result.trajectory[0]).toMatchObject({ count: 0, cases: 0, coverage: 0, density: 0, mass: 0 });
    expect(result.ignored).toEqual([{ name: 'x', reason: 'no runs' }]);
  });

  it('no cases of interest: the whole space, flagged as not covering the cases', () => {
    const t = plantedTable(4, 200, 3, () => false);
    const { result, chosen } = wholeSpaceOnly(t, 'no-cases');
    expect(result.trajectory[0]).toMatchObject({ coverage: 0, density: 0, mass: 1 });
    expect(chosen.metCoverage).toBe(false);
  });

  it('every run a case of interest: the whole space, density 1', () => {
    const { result, chosen } = wholeSpaceOnly(plantedTable(4, 200, 3, () => true), 'all-cases');
    expect(result.trajectory[0]).toMatchObject({ coverage: 1, density: 1, mass: 1 });
    expect(chosen.metCoverage).toBe(true);
  });

  it('a single run, a case', () => {
    wholeSpaceOnly({ columns: [real('x', [0.5])], cases: Uint8Array.of(1) }, 'all-cases');
  });

  it('a single run that is no case', () => {
    wholeSpaceOnly({ columns: [real('x', [0.5])], cases: Uint8Array.of(0) }, 'no-cases');
  });

  it('no columns', () => {
    wholeSpaceOnly({ columns: [], cases: Uint8Array.of(1, 0, 1) }, 'no-peel');
  });

  it('constant columns are never restricted', () => {
    const n = 100;
    const table = {
      columns: [real('c', Array(n).fill(3)), { name: 'k', kind: 'category' as const, values: new Float64Array(n), levels: ['only'] }],
      cases: Uint8Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0),
    };
    const result = prim(table);
    expect(result.trajectory.every((b) => b.restrictedDims === 0)).toBe(true);
    expect(result.stop).toBe('no-gain');
    finite(result);
  });

  it('a constant column beside a planted one is left alone', () => {
    const t = plantedTable(5, 1000, 2, (x) => x[0] < 0.3);
    const table = { columns: [...t.columns, real('c', Array(1000).fill(7))], cases: t.cases };
    expect(chooseBox(prim(table)).box.restricted).toEqual(['x1']);
  });

  it('a column with every value missing is left out, with the reason', () => {
    const t = plantedTable(5, 500, 2, (x) => x[0] < 0.3);
    const table = { columns: [...t.columns, real('gone', Array(500).fill(NaN))], cases: t.cases };
    const result = prim(table);
    expect(result.ignored).toEqual([{ name: 'gone', reason: 'every value is missing' }]);
    expect(result.dimensions.map((d) => d.name)).toEqual(['x1', 'x2']);
    expect(chooseBox(result).box.restricted).toEqual(['x1']);
  });

  it('missing values: inside while the dimension is free, outside once it is restricted', () => {
    const t = plantedTable(6, 2000, 3, (x) => x[0] < 0.3);
    // Every tenth x1 is missing; those runs are never cases, so shutting them out helps.
    const x1 = Float64Array.from(t.columns[0].values, (v, r) => (r % 10 === 0 ? NaN : v));
    const cases = Uint8Array.from(t.cases, (c, r) => (r % 10 === 0 ? 0 : c));
    const table = { columns: [{ ...t.columns[0], values: x1 }, ...t.columns.slice(1)], cases };
    const result = prim(table);
    expect(result.dimensions[0].missing).toBe(200);
    expect(result.trajectory[0].count).toBe(2000);
    const { box } = chooseBox(result);
    expect(box.restricted).toEqual(['x1']);
    expect(box.limits[0].admitsMissing).toBe(false);
    let inside = 0;
    for (let r = 0; r < 2000; r++) if (!Number.isNaN(x1[r]) && x1[r] <= (box.limits[0] as { hi: number }).hi) inside++;
    expect(box.count).toBe(inside);
    finite(result);
    const [r] = inspectBox(table, box);
    expect(Number.isFinite(r.qp)).toBe(true);
  });

  it('malformed tables and options throw', () => {
    expect(() => prim({ columns: [real('x', [1, 2])], cases: Uint8Array.of(1) })).toThrow(RangeError);
    expect(() => prim({ columns: [real('x', [1]), real('x', [2])], cases: Uint8Array.of(1) })).toThrow(TypeError);
    expect(() => prim({ columns: [{ name: 'p', kind: 'category', values: Float64Array.of(3), levels: ['a'] }], cases: Uint8Array.of(1) })).toThrow(RangeError);
    expect(() => prim({ columns: [{ name: 'p', kind: 'category', values: Float64Array.of(0) }], cases: Uint8Array.of(1) })).toThrow(TypeError);
    expect(() => prim({ columns: [], cases: Uint8Array.of(1) }, { peelAlpha: 0.5 })).toThrow(RangeError);
    expect(() => prim({ columns: [], cases: Uint8Array.of(1) }, { massMin: -1 })).toThrow(RangeError);
  });
});

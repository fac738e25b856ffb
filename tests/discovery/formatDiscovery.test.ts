// The report people read, on a small fixed problem. When the wording changes on purpose, review the diff and
// update with `npx vitest run tests/discovery -u`.
import { describe, expect, it } from 'vitest';
import { chooseBox } from '../../src/discovery/chooseBox.js';
import { discoveryJson, formatDiscovery } from '../../src/discovery/formatDiscovery.js';
import { inspectBox } from '../../src/discovery/inspectBox.js';
import { prim } from '../../src/discovery/prim.js';
import type { PrimColumn, PrimTable } from '../../src/discovery/primTable.js';
import { streamFor } from '../../src/random/rng.js';

// Cases: a high defection rate under any policy but a reopened programme; host demand and term are noise.
function smallProblem(): PrimTable {
  const n = 200;
  const rng = streamFor(3, 0, 'discovery-format');
  const columns: PrimColumn[] = [
    { name: 'defectionRate', kind: 'real', values: new Float64Array(n), prior: [0.01, 0.08] },
    { name: 'hostDemand', kind: 'real', values: new Float64Array(n), prior: [0.5, 1.5] },
    { name: 'termYears', kind: 'integer', values: new Float64Array(n) },
    { name: 'policy', kind: 'category', values: new Float64Array(n), levels: ['status quo', 'reopen', 'ban'] },
  ];
  const cases = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    columns[0].values[r] = 0.01 + 0.07 * rng();
    columns[1].values[r] = 0.5 + rng();
    columns[2].values[r] = 1 + Math.floor(rng() * 5);
    columns[3].values[r] = Math.floor(rng() * 3);
    cases[r] = columns[0].values[r] > 0.05 && columns[3].values[r] !== 1 && rng() < 0.9 ? 1 : 0;
  }
  return { columns, cases };
}

describe('formatDiscovery', () => {
  const table = smallProblem();
  const result = prim(table);
  const chosen = chooseBox(result);
  const inspection = inspectBox(table, chosen.box);

  it('prints the trajectory and the chosen box', () => {
    expect(formatDiscovery(result, chosen, inspection)).toMatchSnapshot();
  });

  it('aligns the trajectory table and uses no colours', () => {
    const text = formatDiscovery(result, chosen, inspection);
    expect(text).not.toMatch(/\u001b/);
    const rows = text.split('\n').filter((l) => /^\s*\d+\s+(start|peel|paste)\b/.test(l));
    expect(rows).toHaveLength(result.trajectory.length);
    const header = text.split('\n').find((l) => l.startsWith('step'))!;
    // Right-aligned numbers end where their headers end.
    for (const name of ['coverage', 'density', 'mass']) {
      const end = header.indexOf(name) + name.length;
      for (const row of rows) expect(row.slice(end - 5, end)).toMatch(/^\d\.\d{3}$/);
    }
  });

  it('gives a JSON form that survives a round trip', () => {
    const json = discoveryJson(result, chosen, inspection);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/null,"qpUpper":null,"qp":null|NaN|Infinity/);
    const back = JSON.parse(text) as { trajectory: unknown[]; chosen: { step: number; restrictions: { name: string; qp: number }[] } };
    expect(back).toEqual(json);
    expect(back.trajectory).toHaveLength(result.trajectory.length);
    expect(back.chosen.step).toBe(chosen.box.step);
    expect(back.chosen.restrictions.map((r) => r.name)).toEqual(chosen.box.restricted);
  });

  it('says when the box restricts nothing and when the threshold is missed', () => {
    const none = { columns: table.columns, cases: new Uint8Array(200) };
    const r = prim(none, { threshold: 0.5 });
    const c = chooseBox(r);
    const text = formatDiscovery(r, c, inspectBox(none, c.box));
    expect(text).toContain('peeling stopped: no run is a case of interest');
    expect(text).toContain('no box covers 80% of the cases of interest: the whole space');
    expect(text).toContain('below the threshold 0.5');
    expect(text).toContain('restricts no dimension');
  });
});

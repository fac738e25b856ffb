// Planted scenario-discovery problems: uniform draws from the project's seeded streams and a known rule for
// which runs are cases of interest.
import type { PrimColumn, PrimTable } from '../../src/discovery/primTable.js';
import { streamFor } from '../../src/random/rng.js';

/** A table of `dims` uniform [0, 1) columns x1.. plus optional extra columns, cases by `rule` on a row. */
export function plantedTable(
  seed: number,
  n: number,
  dims: number,
  rule: (x: readonly number[], u: number) => boolean,
  extra: readonly { name: string; levels: readonly string[] }[] = [],
): PrimTable {
  const rng = streamFor(seed, 0, 'discovery-planted');
  const columns: PrimColumn[] = [
    ...Array.from({ length: dims }, (_, j) => ({ name: `x${j + 1}`, kind: 'real' as const, values: new Float64Array(n), prior: [0, 1] as const })),
    ...extra.map((e) => ({ name: e.name, kind: 'category' as const, values: new Float64Array(n), levels: e.levels })),
  ];
  const cases = new Uint8Array(n);
  const x = new Array<number>(columns.length);
  for (let r = 0; r < n; r++) {
    columns.forEach((c, j) => {
      const v = c.kind === 'category' ? Math.floor(rng() * c.levels!.length) : rng();
      c.values[r] = v;
      x[j] = v;
    });
    cases[r] = rule(x, rng()) ? 1 : 0;
  }
  return { columns, cases };
}

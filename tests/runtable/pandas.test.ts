import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/model/layout.js';
import { csvRunTableWriter } from '../../src/runtable/csvRunTableWriter.js';
import { parseOutcomes } from '../../src/runtable/parseOutcomes.js';
import { runTableSchema } from '../../src/runtable/runTableSchema.js';
import { collectingSink } from './sinkFixture.js';

// pandas itself reads a 100,000-row run table with no options, where the machine has it (Debian's
// python3-pandas); elsewhere the test says so and is skipped (the CSV typing rules are checked without it
// in csvRunTableWriter.test.ts).
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
if (PYTHON === undefined) console.warn('pandas.test.ts: skipped, no python3 with pandas on this machine');

describe.skipIf(PYTHON === undefined)('a run table in pandas', () => {
  it('loads 100,000 rows with typed columns and no parsing options', () => {
    const layout = modelLayout(['venezuela']);
    const years = [2029, 2030, 2031];
    const outcomes = parseOutcomes('healthWorkersAbroad@2030,stateRevenueUSD@2029..2031,retentionShare@2030', { metrics: layout.metrics, years });
    if (!outcomes.ok) throw new Error(outcomes.errors.join('; '));
    const schema = runTableSchema({
      policy: true,
      levers: [{ name: 'paroleOpen', type: 'bool' }, { name: 'domesticSalaryUSD', type: 'float' }],
      parameters: [{ name: 'initialDomesticDoctors', integer: true }, { name: 'defectionBaseRate', integer: false }],
      outcomes: outcomes.value,
    });
    const sink = collectingSink();
    const writer = csvRunTableWriter(schema, sink);
    writer.begin();
    const rows = 100_000;
    for (let first = 0; first < rows; first += 250) {
      const n = 250;
      const at = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(first + i));
      writer.write({
        count: n,
        columns: [
          Int32Array.from({ length: n }, (_, i) => first + i),
          Array.from({ length: n }, (_, i) => ((first + i) % 2 === 0 ? 'paroleOpen=true' : 'paroleOpen=false')),
          Uint8Array.from({ length: n }, (_, i) => ((first + i) % 2 === 0 ? 1 : 0)),
          at(() => 50),
          at((i) => 60_000 + (i % 5000)),
          at((i) => 0.01 + (i % 97) / 1e4),
          at((i) => 20_000 + (i % 300)),
          at((i) => 1e9 + i),
          // A ratio with no value in some runs: an empty field, and the column stays float.
          at((i) => (i % 1000 === 7 ? Number.NaN : 0.9)),
        ],
      });
    }
    writer.end();
    const dir = mkdtempSync(join(tmpdir(), 'brigadas-pandas-'));
    try {
      const file = join(dir, 'runs.csv');
      writeFileSync(file, sink.text());
      const script = `import pandas as pd, json; d = pd.read_csv(${JSON.stringify(file)}); print(json.dumps({"rows": len(d), "types": {c: str(t) for c, t in d.dtypes.items()}, "nan": int(d.iloc[:, -1].isna().sum())}))`;
      const r = spawnSync(PYTHON as string, ['-c', script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const got = JSON.parse(r.stdout) as { rows: number; types: Record<string, string>; nan: number };
      expect(got.rows).toBe(rows);
      expect(got.nan).toBe(100);
      expect(got.types).toEqual({
        run: 'int64',
        policy: 'object',
        paroleOpen: 'bool',
        domesticSalaryUSD: 'float64',
        initialDomesticDoctors: 'int64',
        defectionBaseRate: 'float64',
        healthWorkersAbroad_2030: 'float64',
        stateRevenueUSD_sum_2029_2031: 'float64',
        retentionShare_2030: 'float64',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonRunTableWriter } from '../../src/runtable/jsonRunTableWriter.js';
import type { RowBatch } from '../../src/runtable/rowBatch.js';
import type { RunTableColumn, RunTableSchema } from '../../src/runtable/runTableSchema.js';
import { collectingSink } from './sinkFixture.js';

const col = (name: string, type: RunTableColumn['type']): RunTableColumn => ({ name, type, role: 'outcome', source: name });
const schema: RunTableSchema = { columns: [col('run', 'int'), col('policy', 'string'), col('x', 'float'), col('ok', 'bool')], renamed: [] };

function jsonOf(batches: readonly RowBatch[]): string {
  const sink = collectingSink();
  const w = jsonRunTableWriter(schema, sink);
  w.begin();
  for (const b of batches) w.write(b);
  w.end();
  return sink.text();
}

describe('jsonRunTableWriter', () => {
  it('streams one array of row objects, a row per line; floats keep .0, NaN is null', () => {
    const text = jsonOf([
      { count: 2, columns: [Int32Array.of(0, 1), ['base', 'say "hi"'], Float64Array.of(1234, NaN), Uint8Array.of(1, 0)] },
      { count: 0, columns: [new Int32Array(0), [], new Float64Array(0), new Uint8Array(0)] },
      { count: 1, columns: [Int32Array.of(2), ['x'], Float64Array.of(-Infinity), Uint8Array.of(0)] },
    ]);
    expect(text).toBe(
      '[\n{"run":0,"policy":"base","x":1234.0,"ok":true},\n{"run":1,"policy":"say \\"hi\\"","x":null,"ok":false},\n{"run":2,"policy":"x","x":null,"ok":false}\n]\n',
    );
    expect(jsonOf([])).toBe('[]\n');
  });

  it('parses back to the rows written (non-finite floats as null)', () => {
    const row = fc.record({ x: fc.double(), s: fc.string({ unit: 'binary' }), ok: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 20 }), { maxLength: 5 }), (chunks) => {
        let run = 0;
        const batches = chunks.map((rows) => ({
          count: rows.length,
          columns: [Int32Array.from(rows, () => run++), rows.map((r) => r.s), Float64Array.from(rows, (r) => r.x), Uint8Array.from(rows, (r) => (r.ok ? 1 : 0))],
        }));
        const text = jsonOf(batches);
        const back = JSON.parse(text) as unknown[];
        const rows = chunks.flat();
        expect(back).toEqual(rows.map((r, i) => ({ run: i, policy: r.s, x: Number.isFinite(r.x) ? (Object.is(r.x, -0) ? -0 : r.x) : null, ok: r.ok })));
        // Every float is written as a float: a whole one carries '.0' or an exponent.
        for (const m of text.matchAll(/"x":([^,}]*)/g)) expect(m[1]).toMatch(/^(null|-?\d+\.\d+(e[-+]\d+)?|-?\d+(\.\d+)?e[-+]\d+)$/);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetRunTableWriter, parquetSchema, type ParquetRunTableOptions } from '../../src/runtable/parquetRunTableWriter.js';
import type { RowBatch } from '../../src/runtable/rowBatch.js';
import type { RunTableColumn, RunTableSchema } from '../../src/runtable/runTableSchema.js';
import { collectingSink } from './sinkFixture.js';

const col = (name: string, type: RunTableColumn['type']): RunTableColumn => ({ name, type, role: 'parameter', source: name });
const schema: RunTableSchema = { columns: [col('run', 'int'), col('policy', 'string'), col('x', 'float'), col('n', 'int'), col('ok', 'bool')], renamed: [] };

function parquetOf(batches: readonly RowBatch[], options?: ParquetRunTableOptions) {
  const sink = collectingSink();
  const w = parquetRunTableWriter(schema, sink, options);
  w.begin();
  for (const b of batches) w.write(b);
  w.end();
  const bytes = sink.bytes();
  return { sink, file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

interface Row {
  readonly s: string;
  readonly x: number;
  readonly n: number;
  readonly ok: boolean;
}
function batchesOf(chunks: readonly (readonly Row[])[]): RowBatch[] {
  let run = 0;
  return chunks.map((rows) => ({
    count: rows.length,
    columns: [Int32Array.from(rows, () => run++), rows.map((r) => r.s), Float64Array.from(rows, (r) => r.x), Float64Array.from(rows, (r) => r.n), Uint8Array.from(rows, (r) => (r.ok ? 1 : 0))],
  }));
}
const expected = (rows: readonly Row[]) => rows.map((r, i) => ({ run: BigInt(i), policy: r.s, x: Number.isNaN(r.x) ? null : r.x, n: BigInt(r.n), ok: r.ok }));

describe('parquetRunTableWriter', () => {
  it('declares INT64, DOUBLE (nullable), UTF8 strings and BOOLEAN columns', () => {
    expect(parquetSchema(schema)).toEqual([
      { name: 'root', num_children: 5 },
      { name: 'run', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'policy', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'x', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
      { name: 'n', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'ok', type: 'BOOLEAN', repetition_type: 'REQUIRED' },
    ]);
  });

  it('reads back with hyparquet as the same typed columns and values, NaN as null', async () => {
    const rows: Row[] = [
      { s: 'baseline', x: 1234, n: 64000, ok: true },
      { s: 'cap, "50" ünï', x: NaN, n: -3, ok: false },
      { s: '', x: -0, n: 2 ** 40, ok: true },
      { s: 'x', x: 5e-324, n: 0, ok: false },
    ];
    const { file } = parquetOf(batchesOf([rows.slice(0, 1), rows.slice(1)]), { createdBy: 'brigadas test', metadata: [{ key: 'seed', value: '7' }] });
    const meta = parquetMetadata(file);
    expect(meta.created_by).toBe('brigadas test');
    expect(meta.key_value_metadata).toEqual([{ key: 'seed', value: '7' }]);
    expect(meta.schema.slice(1).map((e) => [e.name, e.type, e.repetition_type])).toEqual([
      ['run', 'INT64', 'REQUIRED'],
      ['policy', 'BYTE_ARRAY', 'REQUIRED'],
      ['x', 'DOUBLE', 'OPTIONAL'],
      ['n', 'INT64', 'REQUIRED'],
      ['ok', 'BOOLEAN', 'REQUIRED'],
    ]);
    const back = await parquetReadObjects({ file });
    expect(back).toEqual(expected(rows));
    expect(Object.is(back[2].x, -0)).toBe(true);
  });

  it('round-trips any rows, in any batches, through row groups of any size', async () => {
    const row = fc.record({ s: fc.string({ unit: 'grapheme' }), x: fc.double(), n: fc.integer(), ok: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 30 }), { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), async (chunks, rowGroupRows) => {
        const { file } = parquetOf(batchesOf(chunks), { rowGroupRows });
        const rows = chunks.flat();
        const meta = parquetMetadata(file);
        expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual(groupSizes(rows.length, rowGroupRows));
        expect(await parquetReadObjects({ file })).toEqual(expected(rows));
      }),
      { numRuns: 150 },
    );
  });

  it('writes a row group per rowGroupRows rows as they arrive, each to the sink before the next batch', () => {
    const sink = collectingSink();
    const w = parquetRunTableWriter(schema, sink, { rowGroupRows: 1000 });
    w.begin();
    const sizes: number[] = [];
    const rows = (n: number, first: number): Row[] => Array.from({ length: n }, (_, i) => ({ s: `p${(first + i) % 3}`, x: (first + i) / 7, n: first + i, ok: i % 2 === 0 }));
    for (let first = 0; first < 2600; first += 250) {
      w.write(batchesOf([rows(Math.min(250, 2600 - first), first)])[0]);
      sizes.push(sink.bytes().length);
    }
    // Bytes reach the sink when a group fills (after 1,000 and 2,000 rows), not only at the end.
    expect(sizes.slice(0, 3)).toEqual([0, 0, 0]);
    expect(sizes[3]).toBeGreaterThan(0);
    expect(sizes[7]).toBeGreaterThan(sizes[6]);
    w.end();
    const bytes = sink.bytes();
    expect(parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).row_groups.map((g) => Number(g.num_rows))).toEqual([1000, 1000, 600]);
  });

  it('keeps its own copy of a batch waiting for its row group, so the caller may reuse its arrays', async () => {
    const sink = collectingSink();
    const w = parquetRunTableWriter(schema, sink, { rowGroupRows: 10 });
    w.begin();
    const batch = batchesOf([[{ s: 'a', x: 1.5, n: 1, ok: true }]])[0];
    w.write(batch);
    (batch.columns[2] as Float64Array)[0] = 99;
    w.end();
    const bytes = sink.bytes();
    expect(await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })).toEqual([{ run: 0n, policy: 'a', x: 1.5, n: 1n, ok: true }]);
  });

  it('writes a readable file with no rows', async () => {
    const { file } = parquetOf([]);
    expect(Number(parquetMetadata(file).num_rows)).toBe(0);
    expect(await parquetReadObjects({ file })).toEqual([]);
  });
});

function groupSizes(total: number, size: number): number[] {
  const out: number[] = [];
  for (let left = total; left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}

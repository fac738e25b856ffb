import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import type { ByteSink } from './byteSink.js';
import { checkBatch, type ColumnValues, type RowBatch } from './rowBatch.js';
import type { RunTableColumn, RunTableSchema } from './runTableSchema.js';
import { inOrder, type RunTableWriter } from './runTableWriter.js';

// hyparquet's schema element, taken through the writer so that only the writer is a dependency.
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** Rows per row group unless told otherwise: 6.4 MB of values at 80 columns; measured, larger groups cost memory and time (bench/runTableMemory.ts). */
export const DEFAULT_ROW_GROUP_ROWS = 10_000;

/** Encoded bytes held before they go to the sink, within a row group as between them. */
const FLUSH_BYTES = 1 << 20;

/** Options of the Parquet run-table writer. */
export interface ParquetRunTableOptions {
  /** Rows per row group (the last one may be shorter); memory held is about this times the columns times 8 bytes. */
  readonly rowGroupRows?: number;
  /** The file's `created_by`, such as `brigadas 0.1.0`. */
  readonly createdBy?: string;
  /** Extra key-value metadata of the file (scenario, seed, command line). */
  readonly metadata?: readonly { readonly key: string; readonly value: string }[];
}

/**
 * A Parquet run-table writer: int columns INT64 (int64 in pandas, as from the CSV), float columns DOUBLE
 * with NaN as null (NaN in pandas, NA in R), strings UTF8, bools BOOLEAN, snappy-compressed. Rows are
 * buffered up to `rowGroupRows` and written as one row group to the sink, so memory stays bounded whatever
 * the number of runs; only the footer (a few hundred bytes per row group and column) grows with them.
 */
export function parquetRunTableWriter(schema: RunTableSchema, sink: ByteSink, options: ParquetRunTableOptions = {}): RunTableWriter {
  const groupRows = Math.max(1, Math.floor(options.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS));
  const bytes = sinkWriter(sink);
  let parquet: ParquetWriter | undefined;
  let pending: RowBatch[] = [];
  let pendingRows = 0;

  const writeGroup = (count: number, columns: readonly ColumnValues[]) => {
    const columnData: ColumnSource[] = schema.columns.map((c, i) => ({ name: c.name, data: parquetValues(c, columns[i]) }));
    // One row group per call: the rows were gathered to the size wanted, and the writer must not re-split them.
    const done = (parquet as ParquetWriter).write({ columnData, rowGroupSize: Math.max(1, count) });
    if (done) throw new Error('the Parquet writer went asynchronous; the run-table sink is synchronous');
  };
  const flush = (all: boolean) => {
    while (pendingRows >= groupRows || (all && pendingRows > 0)) {
      const count = Math.min(groupRows, pendingRows);
      const joined = joinRows(schema, pending, pendingRows);
      writeGroup(count, joined.map((v) => slice(v, 0, count)));
      pendingRows -= count;
      pending = pendingRows > 0 ? [{ count: pendingRows, columns: joined.map((v) => slice(v, count, count + pendingRows)) }] : [];
    }
  };

  return inOrder('Parquet', {
    begin() {
      parquet = new ParquetWriter({
        writer: bytes,
        schema: parquetSchema(schema),
        createdBy: options.createdBy ?? 'brigadas',
        ...(options.metadata && { kvMetadata: options.metadata.map((m) => ({ key: m.key, value: m.value })) }),
      });
    },
    write(batch: RowBatch) {
      checkBatch(schema, batch);
      if (batch.count === 0) return;
      // A copy: the caller may reuse its arrays once write() returns, and these wait for the group to fill.
      pending.push({ count: batch.count, columns: batch.columns.map((v) => v.slice()) });
      pendingRows += batch.count;
      flush(false);
    },
    end() {
      flush(true);
      const done = (parquet as ParquetWriter).finish();
      if (done) throw new Error('the Parquet writer went asynchronous; the run-table sink is synchronous');
    },
  });
}

/** The Parquet schema of a run table: a flat list of columns under the root, floats optional (NaN is null). */
export function parquetSchema(schema: RunTableSchema): SchemaElement[] {
  const leaf = (c: RunTableColumn): SchemaElement => {
    switch (c.type) {
      case 'int':
        return { name: c.name, type: 'INT64', repetition_type: 'REQUIRED' };
      case 'float':
        return { name: c.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
      case 'string':
        return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
      case 'bool':
        return { name: c.name, type: 'BOOLEAN', repetition_type: 'REQUIRED' };
    }
  };
  return [{ name: 'root', num_children: schema.columns.length }, ...schema.columns.map(leaf)];
}

// The library's values for a column: bigints for INT64, booleans, and null in place of NaN.
function parquetValues(c: RunTableColumn, v: ColumnValues): ColumnSource['data'] {
  switch (c.type) {
    case 'int':
      return BigInt64Array.from(v as Int32Array | Float64Array, (x) => BigInt(x));
    case 'float': {
      const x = v as Float64Array;
      // A typed array cannot hold null: only a group with a missing value pays for a plain array.
      return x.some(Number.isNaN) ? Array.from(x, (y) => (Number.isNaN(y) ? null : y)) : x;
    }
    case 'bool':
      return Array.from(v as Uint8Array, (x) => x === 1);
    case 'string':
      return v as string[];
  }
}

function joinRows(schema: RunTableSchema, batches: readonly RowBatch[], count: number): ColumnValues[] {
  if (batches.length === 1) return [...batches[0].columns];
  return schema.columns.map((_, i) => {
    const first = batches[0].columns[i];
    if (Array.isArray(first)) return batches.flatMap((b) => b.columns[i] as readonly string[]);
    const out = new (first.constructor as Float64ArrayConstructor)(count) as Float64Array | Int32Array | Uint8Array;
    let at = 0;
    for (const b of batches) {
      const v = b.columns[i] as Float64Array | Int32Array | Uint8Array;
      // An int column may arrive as Int32Array in one batch and Float64Array in another: copy value by value.
      if (v.constructor === out.constructor) out.set(v as never, at);
      else for (let k = 0; k < v.length; k++) out[at + k] = v[k];
      at += v.length;
    }
    return out;
  });
}

function slice(v: ColumnValues, from: number, to: number): ColumnValues {
  return Array.isArray(v) ? v.slice(from, to) : (v as Float64Array).subarray(from, to);
}

// The library's byte writer, emptied into the sink past FLUSH_BYTES and after each row group, each chunk a
// fresh copy (a sink may queue it) so the writer's buffer is reused and never grows past about a megabyte.
function sinkWriter(sink: ByteSink): ByteWriter {
  const w: ByteWriter & { flush?: () => void } = new ByteWriter(FLUSH_BYTES);
  const emit = () => {
    if (w.index > 0) sink.write(new Uint8Array(w.buffer.slice(0, w.index)));
    w.index = 0;
  };
  const grow = w.ensure.bind(w);
  w.ensure = (size: number) => {
    if (w.index + size > FLUSH_BYTES) emit();
    grow(size);
  };
  w.flush = emit;
  w.finish = emit;
  return w;
}

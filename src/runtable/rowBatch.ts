import type { ColumnType, RunTableSchema } from './runTableSchema.js';

/**
 * One column of a batch: Float64Array for a float column (NaN for a missing value), Int32Array or a
 * Float64Array of whole numbers for an int column, strings for a string column, 0/1 bytes for a bool column.
 */
export type ColumnValues = Float64Array | Int32Array | Uint8Array | readonly string[];

/** Consecutive rows of a run table, column-major: `columns[c][r]` is row r's value of the schema's column c. */
export interface RowBatch {
  readonly count: number;
  readonly columns: readonly ColumnValues[];
}

/** Throws a RangeError naming the column when a batch does not fit the schema: a writer must never emit a half-typed row. */
export function checkBatch(schema: RunTableSchema, batch: RowBatch): void {
  const { columns } = schema;
  if (!Number.isSafeInteger(batch.count) || batch.count < 0) throw new RangeError(`a batch's count must be a whole number >= 0, got ${batch.count}`);
  if (batch.columns.length !== columns.length) throw new RangeError(`a batch has ${batch.columns.length} columns; the schema has ${columns.length}`);
  columns.forEach((c, i) => {
    const v = batch.columns[i];
    if (v.length !== batch.count) throw new RangeError(`column ${c.name} holds ${v.length} values in a batch of ${batch.count} rows`);
    const problem = typeProblem(c.type, v);
    if (problem) throw new RangeError(`column ${c.name} (${c.type}): ${problem}`);
  });
}

function typeProblem(type: ColumnType, v: ColumnValues): string | undefined {
  switch (type) {
    case 'float':
      return v instanceof Float64Array ? undefined : 'expected a Float64Array';
    case 'int':
      if (v instanceof Int32Array) return undefined;
      if (!(v instanceof Float64Array)) return 'expected an Int32Array or a Float64Array of whole numbers';
      for (const x of v) if (!Number.isSafeInteger(x)) return `${x} is not a whole number`;
      return undefined;
    case 'bool':
      if (!(v instanceof Uint8Array)) return 'expected a Uint8Array of 0 and 1';
      for (const x of v) if (x > 1) return `${x} is not 0 or 1`;
      return undefined;
    case 'string':
      if (!Array.isArray(v)) return 'expected an array of strings';
      for (const x of v) if (typeof x !== 'string') return `${String(x)} is not a string`;
      return undefined;
  }
}

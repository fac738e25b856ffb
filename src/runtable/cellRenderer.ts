import type { ColumnValues } from './rowBatch.js';
import type { ColumnType } from './runTableSchema.js';

/** How a text format writes the two kinds of value that differ between formats: floats (NaN included) and strings. */
export interface TextStyle {
  readonly float: (x: number) => string;
  readonly string: (s: string) => string;
}

/** Renders row r of a batch column as a text format's field: ints as digits and bools as true/false in every format. */
export function cellRenderer(type: ColumnType, v: ColumnValues, style: TextStyle): (r: number) => string {
  switch (type) {
    case 'float': {
      const x = v as Float64Array;
      return (r) => style.float(x[r]);
    }
    case 'int': {
      const x = v as Int32Array | Float64Array;
      return (r) => String(x[r]);
    }
    case 'bool': {
      const x = v as Uint8Array;
      return (r) => (x[r] ? 'true' : 'false');
    }
    case 'string': {
      const x = v as readonly string[];
      return (r) => style.string(x[r]);
    }
  }
}

import type { PrimColumn, PrimColumnKind, PrimTable } from './primTable.js';

/** One analysed dimension, prepared once: its values sorted and its data range. */
export interface SpaceDim {
  readonly name: string;
  readonly kind: PrimColumnKind;
  readonly values: Float64Array;
  /** Declared level names ('category'). */
  readonly levels: readonly string[];
  /** Rows with a value, sorted by value (ties in row order). */
  readonly order: Int32Array;
  /** Rows whose value is missing. */
  readonly missingRows: Int32Array;
  /** Smallest and largest value present (level codes for 'category'). */
  readonly lo: number;
  readonly hi: number;
  /** For 'category', 1 for each level code that occurs. */
  readonly present: Uint8Array | null;
  readonly prior: readonly [number, number] | undefined;
}

/** A PRIM table checked and prepared: cases as 0/1, every usable column sorted once. */
export interface PrimSpace {
  readonly n: number;
  readonly cases: Uint8Array;
  readonly totalCases: number;
  readonly dims: readonly SpaceDim[];
  readonly ignored: readonly { readonly name: string; readonly reason: string }[];
}

/** Whether a value counts as missing: NaN always, ±Infinity too for ranges (a box limit must be finite). */
export function isMissing(v: number): boolean {
  return !Number.isFinite(v);
}

/** Checks a PRIM table's shape and prepares it; throws a TypeError or RangeError for a malformed table. */
export function primSpace(table: PrimTable): PrimSpace {
  const n = table.cases.length;
  const cases = new Uint8Array(n);
  let totalCases = 0;
  for (let r = 0; r < n; r++) if (table.cases[r] !== 0) (cases[r] = 1), totalCases++;
  const names = new Set<string>();
  const dims: SpaceDim[] = [];
  const ignored: { name: string; reason: string }[] = [];
  for (const column of table.columns) {
    if (names.has(column.name)) throw new TypeError(`PRIM table: column ${JSON.stringify(column.name)} appears twice`);
    names.add(column.name);
    if (column.values.length !== n) {
      throw new RangeError(`PRIM table: column ${JSON.stringify(column.name)} has ${column.values.length} values for ${n} runs`);
    }
    const dim = prepareDim(column);
    if (dim.order.length === 0) ignored.push({ name: column.name, reason: n === 0 ? 'no runs' : 'every value is missing' });
    else dims.push(dim);
  }
  return { n, cases, totalCases, dims, ignored };
}

function prepareDim(column: PrimColumn): SpaceDim {
  const { values, kind, name } = column;
  const levels = column.levels ?? [];
  if (kind === 'category' && column.levels === undefined) throw new TypeError(`PRIM table: category column ${JSON.stringify(name)} needs levels`);
  let missing = 0;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (isMissing(v)) missing++;
    else if (kind === 'category' && !(Number.isInteger(v) && v >= 0 && v < levels.length)) {
      throw new RangeError(`PRIM table: column ${JSON.stringify(name)} has level code ${v}, not one of 0..${levels.length - 1}`);
    }
  }
  const missingRows = new Int32Array(missing);
  for (let r = 0, k = 0; r < values.length; r++) if (isMissing(values[r])) missingRows[k++] = r;
  const order = sortedRows(values, values.length - missing);
  const m = order.length;
  let present: Uint8Array | null = null;
  if (kind === 'category') {
    present = new Uint8Array(levels.length);
    for (let i = 0; i < m; i++) present[values[order[i]]] = 1;
  }
  return {
    name,
    kind,
    values,
    levels,
    order,
    missingRows,
    lo: m > 0 ? values[order[0]] : NaN,
    hi: m > 0 ? values[order[m - 1]] : NaN,
    present,
    prior: column.prior,
  };
}

// Rows with a value, sorted by value with ties in row order. A native sort of the values and a binary search
// per row is several times faster than sorting row indices with a comparator, and allocates only typed arrays.
function sortedRows(values: Float64Array, m: number): Int32Array {
  const sorted = new Float64Array(m);
  for (let r = 0, k = 0; r < values.length; r++) if (!isMissing(values[r])) sorted[k++] = values[r];
  sorted.sort();
  const used = new Int32Array(m);
  const order = new Int32Array(m);
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (isMissing(v)) continue;
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid] < v) a = mid + 1;
      else b = mid;
    }
    order[a + used[a]++] = r;
  }
  return order;
}

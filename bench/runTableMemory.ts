// `npx tsx bench/runTableMemory.ts [parquet|csv|json] [rows] [columns] [file|-] [rowGroupRows]`: streams a synthetic run table
// (run, policy, a fifth of the rest integer parameters, the others floats with 1% NaN) in batches of 250 rows,
// as the Monte Carlo hands them over, and prints the time, the bytes and the peak memory. The sink drops the
// bytes unless a file is given, so the figure is the writer's own memory, not a buffered output.
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { csvRunTableWriter } from '../src/runtable/csvRunTableWriter.js';
import { jsonRunTableWriter } from '../src/runtable/jsonRunTableWriter.js';
import { parquetRunTableWriter } from '../src/runtable/parquetRunTableWriter.js';
import type { ColumnValues } from '../src/runtable/rowBatch.js';
import type { RunTableColumn, RunTableSchema } from '../src/runtable/runTableSchema.js';

const [format = 'parquet', rowsText = '1000000', columnsText = '80', fileArg = '-', groupText] = process.argv.slice(2);
const file = fileArg === '-' ? undefined : fileArg;
const rows = Number(rowsText);
const width = Number(columnsText);
const columns: RunTableColumn[] = [
  { name: 'run', type: 'int', role: 'run', source: 'run' },
  { name: 'policy', type: 'string', role: 'policy', source: 'policy' },
  ...Array.from({ length: width - 2 }, (_, i): RunTableColumn => ({ name: `c${i}`, type: i % 5 === 0 ? 'int' : 'float', role: i < 40 ? 'parameter' : 'outcome', source: `c${i}` })),
];
const schema: RunTableSchema = { columns, renamed: [] };

let bytes = 0;
const fd = file ? openSync(file, 'w') : undefined;
const sink = {
  write(chunk: Uint8Array | string) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += b.length;
    if (fd !== undefined) writeSync(fd, b);
  },
};
const make = { parquet: parquetRunTableWriter, csv: csvRunTableWriter, json: jsonRunTableWriter }[format];
if (!make) throw new Error(`unknown format ${format}`);
const writer = make(schema, sink, groupText ? { rowGroupRows: Number(groupText) } : undefined);

let seed = 7;
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = 0;
const t0 = performance.now();
writer.begin();
const size = 250;
for (let first = 0; first < rows; first += size) {
  const n = Math.min(size, rows - first);
  const values: ColumnValues[] = columns.map((c, k) => {
    if (k === 0) return Int32Array.from({ length: n }, (_, i) => first + i);
    if (c.type === 'string') return Array.from({ length: n }, (_, i) => ['baseline', 'parole-2027', 'cap-50'][(first + i) % 3]);
    if (c.type === 'int') return Int32Array.from({ length: n }, () => Math.floor(random() * 70000));
    return Float64Array.from({ length: n }, () => (random() < 0.01 ? NaN : random() * 1e6));
  });
  writer.write({ count: n, columns: values });
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
}
writer.end();
if (fd !== undefined) closeSync(fd);
const mb = (x: number) => (x / 2 ** 20).toFixed(0);
console.log(`${format}: ${rows} rows x ${width} columns in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${mb(bytes)} MB written; peak RSS ${mb(peakRss)} MB (${mb(base.rss)} MB at start), peak heap + array buffers ${mb(peakHeap)} MB`);

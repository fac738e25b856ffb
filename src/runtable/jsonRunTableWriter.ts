import type { ByteSink } from './byteSink.js';
import { floatText } from './floatText.js';
import { checkBatch, type RowBatch } from './rowBatch.js';
import type { RunTableSchema } from './runTableSchema.js';
import { inOrder, type RunTableWriter } from './runTableWriter.js';
import { cellRenderer, type TextStyle } from './cellRenderer.js';

const STYLE: TextStyle = { float: (x) => (Number.isFinite(x) ? floatText(x) : 'null'), string: (s) => JSON.stringify(s) };

const ROWS_PER_WRITE = 512;

/**
 * A JSON run-table writer: one array of row objects, a row per line, streamed (`[` first, `]` at the end),
 * so `pandas.read_json(f)` and `jsonlite::fromJSON(f)` read it with no options (NDJSON would need
 * `lines=True`). Floats carry a decimal point or an exponent (`1234.0`), which jsonlite and
 * `pandas.read_json(f, dtype=False)` keep as float; pandas' default dtype guessing turns a float column
 * whose values are all whole into int64 whatever the text (CSV and Parquet keep their types). NaN and the
 * infinities, which JSON cannot write, are null.
 */
export function jsonRunTableWriter(schema: RunTableSchema, sink: ByteSink): RunTableWriter {
  const keys = schema.columns.map((c) => `${JSON.stringify(c.name)}:`);
  let rows = 0;
  return inOrder('JSON', {
    begin() {
      sink.write('[');
    },
    write(batch: RowBatch) {
      checkBatch(schema, batch);
      const render = schema.columns.map((c, i) => cellRenderer(c.type, batch.columns[i], STYLE));
      for (let first = 0; first < batch.count; first += ROWS_PER_WRITE) {
        const last = Math.min(batch.count, first + ROWS_PER_WRITE);
        let text = '';
        for (let r = first; r < last; r++) {
          let row = `{${keys[0]}${render[0](r)}`;
          for (let c = 1; c < render.length; c++) row += `,${keys[c]}${render[c](r)}`;
          text += `${rows++ === 0 ? '\n' : ',\n'}${row}}`;
        }
        sink.write(text);
      }
    },
    end() {
      sink.write(rows === 0 ? ']\n' : '\n]\n');
    },
  });
}

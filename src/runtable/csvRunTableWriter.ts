import type { ByteSink } from './byteSink.js';
import { floatText } from './floatText.js';
import { checkBatch, type RowBatch } from './rowBatch.js';
import type { RunTableSchema } from './runTableSchema.js';
import { inOrder, type RunTableWriter } from './runTableWriter.js';
import { cellRenderer, type TextStyle } from './cellRenderer.js';

const STYLE: TextStyle = { float: csvFloat, string: csvField };

/** Rows gathered into one string before it goes to the sink: large writes, bounded memory. */
const ROWS_PER_WRITE = 1024;

/**
 * A CSV run-table writer: a header of column names, then one line per run, `\n` line ends, UTF-8 without a
 * BOM, RFC 4180 quotes only around a field that needs them. Floats always carry a decimal point or an
 * exponent and round-trip exactly; NaN is an empty field and infinities `Inf`/`-Inf` (pandas and readr read
 * all three as float); ints are plain integers; bools `true`/`false`. `pandas.read_csv(f)` and
 * `readr::read_csv(f)` then give int64, float64 and string columns with no options, except a string column
 * whose every value reads as a number, NA word or bool (a policy named `2027`), which they infer as such.
 */
export function csvRunTableWriter(schema: RunTableSchema, sink: ByteSink): RunTableWriter {
  return inOrder('CSV', {
    begin() {
      sink.write(`${schema.columns.map((c) => csvField(c.name)).join(',')}\n`);
    },
    write(batch: RowBatch) {
      checkBatch(schema, batch);
      const render = schema.columns.map((c, i) => cellRenderer(c.type, batch.columns[i], STYLE));
      for (let first = 0; first < batch.count; first += ROWS_PER_WRITE) {
        const last = Math.min(batch.count, first + ROWS_PER_WRITE);
        let text = '';
        for (let r = first; r < last; r++) {
          let line = render[0](r);
          for (let c = 1; c < render.length; c++) line += `,${render[c](r)}`;
          text += `${line}\n`;
        }
        sink.write(text);
      }
    },
    end() {},
  });
}

/** A float as a CSV field: empty for NaN, `Inf`/`-Inf`, otherwise `floatText`. */
export function csvFloat(x: number): string {
  if (Number.isNaN(x)) return '';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return floatText(x);
}

/** A text field quoted as RFC 4180 asks only when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

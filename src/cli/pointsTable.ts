import type { PointBatch, SensitivityProblem } from '../montecarlo/evaluatePoints.js';
import { quantile } from '../random/distribution.js';
import { openRunTableWriter } from '../runtable/openRunTableWriter.js';
import type { ColumnValues } from '../runtable/rowBatch.js';
import type { RunTableColumn, RunTableSchema } from '../runtable/runTableSchema.js';
import { VERSION } from '../version.js';
import { UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { kindOfName } from './outputKind.js';
import type { OutputTarget } from './outputTarget.js';
import { openOutputStream } from './outputStream.js';

/** The run-table format a --points name asks for: .csv, .json or .parquet; exit 2 for any other. */
export function tableFormatOf(name: string): 'csv' | 'json' | 'parquet' {
  const kind = kindOfName(name);
  if (kind === 'csv' || kind === 'json' || kind === 'parquet') return kind;
  throw new UsageError(`--points '${name}': expected a file name ending in .csv, .json or .parquet`);
}

/** A sensitivity analysis's points as they are evaluated, streamed to a run table; committed or removed at the end. */
export interface PointsTable {
  readonly write: (batch: PointBatch, y: Float64Array) => void;
  commit(): void;
  abort(): void;
}

/**
 * Opens the table of a sensitivity analysis's points: `point` (its order in the design), `run` (the run
 * whose random streams it used), each factor's value (as the model ran it) and the metric there (the
 * policy's difference with --versus): the rows of the design, for one's own analysis of them.
 */
export async function openPointsTable(io: CliIo, problem: SensitivityProblem, target: OutputTarget, format: 'csv' | 'json' | 'parquet'): Promise<PointsTable> {
  const metricColumn = `${problem.versus === undefined ? '' : 'difference_'}${problem.metric.replace(/\./g, '_')}_${problem.year}`;
  const columns: RunTableColumn[] = [
    { name: 'point', type: 'int', role: 'run', source: 'point' },
    { name: 'run', type: 'int', role: 'run', source: 'run' },
    ...problem.factors.map((f): RunTableColumn => ({ name: f.name === 'point' || f.name === 'run' || f.name === metricColumn ? `${f.name}_param` : f.name, type: f.integer ? 'int' : 'float', role: 'parameter', source: f.name })),
    { name: metricColumn, type: 'float', role: 'outcome', source: `${problem.metric}@${problem.year}` },
  ];
  const schema: RunTableSchema = { columns, renamed: [] };
  const stream = await openOutputStream(io, target, io.interrupt);
  const writer = openRunTableWriter(format, schema, stream.sink, { createdBy: `brigadas ${VERSION}` });
  writer.begin();
  const k = problem.factors.length;
  let next = 0;
  return {
    write: (batch, y) => {
      const count = y.length;
      const values: ColumnValues[] = [Float64Array.from({ length: count }, (_, i) => next + i), Float64Array.from(batch.runs)];
      problem.factors.forEach((f, j) => {
        const column = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          const x = quantile(f.dist, batch.u[i * k + j]);
          column[i] = f.integer ? Math.round(x) : x;
        }
        values.push(column);
      });
      values.push(Float64Array.from(y));
      writer.write({ count, columns: values });
      next += count;
    },
    commit: () => {
      writer.end();
      stream.commit();
    },
    abort: () => stream.abort(),
  };
}

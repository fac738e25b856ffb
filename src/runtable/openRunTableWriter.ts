import type { ByteSink } from './byteSink.js';
import { csvRunTableWriter } from './csvRunTableWriter.js';
import { jsonRunTableWriter } from './jsonRunTableWriter.js';
import { parquetRunTableWriter } from './parquetRunTableWriter.js';
import type { RunTableSchema } from './runTableSchema.js';
import type { RunTableWriter } from './runTableWriter.js';

/** The formats a run table is written in. */
export const RUN_TABLE_FORMATS = ['csv', 'json', 'parquet'] as const;
export type RunTableFormat = (typeof RUN_TABLE_FORMATS)[number];

/** The writer of a run table in a format; Parquet files carry `createdBy` and the key-value `metadata`. */
export function openRunTableWriter(format: RunTableFormat, schema: RunTableSchema, sink: ByteSink, parquet: { createdBy: string; metadata?: { key: string; value: string }[] }): RunTableWriter {
  if (format === 'csv') return csvRunTableWriter(schema, sink);
  if (format === 'json') return jsonRunTableWriter(schema, sink);
  return parquetRunTableWriter(schema, sink, parquet);
}

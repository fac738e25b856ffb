import type { RowsChunk } from '../montecarlo/rowsJob.js';
import type { Outcome } from './outcome.js';
import { outcomeCells } from './outcomeCells.js';
import { outcomeColumns } from './reduceOutcomes.js';
import type { ColumnValues, RowBatch } from './rowBatch.js';
import { runTableSchema, type RunTableSchema } from './runTableSchema.js';

/** A policy as a run table shows it: its label and each swept lever's value (a switch as 0 or 1). */
export interface TablePolicy {
  readonly label: string;
  readonly levers: readonly { readonly name: string; readonly value: number; readonly boolean: boolean }[];
}

/** What a run table is made of: its columns, the cells and parameters each run sends back, and how a chunk becomes rows. */
export interface RunTablePlan {
  readonly schema: RunTableSchema;
  readonly cells: Int32Array;
  /** The uncertain parameters, in scenario order: the parameter columns. */
  readonly parameters: readonly string[];
  /** A chunk of runs of policy `chunk.scenario` as rows, in the schema's column order. */
  batch(chunk: RowsChunk): RowBatch;
}

/**
 * Plans a run table of a scenario (and the policies of a sweep, all sharing its uncertain parameters): one
 * row per run and policy with the run index, the policy and its lever values when sweeping, every uncertain
 * parameter's drawn value and each outcome. `uncertain` are the parameters that vary, in scenario order (fixed
 * ones would be constant columns).
 */
export function runTablePlan(uncertain: readonly { name: string; integer: boolean }[], outcomes: readonly Outcome[], policies: readonly TablePolicy[]): RunTablePlan {
  const sweeping = policies.length > 0;
  const levers = sweeping ? policies[0].levers.map((l) => ({ name: l.name, type: l.boolean ? ('bool' as const) : ('float' as const) })) : [];
  const schema = runTableSchema({ policy: sweeping, levers, parameters: uncertain, outcomes });
  const cells = outcomeCells(outcomes);
  const parameters = uncertain.map((p) => p.name);
  return {
    schema,
    cells,
    parameters,
    batch(chunk) {
      const { count, first } = chunk;
      const columns: ColumnValues[] = [Int32Array.from({ length: count }, (_, i) => first + i)];
      if (sweeping) {
        const policy = policies[chunk.scenario];
        columns.push(new Array<string>(count).fill(policy.label));
        for (const l of policy.levers) columns.push(l.boolean ? new Uint8Array(count).fill(l.value >= 0.5 ? 1 : 0) : new Float64Array(count).fill(l.value));
      }
      const k = parameters.length;
      for (let j = 0; j < k; j++) {
        const column = new Float64Array(count);
        for (let i = 0; i < count; i++) column[i] = chunk.parameters[i * k + j];
        columns.push(column);
      }
      columns.push(...outcomeColumns(outcomes, chunk.values, count));
      return { count, columns };
    },
  };
}

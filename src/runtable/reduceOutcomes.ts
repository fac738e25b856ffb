import type { Outcome } from './outcome.js';
import { outcomeCells } from './outcomeCells.js';

// Each outcome's cells as positions in outcomeCells(outcomes), worked out once per outcomes array: a million
// runs reduce with the same list, and a Map look-up per cell per run would cost more than the sums.
const plans = new WeakMap<readonly Outcome[], { readonly width: number; readonly slots: readonly Int32Array[] }>();

function planOf(outcomes: readonly Outcome[]) {
  let plan = plans.get(outcomes);
  if (!plan) {
    const cells = outcomeCells(outcomes);
    const position = new Map(Array.from(cells, (c, k) => [c, k]));
    plan = { width: cells.length, slots: outcomes.map((o) => Int32Array.from(o.cells, (c) => position.get(c) as number)) };
    plans.set(outcomes, plan);
  }
  return plan;
}

/**
 * Writes each outcome's value for one run into `out[outAt + j]`, from the run's values of
 * `outcomeCells(outcomes)` starting at `cellValues[at]`. A year whose metric is null is NaN in a run, and a
 * sum or mean over a range holding one is NaN too.
 */
export function reduceOutcomes(outcomes: readonly Outcome[], cellValues: ArrayLike<number>, at: number, out: Float64Array, outAt = 0): void {
  const { slots } = planOf(outcomes);
  for (let j = 0; j < outcomes.length; j++) {
    const s = slots[j];
    let total = 0;
    for (let k = 0; k < s.length; k++) total += cellValues[at + s[k]];
    out[outAt + j] = outcomes[j].reduction === 'mean' ? total / s.length : total;
  }
}

/**
 * Turns a chunk of runs' cell values (`[run][k]`, `count` runs of `outcomeCells(outcomes)`, as simulateCells
 * returns them) into one column per outcome, the column-major form the run-table writers take.
 */
export function outcomeColumns(outcomes: readonly Outcome[], cellValues: ArrayLike<number>, count: number): Float64Array[] {
  const { width } = planOf(outcomes);
  if (cellValues.length !== count * width) throw new RangeError(`expected ${count} runs x ${width} cells = ${count * width} values, got ${cellValues.length}`);
  const columns = outcomes.map(() => new Float64Array(count));
  const row = new Float64Array(outcomes.length);
  for (let r = 0; r < count; r++) {
    reduceOutcomes(outcomes, cellValues, r * width, row);
    for (let j = 0; j < outcomes.length; j++) columns[j][r] = row[j];
  }
  return columns;
}

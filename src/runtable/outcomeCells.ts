import type { Outcome } from './outcome.js';

/**
 * The distinct yearly cells the outcomes read, in ascending order: what to ask simulateCells for. A run's
 * values for these cells, in this order, are what reduceOutcomes takes.
 */
export function outcomeCells(outcomes: readonly Outcome[]): Int32Array {
  const all = new Set<number>();
  for (const o of outcomes) for (const c of o.cells) all.add(c);
  return Int32Array.from(all).sort();
}

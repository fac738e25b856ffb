import type { ResolvedTarget, Term } from './resolveTargets.js';
import { targetValue } from './targetValue.js';

/** The cells a set of targets reads, and the targets rewritten to read them from a run's row of those cells alone. */
export interface TargetCells {
  /** Every cell some target reads (yearly or month cells, as `simulateCells` numbers them), each once, ascending. */
  readonly cells: Int32Array;
  /** The targets, each term's offset now its cell's position in `cells`. */
  readonly targets: readonly ResolvedTarget[];
}

/** Lists the cells the targets read, so runs can send back those few numbers instead of all their values. */
export function targetCells(targets: readonly ResolvedTarget[]): TargetCells {
  const terms = targets.flatMap((t) => [...t.numerator, ...(t.denominator ?? [])]);
  const cells = Int32Array.from(new Set(terms.map((t) => t.offset))).sort();
  const position = new Map(Array.from(cells, (cell, k) => [cell, k]));
  const remap = (ts: readonly Term[]): Term[] => ts.map((t) => ({ offset: position.get(t.offset) as number, weight: t.weight }));
  return {
    cells,
    targets: targets.map((t) => ({ ...t, numerator: remap(t.numerator), denominator: t.denominator && remap(t.denominator) })),
  };
}

/**
 * Writes each target's value in run `first + i` to `samples[k][first + i]`, from the runs' rows of the target
 * cells (`[run][cell]`, `count` runs, as `simulateCells` returns them).
 */
export function fillFromCells(tc: TargetCells, values: Float64Array, first: number, count: number, samples: readonly Float64Array[]): void {
  const width = tc.cells.length;
  for (let i = 0; i < count; i++) tc.targets.forEach((t, k) => (samples[k][first + i] = targetValue(t, values, i * width)));
}

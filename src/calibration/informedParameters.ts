import type { ResolvedTarget } from '../backtest/resolveTargets.js';
import { targetCells, type TargetCells } from '../backtest/targetCells.js';
import { targetValue } from '../backtest/targetValue.js';
import { cellReader, type ReadCells } from '../montecarlo/cellReader.js';
import { drawParameters } from '../montecarlo/drawParameters.js';
import { quantile } from '../random/distribution.js';
import { streamFor } from '../random/rng.js';
import type { CompiledParameter, CompiledScenario } from '../scenario/compiled.js';
import { resolveRun } from '../scenario/resolveRun.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';

/** The quantiles a parameter is set to when probing whether it can move a target. */
const PROBE = [0.001, 0.999] as const;

/**
 * The uncertain parameters (not fixed, not degenerate) that can move at least one of the targets: with the
 * others at their draws in runs 0 ... runs-1, setting it to its 0.1% and then its 99.9% quantile changes
 * some target's value on the same random streams. One that enters the model only after the targets'
 * periods (a population in 2040) changes none, exactly: the targets say nothing about it.
 */
export function informedParameters(c: CompiledScenario, targets: readonly ResolvedTarget[], seed: number, runs = 3): string[] {
  // Only the targets' cells, month cells among them, are read of each run.
  const tc = targetCells(targets);
  const read = cellReader(c, tc.cells);
  return uncertainParameters(c.parameters).filter((p) => Array.from({ length: runs }, (_, run) => run).some((run) => movesTargets(c, tc, read, seed, run, p))).map((p) => p.name);
}

function movesTargets(c: CompiledScenario, tc: TargetCells, read: ReadCells, seed: number, run: number, p: CompiledParameter): boolean {
  const [low, high] = PROBE.map((u) => {
    const x = quantile(p.dist, u);
    const params = { ...drawParameters(c.parameters, seed, run), [p.name]: p.integer ? Math.round(x) : x };
    const values = new Float64Array(tc.cells.length);
    read(resolveRun(c, params), (component) => streamFor(seed, run, component), values, 0);
    return tc.targets.map((t) => targetValue(t, values, 0));
  });
  return low.some((v, k) => !Object.is(v, high[k]));
}

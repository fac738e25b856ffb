import type { DesignPlan } from '../design/designPlan.js';
import { parameterQuantile } from '../design/parameterQuantile.js';
import { quantile } from '../random/distribution.js';
import { streamFor } from '../random/rng.js';
import type { CompiledParameter, CompiledScenario } from '../scenario/compiled.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';
import type { DesignKind } from '../design/designKind.js';

// Each plan's parameter positions, found once per plan (a plan is shared by every run of a chunk).
const positions = new WeakMap<DesignPlan, Map<string, number>>();

function positionOf(plan: DesignPlan, name: string): number {
  let map = positions.get(plan);
  if (map === undefined) {
    map = new Map(plan.names.map((n, i) => [n, i]));
    positions.set(plan, map);
  }
  return map.get(name) ?? -1;
}

/**
 * Draws one run's value of every uncertain parameter. Without a design (or with `mc`), each from its own
 * stream (seed, run, parameter name), so adding or removing a parameter leaves the others' draws unchanged.
 * With a Latin hypercube or Sobol design, each uncertain parameter's quantile comes from the design's point
 * for the run (see src/design); a parameter the design does not name (one only an alternative has) is drawn
 * as without a design.
 */
export function drawParameters(parameters: readonly CompiledParameter[], seed: number, run: number, design?: DesignPlan): Record<string, number> {
  const out: Record<string, number> = {};
  const designed = design !== undefined && design.kind !== 'mc';
  for (const p of parameters) {
    const k = designed ? positionOf(design, p.name) : -1;
    const u = k >= 0 ? parameterQuantile(design as DesignPlan, run, k) : streamFor(seed, run, `param:${p.name}`)();
    const x = quantile(p.dist, u);
    out[p.name] = p.integer ? Math.round(x) : x;
  }
  return out;
}

/** The design plan of a Monte Carlo of `runs` runs of a scenario: its uncertain parameters, in scenario order, are the design's dimensions. */
export function designPlanFor(c: CompiledScenario, kind: DesignKind, runs: number, seed: number): DesignPlan {
  return { kind, runs, seed, names: uncertainParameters(c.parameters).map((p) => p.name) };
}

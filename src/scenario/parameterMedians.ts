import { quantile } from '../random/distribution.js';
import type { CompiledSchedule, CompiledScenario } from './compiled.js';
import { fillSchedule } from './fillSchedule.js';

/** Every parameter of a scenario at its median: how the dashboard and the charts show schedules written as expressions. */
export function parameterMedians(c: CompiledScenario): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.parameters) {
    const x = quantile(p.dist, 0.5);
    out[p.name] = p.integer ? Math.round(x) : x;
  }
  return out;
}

/** A schedule's value in every month of the horizon, with expressions at the parameters' medians. */
export function scheduleAtMedians(s: CompiledSchedule, medians: Readonly<Record<string, number>>, months: number): Float64Array {
  return s.constant ?? fillSchedule(s, medians, months);
}

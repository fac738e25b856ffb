import { quantile } from '../random/distribution.js';
import type { CompiledSchedule, CompiledScenario } from '../scenario/compiled.js';
import { fillSchedule } from '../scenario/fillSchedule.js';
import { monthIndex } from '../scenario/month.js';

/** Every parameter of a scenario at its median: how the dashboard shows schedules written as expressions. */
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

/** The month offset from the start of January of a calendar year, held within the horizon. */
export function yearStartOffset(c: CompiledScenario, year: number): number {
  return Math.max(0, Math.min(c.months - 1, year * 12 - monthIndex(c.start)));
}

/** The index of the year of the latest dated lever change, where a reader most likely wants the cursor first. */
export function latestPolicyYear(c: CompiledScenario): number {
  let latest = -1;
  for (const s of Object.values(c.levers)) for (const p of s.points) if (p.t > 0 && p.t < c.months) latest = Math.max(latest, p.t);
  if (latest < 0) return c.years.length - 1;
  return Math.min(c.years.length - 1, Math.floor((latest + c.startMonth) / 12));
}

import type { CompiledScenario } from '../scenario/compiled.js';
import { monthIndex } from '../scenario/month.js';

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

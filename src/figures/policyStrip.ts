import { LEVERS, type Lever } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { parameterMedians, scheduleAtMedians } from '../scenario/parameterMedians.js';

/** One cell of a chart's policy timeline: a lever's level in a year, as a share of its highest. */
export interface PolicyStripRow {
  readonly lever: string;
  readonly year: number;
  /** The lever's value in the middle of the year (July), with expressions at the parameters' medians. */
  readonly value: number;
  /** 0 (off, or zero) to 1 (on, or the lever's highest: its range's top for shares, else its highest value here). */
  readonly level: number;
}

/** The levers a timeline always shows, as the dashboard does: the policies the scenarios are about. */
const ALWAYS: readonly Lever[] = ['paroleOpen', 'travelPermissionCoverage', 'usPressure'];

/**
 * The policy timeline of a scenario, a row per lever that changes over the horizon (and the parole,
 * travel-permission and US-pressure levers always), one cell per calendar year, so a chart shows under its
 * lines which policies held when. The scenarios of a comparison are given together: a lever that changes in
 * any of them is shown; where the scenarios set it alike it is one row, `lever`, else a row per scenario,
 * `lever: scenario`, so the rows that differ are the policies being compared.
 */
export function policyStrip(scenarios: readonly CompiledScenario[]): PolicyStripRow[] {
  const filled = scenarios.map((c) => {
    const medians = parameterMedians(c);
    return Object.fromEntries((Object.keys(LEVERS) as Lever[]).map((l) => [l, scheduleAtMedians(c.levers[l], medians, c.months)]));
  });
  const shown = (Object.keys(LEVERS) as Lever[]).filter((l) => ALWAYS.includes(l) || filled.some((f) => f[l].some((v) => v !== f[l][0])));
  const rows: PolicyStripRow[] = [];
  for (const lever of shown) {
    const spec = LEVERS[lever];
    const top = spec.unit === 'share' || spec.boolean ? spec.max : Math.max(1e-9, ...filled.flatMap((f) => [...f[lever]]));
    const alike = filled.every((f) => f[lever].length === filled[0][lever].length && f[lever].every((v, m) => v === filled[0][lever][m]));
    scenarios.forEach((c, k) => {
      if (alike && k > 0) return;
      const name = alike ? lever : `${lever}: ${c.name}`;
      c.years.forEach((year, y) => {
        // July of each year: the month offset from the horizon's start, held within it.
        const m = Math.max(0, Math.min(c.months - 1, y * 12 + 6 - c.startMonth));
        const value = filled[k][lever][m];
        rows.push({ lever: name, year, value, level: Math.max(0, Math.min(1, value / top)) });
      });
    });
  }
  return rows;
}

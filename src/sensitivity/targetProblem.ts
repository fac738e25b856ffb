import type { CompiledScenario } from '../scenario/compiled.js';
import { nearest } from '../scenario/nearest.js';

/** Says what is wrong with a metric name or year to analyse in a scenario, or undefined when both exist. */
export function targetProblem(c: CompiledScenario, metric: string, year: number): string | undefined {
  const names = c.layout.metrics.map((m) => m.name);
  if (!(metric in c.layout.index)) {
    const guess = nearest(metric, names);
    return `unknown metric '${metric}'${guess ? `; did you mean '${guess}'?` : ''} expected one of: ${names.join(', ')}`;
  }
  if (!c.years.includes(year)) {
    return `year ${year} is outside the horizon of '${c.name}'; expected a year from ${c.years[0]} to ${c.years[c.years.length - 1]}`;
  }
  return undefined;
}

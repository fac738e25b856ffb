import type { SensitivityHeader } from '../sensitivity/analyzeSensitivity.js';

/** What a sensitivity analysis explains, in words: the metric in its year, or with `versus` the policy's effect on it. */
export function sensitivitySubject(r: Pick<SensitivityHeader, 'metric' | 'year' | 'versus'>): string {
  return r.versus === undefined ? `${r.metric} in ${r.year}` : `effect of ${r.versus.name} on ${r.metric} in ${r.year}`;
}

import type { Target } from '../backtest/target.js';
import { relativeMiss } from './relativeMiss.js';

/**
 * Each draw's distance from the observations: within a series, the root mean square of its targets'
 * relative misses; over series, the root mean square of those, so every series counts the same however
 * many targets it has. `samples[k][i]` is target k's model value in draw i.
 */
export function abcDistances(targets: readonly Target[], samples: readonly ArrayLike<number>[], draws: number): Float64Array {
  const series = [...new Set(targets.map((t) => t.series))];
  const members = series.map((s) => targets.flatMap((t, k) => (t.series === s ? [k] : [])));
  const out = new Float64Array(draws);
  for (let i = 0; i < draws; i++) {
    let sum = 0;
    for (const ks of members) {
      let squares = 0;
      for (const k of ks) squares += relativeMiss(targets[k], samples[k][i]) ** 2;
      sum += squares / ks.length;
    }
    out[i] = series.length === 0 ? 0 : Math.sqrt(sum / series.length);
  }
  return out;
}

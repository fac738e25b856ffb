import type { PrimResult } from './primBox.js';

/** Whether PRIM had nothing to search: no runs, no cases of interest, or nothing but cases. */
export function nothingToFind(r: Pick<PrimResult, 'stop'>): boolean {
  return r.stop === 'no-rows' || r.stop === 'no-cases' || r.stop === 'all-cases';
}

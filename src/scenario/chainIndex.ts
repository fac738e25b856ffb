import type { MergedScenario } from './loadChain.js';
import { hasPath, type Path } from './parseYaml.js';

/**
 * Returns which file of the `extends` chain writes a path of the merged scenario: 0 for the user's file, 1 for
 * the one it extends and so on, or the chain's length when no file does (a default).
 */
export function chainIndex(m: MergedScenario, path: Path): number {
  // Merged events are numbered across the chain; each remembers the file that wrote it.
  if (path[0] === 'events' && typeof path[1] === 'number' && m.eventOrigins[path[1]]) return m.sources.indexOf(m.eventOrigins[path[1]].src);
  const i = m.sources.findIndex((s) => hasPath(s, path));
  return i < 0 ? m.sources.length : i;
}

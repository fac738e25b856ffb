import { nodeFilePort } from '../node/nodeFilePort.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { Result } from '../scenario/diagnostic.js';
import { loadScenarioWith } from '../scenario/loadScenario.js';
import { checkText } from './checkArguments.js';

/**
 * Reads, merges (`extends`, relative to each file) and compiles a scenario file from the file system: the
 * result is the compiled scenario or every located problem, never a throw for a missing or bad file (a
 * TypeError only when `path` is not a non-empty string).
 */
export function loadScenario(path: string): Result<CompiledScenario> {
  return loadScenarioWith(checkPath('loadScenario', path), nodeFilePort);
}

function checkPath(fn: string, path: unknown): string {
  const p = checkText(fn, 'path', path, "the scenario file's path such as 'scenarios/baseline.yaml'");
  if (p === '') throw new TypeError(`${fn}: path must not be empty; expected a scenario file's path such as 'scenarios/baseline.yaml'`);
  return p;
}

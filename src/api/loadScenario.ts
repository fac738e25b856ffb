import { nodeFilePort } from '../cli/nodeFilePort.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { Result } from '../scenario/diagnostic.js';
import { loadScenarioWith } from '../scenario/loadScenario.js';

/**
 * Reads, merges (`extends`, relative to each file) and compiles a scenario file from the file system: the
 * result is the compiled scenario or every located problem, never a throw for a missing or bad file.
 */
export function loadScenario(path: string): Result<CompiledScenario> {
  return loadScenarioWith(path, nodeFilePort);
}

import type { CompiledScenario } from '../scenario/compiled.js';
import { isUnreadable } from '../scenario/diagnostic.js';
import { loadScenarioWith } from '../scenario/loadScenario.js';
import { nodeFilePort } from '../node/nodeFilePort.js';
import { InvalidInput, UsageError } from './cliErrors.js';

/** Loads and compiles a scenario file, or ends the command: exit 2 when it cannot be read, 3 when it is invalid. */
export function loadScenarioFile(file: string): CompiledScenario {
  const result = loadScenarioWith(file, nodeFilePort);
  if (result.ok) return result.value;
  // A file that cannot be read has no line to point at: say so plainly, as a usage error (exit 2).
  const unreadable = result.errors.find(isUnreadable);
  if (unreadable) throw new UsageError(unreadable.message);
  throw new InvalidInput(result.errors);
}

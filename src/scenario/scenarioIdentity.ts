import { createHash } from 'node:crypto';
import type { CompiledScenario } from './compiled.js';

/** How a report names the scenario it ran: its name, the file it was read from and the sha256 of that file's text. */
export interface ScenarioIdentity {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
}

/** A scenario's identity for a report's header, so that a reader can tell whether a file is the one that was run. */
export function scenarioIdentity(c: Pick<CompiledScenario, 'name' | 'file' | 'text'>): ScenarioIdentity {
  return { name: c.name, file: c.file, sha256: createHash('sha256').update(c.text).digest('hex') };
}

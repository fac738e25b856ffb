import type { CompiledScenario } from '../scenario/compiled.js';
import type { Result } from '../scenario/diagnostic.js';
import type { FilePort } from '../scenario/filePort.js';
import { loadScenarioWith as loadWith, parseScenario as parse } from '../scenario/loadScenario.js';
import { checkPort, checkText } from './checkArguments.js';

/**
 * Compiles a scenario from its YAML text, following `extends` only through the port when given: the result
 * is the compiled scenario or every located problem, never a throw for bad text; a TypeError only for a
 * wrong kind of argument (text or name not a string, a port without read, resolve and identity).
 */
export function parseScenario(text: string, file: string, port?: FilePort): Result<CompiledScenario> {
  checkText('parseScenario', 'text', text, "the scenario's YAML");
  checkName('parseScenario', file);
  return parse(text, file, checkPort('parseScenario', port));
}

/** Reads a scenario file through the port, then compiles it like `parseScenario`; throws only like it. */
export function loadScenarioWith(file: string, port: FilePort): Result<CompiledScenario> {
  checkName('loadScenarioWith', file);
  const p = checkPort('loadScenarioWith', port);
  if (!p) throw new TypeError('loadScenarioWith: port must be a FilePort with functions read, resolve and identity (got undefined)');
  return loadWith(file, p);
}

function checkName(fn: string, file: unknown): void {
  checkText(fn, 'file', file, "the name messages give the scenario, such as 'my-scenario.yaml'");
  if (file === '') throw new TypeError(`${fn}: file must not be empty; expected the name messages give the scenario, such as 'my-scenario.yaml'`);
}

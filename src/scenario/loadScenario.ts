import type { CompiledScenario } from './compiled.js';
import { compileScenario } from './compileScenario.js';
import type { Result } from './diagnostic.js';
import type { FilePort } from './filePort.js';
import { loadChain } from './loadChain.js';

/**
 * Parses, merges (`extends`, through the port when given) and compiles a scenario from its text: the result
 * is the compiled scenario or every located problem found, never a throw for bad input.
 */
export function parseScenario(text: string, file: string, port?: FilePort): Result<CompiledScenario> {
  const merged = loadChain(file, text, port);
  return merged.ok ? compileScenario(merged.value) : merged;
}

/**
 * Reads a scenario file through the port, then parses and compiles it like `parseScenario`; a file that
 * cannot be read gives one diagnostic at line 0 (`cannot read FILE: why`), with no invented place in it.
 */
export function loadScenarioWith(file: string, port: FilePort): Result<CompiledScenario> {
  const read = port.read(file);
  if (!read.ok) return { ok: false, errors: [{ file, line: 0, col: 0, message: read.message }] };
  return parseScenario(read.text, file, port);
}

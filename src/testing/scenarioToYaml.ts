import { stringify } from 'yaml';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { ScenarioFile } from '../scenario/schema.js';

const isCompiled = (s: CompiledScenario | ScenarioFile): s is CompiledScenario => 'merged' in s && 'layout' in s;

/**
 * Writes a scenario (compiled, or in its plain object form) as YAML that `brigadas run` and `parseScenario`
 * accept, with `changes` replacing whole top-level sections; a compiled scenario comes out self-contained,
 * what it `extends` merged in.
 */
export function scenarioToYaml(scenario: CompiledScenario | ScenarioFile, changes: Partial<ScenarioFile> = {}): string {
  if (!isCompiled(scenario)) return write({ ...scenario, ...changes });
  // One file and no changes: its own text, byte for byte, so a replay reports the same sha256.
  if (scenario.merged.sources.length === 1 && Object.keys(changes).length === 0) return scenario.text;
  return `# ${scenario.name}: from ${scenario.file}, with what it extends merged in\n${write({ ...scenario.merged.data, extends: undefined, ...changes })}`;
}

// No anchors and aliases for shared objects (the loader limits aliases), and no folding of long expressions.
const write = (data: ScenarioFile): string => stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });

import { LEVERS } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { Result } from '../scenario/diagnostic.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import type { Policy } from './sweepPolicies.js';
import { leverValueText } from './sweepPolicies.js';

/**
 * The scenario under a policy: a scenario file that extends the given one and sets each swept lever from its
 * month on (a point added to the lever's schedule, as a scenario file's `levers:` adds one), compiled from
 * the texts already read. The uncertain parameters are the scenario's own, so run i of every policy draws
 * the same values and the same random streams (common random numbers).
 */
export function policyScenario(c: CompiledScenario, policy: Policy, index: number): Result<CompiledScenario> {
  const base = c.merged.file;
  const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  const folder = slash < 0 ? '' : base.slice(0, slash + 1);
  const name = base.slice(slash + 1);
  const file = `${folder}${name.replace(/\.ya?ml$/i, '')}.policy-${index + 1}.yaml`;
  const lines = [`# ${policy.label}: made by --sweep`, `extends: ${JSON.stringify(name)}`, `name: ${JSON.stringify(`${c.name} | ${policy.label}`)}`, 'levers:'];
  for (const s of policy.settings) {
    const v = LEVERS[s.lever].boolean ? leverValueText(s.lever, s.value) : String(s.value);
    lines.push(`  ${s.lever}:`, `    ${s.from}: ${v}`);
  }
  const text = `${lines.join('\n')}\n`;
  const sources = [{ file, text }, ...c.merged.sources.map((s) => ({ file: s.file, text: s.text }))];
  return parseScenario(text, file, memoryFilePort(sources));
}

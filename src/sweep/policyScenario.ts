import { LEVERS, type Lever } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { LEVER_DEFAULTS } from '../scenario/compileScenario.js';
import type { Result } from '../scenario/diagnostic.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { monthIndex, monthText } from '../scenario/month.js';
import type { Policy } from './sweepPolicies.js';
import { leverValueText } from './sweepPolicies.js';

type Written = number | boolean | string;

// A lever value as a YAML scalar: numbers and switches bare, expressions quoted.
const yamlValue = (v: Written): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * The schedule lines a policy's file writes for one lever set to `value` from month `from` on, given what the
 * scenario (and what it extends) has for it. Schedules merge point by point, so a step schedule's later points
 * are overridden too (they would come back through the merge); a constant, or a lever left at its default, is
 * replaced by steps that keep it until the month before; a linear schedule holds its value at the month before
 * (an expression when its points are), then steps to the new value.
 */
function leverLines(c: CompiledScenario, lever: Lever, from: string, value: Written): string[] {
  const old = (c.merged.data.levers?.[lever] ?? LEVER_DEFAULTS[lever]) as Written | Record<string, Written> | { linear: Record<string, Written> };
  const v = yamlValue(value);
  if (typeof old !== 'object' || old === null) {
    const lines = monthIndex(from) > monthIndex(c.start) ? [`    ${c.start}: ${yamlValue(old)}`] : [];
    return [`  ${lever}:`, ...lines, `    ${from}: ${v}`];
  }
  if (!('linear' in old)) {
    const later = Object.keys(old).filter((m) => m > from).sort();
    return [`  ${lever}:`, `    ${from}: ${v}`, ...later.map((m) => `    ${m}: ${v}`)];
  }
  const points = Object.entries(old.linear as Record<string, Written>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const before = monthText(monthIndex(from) - 1);
  const lines = [`  ${lever}:`, '    linear:'];
  const p = [...points].reverse().find(([m]) => m <= before);
  const q = points.find(([m]) => m > before);
  if (p !== undefined) {
    let held: Written = p[1];
    if (q !== undefined && p[0] !== before) {
      const f = (monthIndex(before) - monthIndex(p[0])) / (monthIndex(q[0]) - monthIndex(p[0]));
      held = typeof p[1] === 'number' && typeof q[1] === 'number' ? p[1] + (q[1] - p[1]) * f : `(${String(p[1])}) + ((${String(q[1])}) - (${String(p[1])})) * ${f}`;
    }
    lines.push(`      ${before}: ${yamlValue(held)}`);
  }
  lines.push(`      ${from}: ${v}`, ...points.filter(([m]) => m > from).map(([m]) => `      ${m}: ${v}`));
  return lines;
}

/**
 * The scenario under a policy: a scenario file that extends the given one and sets each swept lever from its
 * month to the end of the horizon (as a scenario file's `levers:` does, restating what the merge with the
 * scenario would otherwise bring back), compiled from the texts already read. The uncertain parameters are
 * the scenario's own, so run i of every policy draws the same values and the same random streams (common
 * random numbers).
 */
export function policyScenario(c: CompiledScenario, policy: Policy, index: number): Result<CompiledScenario> {
  const base = c.merged.file;
  const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  const folder = slash < 0 ? '' : base.slice(0, slash + 1);
  const name = base.slice(slash + 1);
  const file = `${folder}${name.replace(/\.ya?ml$/i, '')}.policy-${index + 1}.yaml`;
  const lines = [`# ${policy.label}: made by --sweep`, `extends: ${JSON.stringify(name)}`, `name: ${JSON.stringify(`${c.name} | ${policy.label}`)}`, 'levers:'];
  for (const s of policy.settings) {
    const v = LEVERS[s.lever].boolean ? leverValueText(s.lever, s.value) === 'true' : s.value;
    lines.push(...leverLines(c, s.lever, s.from, v));
  }
  const text = `${lines.join('\n')}\n`;
  const sources = [{ file, text }, ...c.merged.sources.map((s) => ({ file: s.file, text: s.text }))];
  return parseScenario(text, file, memoryFilePort(sources));
}

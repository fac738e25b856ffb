import type { Path } from './parseYaml.js';

/** Renders a path the way a student reads it: `hosts.brazil.demand` or `events[2].date`. */
export function pathText(path: Path): string {
  let s = '';
  for (const step of path) s += typeof step === 'number' ? `[${step}]` : s === '' ? String(step) : `.${String(step)}`;
  return s === '' ? 'the file' : s;
}

/** Describes a YAML value in words for an error message: `.nan`, `.inf`, `nothing`, `"text"`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

/** Returns the value at a path of plain data, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

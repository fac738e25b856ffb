import type { Path } from './parseYaml.js';

/** Cuts text longer than `max` characters for a message, saying how long it was: `xxxx... (3,000 characters)`. */
export function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length.toLocaleString('en-US')} characters)`;
}

/** Renders a path the way a student reads it: `hosts.brazil.demand` or `events[2].date` (long keys cut short). */
export function pathText(path: Path): string {
  let s = '';
  for (const step of path) s += typeof step === 'number' ? `[${step}]` : s === '' ? shorten(String(step)) : `.${shorten(String(step))}`;
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
  if (typeof v === 'string') return v.length <= 60 ? JSON.stringify(v) : `${JSON.stringify(v.slice(0, 60)).slice(0, -1)}..." (${v.length.toLocaleString('en-US')} characters)`;
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

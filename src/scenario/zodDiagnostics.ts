import type { z } from 'zod';
import { DISTRIBUTION_KINDS } from '../random/distribution.js';
import { DRIVERS, HOST_FIELDS, HOST_SCHEDULE_FIELDS, LEVERS, type InputSpec } from '../model/spec.js';
import { rangeProblem } from './rangeProblem.js';
import type { Diagnostic } from './diagnostic.js';
import { describeValue, pathText, shorten, valueAt } from './describe.js';
import { nearest } from './nearest.js';
import { locate, writtenAt, type Path, type SourceDoc } from './parseYaml.js';

type Issue = z.core.$ZodIssue;

const TOP_KEYS = ['name', 'description', 'extends', 'start', 'end', 'parameters', 'drivers', 'levers', 'hosts', 'events'];
const DIST_KEYS: Record<string, string[]> = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  normal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['median', 'sigma', 'min', 'max'],
  beta: ['alpha', 'beta', 'min', 'max'],
  pert: ['min', 'mode', 'max', 'lambda'],
  discrete: ['values', 'weights'],
};

/** Lists the keys allowed in the mapping at a path of a scenario file, for "did you mean" hints. */
export function allowedKeysAt(path: Path, data: unknown): readonly string[] {
  const [section, name] = path;
  if (path.length === 0) return TOP_KEYS;
  if (section === 'levers' && path.length === 1) return Object.keys(LEVERS);
  if (section === 'drivers' && path.length === 1) return Object.keys(DRIVERS);
  if (section === 'hosts' && path.length === 2) return ['label', ...Object.keys(HOST_FIELDS)];
  if (section === 'events' && path.length === 2) return ['date', 'host', 'share', 'note'];
  if (section === 'parameters' && path.length === 2 && typeof name === 'string') {
    const kind = valueAt(data, [...path, 'dist']);
    return ['dist', ...(DIST_KEYS[String(kind)] ?? []), 'source'];
  }
  return ['linear'];
}

const EXPECTED: Record<string, string> = {
  number: 'a finite number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

const VALUE_EXPECTED = 'a number, true/false or an expression';
const SCHEDULE_EXPECTED = 'a number, true/false, an expression, or a schedule of YYYY-MM: value pairs';

// Only drivers, levers and a host's schedule fields take schedules; offering one elsewhere misleads.
function isSchedulePath(path: Path): boolean {
  const [section, , field] = path;
  if (section === 'drivers' || section === 'levers') return path.length === 2;
  return section === 'hosts' && path.length === 3 && (HOST_SCHEDULE_FIELDS as readonly unknown[]).includes(field);
}

/** Turns zod's issues for one file into located, student-readable diagnostics. */
export function zodDiagnostics(issues: readonly Issue[], src: SourceDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) collect(issue, [], src, out);
  return out;
}

function collect(issue: Issue, prefix: Path, src: SourceDoc, out: Diagnostic[]): void {
  const path: Path = [...prefix, ...(issue.path as (string | number)[])];
  const got = valueAt(src.data, path);
  const push = (message: string, at: Path = path, which: 'key' | 'value' = 'value') => {
    const pos = locate(src, at, which) ?? { line: 1, col: 1 };
    out.push({ file: src.file, line: pos.line, col: pos.col, message });
  };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path, src.data);
      for (const key of issue.keys) {
        const guess = nearest(key, allowed);
        const hint = guess ? `did you mean '${guess}'? ` : '';
        push(`unknown key '${pathText([...path, key])}'; ${hint}expected one of: ${allowed.join(', ')}`, [...path, key], 'key');
      }
      return;
    }
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (got === undefined) push(`${pathText(path)} is missing; expected ${expected}`, path.slice(0, -1));
      else if (typeof got === 'number' && !Number.isFinite(got)) push(notFinite(path, got, src));
      else push(`${pathText(path)} must be ${expected} (got ${describeValue(got)})`);
      return;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const kinds = DISTRIBUTION_KINDS.join(', ');
        if (got === undefined) push(`${pathText(path)} is missing; expected one of: ${kinds}`, path.slice(0, -1));
        else {
          const guess = nearest(String(got), DISTRIBUTION_KINDS);
          push(`${pathText(path)} must be one of: ${kinds} (got ${describeValue(got)})${guess ? `; did you mean '${guess}'?` : ''}`);
        }
        return;
      }
      const branch = bestBranch(issue.errors as Issue[][]);
      if (branch) for (const inner of branch) collect(inner, path, src, out);
      else if (typeof got === 'number') push(notFinite(path, got, src));
      else push(`${pathText(path)} must be ${isSchedulePath(path) ? SCHEDULE_EXPECTED : VALUE_EXPECTED} (got ${describeValue(got)})`);
      return;
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const section = path.length === 2 ? path[0] : undefined;
      if (section === 'hosts' || section === 'parameters') {
        push(keyNameProblem(section, key), path, 'key');
        return;
      }
      const inner = issue.issues[0];
      const what = inner && 'message' in inner ? inner.message : 'a valid key';
      push(`'${key}' in ${pathText(path.slice(0, -1))} is not ${what.startsWith('a ') ? what : `valid: ${what}`}`, path, 'key');
      return;
    }
    case 'invalid_format':
      push(`${pathText(path)} must be ${issue.message} (got ${describeValue(got)})`);
      return;
    case 'too_small':
    case 'too_big': {
      const spec = specAt(path);
      const problem = typeof got === 'number' && spec ? rangeProblem(got, spec) : undefined;
      if (problem) push(`${pathText(path)} ${problem}`);
      else if (issue.code === 'too_small') push(`${pathText(path)} must not be empty`);
      else push(`${pathText(path)}: ${issue.message}`);
      return;
    }
    default:
      push(`${pathText(path)}: ${issue.message}`);
  }
}

// The input a value at a path is for: a driver's or lever's schedule, or a host's field.
function specAt(path: Path): InputSpec | undefined {
  const [section, name, field] = path.map(String);
  const from = (table: Record<string, InputSpec>, key: string) => (Object.hasOwn(table, key) ? table[key] : undefined);
  if (section === 'levers') return from(LEVERS, name);
  if (section === 'drivers') return from(DRIVERS, name);
  if (section === 'hosts' && field !== undefined) return from(HOST_FIELDS, field);
  return undefined;
}

// YAML reads a number too large for a double (1e400) as infinity: quote what was written, not `.inf`.
function notFinite(path: Path, got: number, src: SourceDoc): string {
  const written = writtenAt(src, path);
  if (written === undefined || /^[-+]?\.(inf|nan)$/i.test(written)) return `${pathText(path)} must be a finite number (got ${describeValue(got)})`;
  return `${pathText(path)} must be a finite number: ${written} is out of range for a number (beyond ±1.8e308)`;
}

// Says what is wrong with a host id or parameter name in particular: its first character, or which character.
function keyNameProblem(section: 'hosts' | 'parameters', key: string): string {
  const what = section === 'hosts' ? 'host id' : 'parameter name';
  const quoted = shorten(key);
  const rule = section === 'hosts' ? 'a letter, then letters, digits and _' : 'a letter or _, then letters, digits and _';
  if (key === '') return `a ${what} must not be empty; expected ${rule}`;
  const first = section === 'hosts' ? /^[A-Za-z]/ : /^[A-Za-z_]/;
  if (!first.test(key)) return `${what} '${quoted}' must start with ${section === 'hosts' ? 'a letter' : 'a letter or _'} (got '${key[0]}'); expected ${rule}`;
  const bad = /[^A-Za-z0-9_]/.exec(key)?.[0] ?? '';
  return `${what} '${quoted}' may hold only letters, digits and _ (got '${bad}'); expected ${rule}`;
}

// Of a union's branches, keep the one that got furthest into the value (deepest issue path), then the one
// with fewest complaints; a branch that failed on the value's own type (path []) explains nothing.
function bestBranch(branches: Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestDepth = -1;
  for (const b of branches) {
    if (b.length === 0) continue;
    if (b.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_union' && !bestBranch(i.errors as Issue[][]))))) continue;
    const depth = Math.max(...b.map((i) => i.path.length));
    if (!best || depth > bestDepth || (depth === bestDepth && b.length < best.length)) {
      best = b;
      bestDepth = depth;
    }
  }
  return best;
}

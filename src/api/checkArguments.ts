import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic, type Diagnostic } from '../scenario/diagnostic.js';
import type { FilePort } from '../scenario/filePort.js';

/** Describes an argument a function was given, for a TypeError: `undefined`, `the string "x"`, `an object with keys a, b`. */
export function describeArgument(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}...` : x)}`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return `the ${typeof x} ${String(x)}`;
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'object') {
    const keys = Object.keys(x);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
  }
  return typeof x;
}

// What loadScenario and parseScenario return: {ok, value} or {ok, errors}.
function isResult(x: object): x is { ok: boolean; value?: unknown; errors?: readonly Diagnostic[] } {
  return 'ok' in x && typeof (x as { ok: unknown }).ok === 'boolean' && ('value' in x || 'errors' in x);
}

/**
 * Returns the argument when it is a compiled scenario, or throws a TypeError that says what it is instead:
 * most often the result of loading one, whose `value` should have been passed.
 */
export function checkScenario(fn: string, what: string, x: unknown): CompiledScenario {
  if (typeof x === 'object' && x !== null && isResult(x)) {
    const failed = x.ok === false && Array.isArray(x.errors) && x.errors.length > 0 ? ` (this one failed: ${formatDiagnostic(x.errors[0])})` : '';
    throw new TypeError(`${fn}: ${what} is the result of loadScenario or parseScenario, not a scenario; pass result.value after checking result.ok${failed}`);
  }
  const c = x as Partial<CompiledScenario> | null;
  const looksCompiled =
    typeof c === 'object' &&
    c !== null &&
    typeof c.name === 'string' &&
    typeof c.months === 'number' &&
    Array.isArray(c.parameters) &&
    Array.isArray(c.hosts) &&
    Array.isArray(c.years) &&
    typeof c.layout === 'object' &&
    typeof c.levers === 'object' &&
    typeof c.drivers === 'object' &&
    typeof c.merged === 'object';
  if (!looksCompiled) throw new TypeError(`${fn}: ${what} must be a compiled scenario, the value of loadScenario or parseScenario (got ${describeArgument(x)})`);
  return x as CompiledScenario;
}

/** Returns a list of compiled scenarios, or throws a TypeError that names the first wrong element. */
export function checkScenarios(fn: string, what: string, xs: unknown): readonly CompiledScenario[] {
  if (!Array.isArray(xs)) {
    const hint = typeof xs === 'object' && xs !== null && 'merged' in xs ? '; wrap a single scenario in [ ]' : '';
    throw new TypeError(`${fn}: ${what} must be an array of compiled scenarios (got ${describeArgument(xs)})${hint}`);
  }
  return xs.map((x, i) => checkScenario(fn, `${what}[${i}]`, x));
}

/** Throws a TypeError unless the argument is a non-empty string. */
export function checkText(fn: string, what: string, x: unknown, expected: string): string {
  if (typeof x !== 'string') throw new TypeError(`${fn}: ${what} must be a string, ${expected} (got ${describeArgument(x)})`);
  return x;
}

/** Throws a TypeError unless the argument, when given, has the three functions of a FilePort. */
export function checkPort(fn: string, x: unknown): FilePort | undefined {
  if (x === undefined) return undefined;
  const p = x as Partial<Record<keyof FilePort, unknown>> | null;
  const missing = (['read', 'resolve', 'identity'] as const).filter((k) => typeof p?.[k] !== 'function');
  if (typeof p !== 'object' || p === null || missing.length > 0) {
    throw new TypeError(`${fn}: port must be a FilePort with functions read, resolve and identity (got ${describeArgument(x)}${missing.length < 3 && p !== null && typeof p === 'object' ? `, without ${missing.join(', ')}` : ''})`);
  }
  return x as FilePort;
}

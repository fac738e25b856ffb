import type { InputSpec } from '../model/spec.js';
import { describeValue } from './describe.js';

// 1,000,000 rather than 1000000 or 1e+6; 0.08333 for a month in years.
const n = (x: number) => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(+x.toPrecision(4)));

/** Writes an input's legal range for messages and the JSON Schema: `0 to 1`, `true or false`, `1 to 100,000`. */
export function rangeText(spec: InputSpec): string {
  return spec.boolean ? 'true or false' : `${n(spec.min)} to ${n(spec.max)}`;
}

/** Says why a number is outside an input's legal range, or returns undefined when it is fine. */
export function rangeProblem(x: number, spec: InputSpec): string | undefined {
  if (!Number.isFinite(x)) return `must be a finite number (got ${describeValue(x)})`;
  if (spec.boolean && x !== 0 && x !== 1) return `must be true or false (got ${x})`;
  if (x < spec.min || x > spec.max) return `must be between ${n(spec.min)} and ${n(spec.max)} ${spec.unit === 'share' ? '(a share)' : `(${spec.unit})`} (got ${x})`;
  return undefined;
}

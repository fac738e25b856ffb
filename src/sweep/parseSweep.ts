import { LEVERS, type Lever } from '../model/spec.js';
import { monthIndex } from '../scenario/month.js';
import { nearest } from '../scenario/nearest.js';

/** One swept lever: from a month to the end of the horizon it takes each of its values in turn. */
export interface Sweep {
  readonly lever: Lever;
  /** The first month of the setting, `YYYY-MM`. */
  readonly from: string;
  /** The settings, in the order given: numbers, or 0 and 1 for a switch. */
  readonly values: readonly number[];
  /** The text given, as messages quote it. */
  readonly text: string;
}

/** The most values one sweep takes, and the most policies all sweeps make together (full factorial). */
export const MAX_SWEEP_VALUES = 100;
export const MAX_POLICIES = 1000;

/** A parsed sweep or why it was refused, in words that quote it. */
export type SweepResult = { readonly ok: true; readonly value: Sweep } | { readonly ok: false; readonly message: string };

const FORM = 'expected lever=YYYY-MM:value,value,... such as paroleOpen=2027-01:true,false';

/**
 * Parses one `--sweep` text, `lever=YYYY-MM:v1,v2,...`, against the model's levers and a horizon: the lever
 * must exist (a near miss is named), the month lie within the horizon, and each value be a number in the
 * lever's legal range (or true/false for a switch), none repeated.
 */
export function parseSweep(text: string, horizon: { readonly start: string; readonly end: string }): SweepResult {
  const bad = (why: string): SweepResult => ({ ok: false, message: `--sweep '${text}': ${why}` });
  const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\d{4}-\d{2})\s*:\s*(.+?)\s*$/.exec(text);
  if (m === null) return bad(FORM);
  const [, name, from, list] = m;
  if (!(name in LEVERS)) {
    const guess = nearest(name, Object.keys(LEVERS));
    return bad(`no lever '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; the levers are ${Object.keys(LEVERS).join(', ')}`);
  }
  const lever = name as Lever;
  const spec = LEVERS[lever];
  const month = Number(from.slice(5));
  if (month < 1 || month > 12) return bad(`'${from}' is not a month; expected YYYY-MM with MM from 01 to 12`);
  if (monthIndex(from) < monthIndex(horizon.start) || monthIndex(from) > monthIndex(horizon.end)) {
    return bad(`${from} is outside the scenario's months, ${horizon.start} to ${horizon.end}`);
  }
  const words = list.split(',').map((w) => w.trim());
  if (words.length > MAX_SWEEP_VALUES) return bad(`${words.length} values; a sweep takes at most ${MAX_SWEEP_VALUES}`);
  const values: number[] = [];
  for (const w of words) {
    let x: number;
    if (spec.boolean) {
      if (w !== 'true' && w !== 'false') return bad(`'${w}': ${lever} is a switch; expected true or false`);
      x = w === 'true' ? 1 : 0;
    } else {
      x = w === '' ? Number.NaN : Number(w);
      if (!Number.isFinite(x)) return bad(`'${w}' is not a number; expected values of ${lever} (${spec.unit}) from ${spec.min} to ${spec.max}`);
      if (x < spec.min || x > spec.max) return bad(`${w} is outside ${lever}'s range, ${spec.min} to ${spec.max} (${spec.unit})`);
      if (spec.integer && !Number.isInteger(x)) return bad(`${w}: ${lever} takes whole numbers`);
    }
    if (values.includes(x)) return bad(`'${w}' is given twice`);
    values.push(x);
  }
  return { ok: true, value: { lever, from, values, text } };
}

import { LEVERS, type Lever } from '../model/spec.js';
import { MAX_POLICIES, type Sweep } from './parseSweep.js';

/** One setting of the swept levers: each lever's value from its month on. */
export interface Policy {
  /** `lever=value` for each swept lever, space-separated: the `policy` column of a run table. */
  readonly label: string;
  readonly settings: readonly { readonly lever: Lever; readonly from: string; readonly value: number }[];
}

/** Says why sweeps cannot be combined (a lever swept twice, too many policies), or undefined when they can. */
export function sweepsProblem(sweeps: readonly Sweep[]): string | undefined {
  const levers = sweeps.map((s) => s.lever);
  const twice = levers.find((l, i) => levers.indexOf(l) !== i);
  if (twice !== undefined) return `--sweep: ${twice} is swept twice; sweep each lever once, with all its values`;
  const count = sweeps.reduce((n, s) => n * s.values.length, 1);
  if (count > MAX_POLICIES) return `--sweep: the sweeps make ${count} policies (every combination); at most ${MAX_POLICIES} are run`;
  return undefined;
}

/** A lever's value as a run table and a label show it: true/false for a switch, the number otherwise. */
export function leverValueText(lever: Lever, value: number): string {
  return LEVERS[lever].boolean ? (value >= 0.5 ? 'true' : 'false') : String(value);
}

/**
 * Every combination of the sweeps' values (a full factorial, EMA's policies), the first sweep varying
 * slowest, so the policies come in the order a reader of the command line expects.
 */
export function sweepPolicies(sweeps: readonly Sweep[]): Policy[] {
  let out: Policy['settings'][] = [[]];
  for (const s of sweeps) out = out.flatMap((prefix) => s.values.map((value) => [...prefix, { lever: s.lever, from: s.from, value }]));
  return out.map((settings) => ({ settings, label: settings.map((x) => `${x.lever}=${leverValueText(x.lever, x.value)}`).join(' ') }));
}

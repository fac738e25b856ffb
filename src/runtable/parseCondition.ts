import type { Outcome } from './outcome.js';
import { parseOutcomes, type OutcomeContext } from './parseOutcomes.js';

/** A comparison of an outcome with a threshold: what makes a run a case of interest. */
export interface Condition {
  readonly outcome: Outcome;
  readonly op: '<' | '<=' | '>' | '>=';
  readonly threshold: number;
  readonly text: string;
}

/** A parsed condition or why it was refused. */
export type ConditionResult = { readonly ok: true; readonly value: Condition } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Parses `outcome OP number` (OP one of < <= > >=), the outcome as `--outcomes` takes one, such as
 * `healthWorkersAbroad@2030 < 15000` or `stateRevenueUSD@2030..2035 >= 2e9`.
 */
export function parseCondition(text: string, context: OutcomeContext, label = '--outcome'): ConditionResult {
  const m = /^\s*(.+?)\s*(<=|>=|<|>)\s*(\S+)\s*$/.exec(text);
  if (m === null) return { ok: false, errors: [`${label} '${text}': expected an outcome, a comparison and a number, such as 'healthWorkersAbroad@2030 < 15000'`] };
  const [, outcomeText, op, number] = m;
  const threshold = Number(number.replace(/_/g, ''));
  if (!Number.isFinite(threshold)) return { ok: false, errors: [`${label} '${text}': '${number}' is not a number`] };
  const parsed = parseOutcomes(outcomeText, context, label);
  if (!parsed.ok) return parsed;
  if (parsed.value.length !== 1) return { ok: false, errors: [`${label} '${text}': expected one outcome, got ${parsed.value.length}`] };
  return { ok: true, value: { outcome: parsed.value[0], op: op as Condition['op'], threshold, text: text.trim() } };
}

/** Whether a value meets the condition; a missing value (NaN) never does. */
export function meets(c: Condition, x: number): boolean {
  switch (c.op) {
    case '<':
      return x < c.threshold;
    case '<=':
      return x <= c.threshold;
    case '>':
      return x > c.threshold;
    case '>=':
      return x >= c.threshold;
  }
}

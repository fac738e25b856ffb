import type { Outcome } from './outcome.js';

/** The type of a run-table column, the same in every format and for every run (never inferred from values). */
export type ColumnType = 'int' | 'float' | 'string' | 'bool';

/** What a column holds: the run index, the policy of a sweep, a lever, a drawn parameter or an outcome. */
export type ColumnRole = 'run' | 'policy' | 'lever' | 'parameter' | 'outcome';

/** One column of a run table. */
export interface RunTableColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly role: ColumnRole;
  /** The lever, parameter or outcome it comes from, as the scenario or `--outcomes` names it (`name` may differ). */
  readonly source: string;
}

/** The columns of a run table, in row order, with the parameter columns renamed to keep names unique. */
export interface RunTableSchema {
  readonly columns: readonly RunTableColumn[];
  /** Parameter columns whose name was taken by another column, and the name they got instead. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

/** What a run table has columns for. */
export interface RunTableSpec {
  /** Whether runs come from a sweep of policies: adds a `policy` string column. */
  readonly policy?: boolean;
  /** Levers set per policy in a sweep: a number, a switch (bool), or text (an expression) for a lever set that way. */
  readonly levers?: readonly { readonly name: string; readonly type: 'float' | 'string' | 'bool' }[];
  /** The uncertain parameters in draw order; integer ones are drawn rounded to whole numbers. */
  readonly parameters: readonly { readonly name: string; readonly integer: boolean }[];
  readonly outcomes: readonly Outcome[];
}

/** The suffix a parameter column gets when its name is taken by the run, policy, a lever or an outcome column. */
export const PARAMETER_SUFFIX = '_param';

/**
 * Lays out a run table's columns: `run` (int), then `policy` (string) and the levers when sweeping, then each
 * parameter (int when drawn as whole numbers, float otherwise), then each outcome (float, always: a year
 * with a null metric is NaN, which an int column could not hold, and a column's type must not depend on the
 * sample). The columns the user named keep their names; a parameter whose name is taken gets `_param`.
 */
export function runTableSchema(spec: RunTableSpec): RunTableSchema {
  const fixed: RunTableColumn[] = [{ name: 'run', type: 'int', role: 'run', source: 'run' }];
  if (spec.policy) fixed.push({ name: 'policy', type: 'string', role: 'policy', source: 'policy' });
  for (const l of spec.levers ?? []) fixed.push({ name: l.name, type: l.type, role: 'lever', source: l.name });
  const outcomes: RunTableColumn[] = spec.outcomes.map((o) => ({ name: o.column, type: 'float', role: 'outcome', source: o.text }));

  const taken = new Set<string>();
  for (const c of [...fixed, ...outcomes]) {
    // Levers come from the model's fixed list and outcome names end in a year: a clash is a caller's bug.
    if (taken.has(c.name)) throw new RangeError(`two run-table columns are named '${c.name}'`);
    taken.add(c.name);
  }
  const renamed: { from: string; to: string }[] = [];
  // A parameter named like a renamed one's new name keeps its own: claim every name that is free first.
  const clash = new Set(spec.parameters.filter((p) => taken.has(p.name)).map((p) => p.name));
  for (const p of spec.parameters) taken.add(p.name);
  const parameters: RunTableColumn[] = spec.parameters.map((p) => {
    let name = p.name;
    if (clash.has(name)) {
      name = `${p.name}${PARAMETER_SUFFIX}`;
      for (let k = 2; taken.has(name); k++) name = `${p.name}${PARAMETER_SUFFIX}${k}`;
      renamed.push({ from: p.name, to: name });
      taken.add(name);
    }
    return { name, type: p.integer ? 'int' : 'float', role: 'parameter', source: p.name };
  });
  return { columns: [...fixed, ...parameters, ...outcomes], renamed };
}

import type { CompiledScenario } from '../scenario/compiled.js';
import { parseSweep, type Sweep } from '../sweep/parseSweep.js';
import { policyScenario } from '../sweep/policyScenario.js';
import { sweepPolicies, sweepsProblem, type Policy } from '../sweep/sweepPolicies.js';
import { LEVERS } from '../model/spec.js';
import type { TablePolicy } from '../runtable/runTablePlan.js';
import { InvalidInput, UsageError } from './cliErrors.js';

/** Collects repeated --sweep options in the order given. */
export function collectSweep(text: string, previous: readonly string[] = []): string[] {
  return [...previous, text];
}

/** A policy of a sweep and the scenario compiled under it. */
export interface SweptPolicy {
  readonly policy: Policy;
  readonly scenario: CompiledScenario;
}

/**
 * The policies of the --sweep options (every combination of their values) and each one's scenario: the
 * scenario with the levers set from their months on. Ends the command with exit 2 on a sweep it cannot make.
 */
export function sweptPolicies(c: CompiledScenario, texts: readonly string[] | undefined): { sweeps: Sweep[]; policies: SweptPolicy[] } {
  if (texts === undefined || texts.length === 0) return { sweeps: [], policies: [] };
  const sweeps = texts.map((t) => {
    const r = parseSweep(t, c);
    if (!r.ok) throw new UsageError(r.message);
    return r.value;
  });
  const problem = sweepsProblem(sweeps);
  if (problem !== undefined) throw new UsageError(problem);
  const policies = sweepPolicies(sweeps).map((policy, i) => {
    const r = policyScenario(c, policy, i);
    // The values were checked against the levers' ranges: a failure here is an expression of the scenario
    // that the new setting takes out of range, located in the scenario's own files.
    if (!r.ok) throw new InvalidInput(r.errors);
    return { policy, scenario: r.value };
  });
  return { sweeps, policies };
}

/** The --sweep option's help. */
export const SWEEP_HELP = 'set a lever from a month to each of some values in turn, such as paroleOpen=2027-01:true,false (repeat for more levers: every combination runs, on the same random numbers)';

/** The policies of a sweep as a run table shows them. */
export function tablePolicies(policies: readonly SweptPolicy[]): TablePolicy[] {
  return policies.map(({ policy }) => ({
    label: policy.label,
    levers: policy.settings.map((s) => ({ name: s.lever, value: s.value, boolean: LEVERS[s.lever].boolean === true })),
  }));
}

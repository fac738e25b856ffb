import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/model/layout.js';
import { parseOutcomes } from '../../src/runtable/parseOutcomes.js';
import { runTableSchema } from '../../src/runtable/runTableSchema.js';
import type { Outcome } from '../../src/runtable/outcome.js';

const layout = modelLayout(['venezuela']);
const years = [2029, 2030, 2031];
function outcomes(text: string): readonly Outcome[] {
  const r = parseOutcomes(text, { metrics: layout.metrics, years });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

describe('runTableSchema', () => {
  it('lays out run, policy, levers, parameters and outcomes with fixed types', () => {
    const schema = runTableSchema({
      policy: true,
      levers: [{ name: 'paroleOpen', type: 'float' }, { name: 'paroleApproval', type: 'string' }],
      parameters: [{ name: 'initialDomesticDoctors', integer: true }, { name: 'missionLengthYears', integer: false }],
      outcomes: outcomes('healthWorkersAbroad@2030,stateRevenueUSD@2029..2031,defections.venezuela@2029..2031'),
    });
    expect(schema.columns.map((c) => [c.name, c.type, c.role])).toEqual([
      ['run', 'int', 'run'],
      ['policy', 'string', 'policy'],
      ['paroleOpen', 'float', 'lever'],
      ['paroleApproval', 'string', 'lever'],
      ['initialDomesticDoctors', 'int', 'parameter'],
      ['missionLengthYears', 'float', 'parameter'],
      // Outcomes are float even when they sum whole counts: a null year is NaN, and types must not depend on the sample.
      ['healthWorkersAbroad_2030', 'float', 'outcome'],
      ['stateRevenueUSD_sum_2029_2031', 'float', 'outcome'],
      ['defections_venezuela_sum_2029_2031', 'float', 'outcome'],
    ]);
    expect(schema.renamed).toEqual([]);
  });

  it('leaves out policy and levers when not sweeping', () => {
    const schema = runTableSchema({ parameters: [{ name: 'p', integer: false }], outcomes: outcomes('population@2030') });
    expect(schema.columns.map((c) => c.name)).toEqual(['run', 'p', 'population_2030']);
  });

  it('renames a parameter whose name another column has, and says so', () => {
    const schema = runTableSchema({
      policy: true,
      parameters: [{ name: 'run', integer: false }, { name: 'policy', integer: false }, { name: 'population_2030', integer: true }, { name: 'run_param', integer: false }],
      outcomes: outcomes('population@2030'),
    });
    const names = schema.columns.map((c) => c.name);
    expect(names).toEqual(['run', 'policy', 'run_param2', 'policy_param', 'population_2030_param', 'run_param', 'population_2030']);
    expect(new Set(names).size).toBe(names.length);
    expect(schema.renamed).toEqual([
      { from: 'run', to: 'run_param2' },
      { from: 'policy', to: 'policy_param' },
      { from: 'population_2030', to: 'population_2030_param' },
    ]);
    expect(schema.columns.find((c) => c.name === 'population_2030_param')).toMatchObject({ type: 'int', role: 'parameter', source: 'population_2030' });
  });
});

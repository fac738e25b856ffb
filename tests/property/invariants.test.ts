import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { runViolations } from './invariants.js';
import { simulate } from './scenarioArbitrary.js';

// The property tests are only as good as their checker: show it passes real runs and catches broken ones.
describe('the run invariant checker', () => {
  const text = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');
  const compiled = parseScenario(text, 'baseline.yaml');
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  const c = compiled.value;
  const row = (name: string) => c.layout.index[name] * c.years.length;

  it('finds nothing wrong in runs of the baseline scenario', () => {
    for (let run = 0; run < 20; run++) {
      const { inputs, out } = simulate(c, 42, run);
      expect(runViolations(inputs, c.layout, out), `run ${run}`).toEqual([]);
    }
  });

  it('catches a doctor created from nothing, a negative or fractional stock, and money that does not add up', () => {
    const { inputs, out } = simulate(c, 42, 0);
    const tamper = (f: (o: Float64Array) => void) => {
      const copy = out.slice();
      f(copy);
      return runViolations(inputs, c.layout, copy);
    };
    expect(tamper((o) => (o[row('domesticDoctors') + 5] += 1)).join('\n')).toMatch(/domesticDoctors year 5/);
    expect(tamper((o) => (o[row('retirement') + 3] += 1)).join('\n')).toMatch(/domesticDoctors year 3/);
    expect(tamper((o) => (o[row('stayedAbroad') + 1] = -1)).join('\n')).toMatch(/not a whole number/);
    expect(tamper((o) => (o[row('emigrated') + 1] += 0.5)).join('\n')).toMatch(/not a whole number/);
    expect(tamper((o) => (o[row('stateRevenueUSD') + 10] *= 1.01)).join('\n')).toMatch(/revenue/);
    expect(tamper((o) => (o[row('retentionShare') + 10] = 0.99999)).join('\n')).toMatch(/retentionShare year 10/);
    expect(tamper((o) => (o[row('cumulativeDefections') + 10] += 1)).join('\n')).toMatch(/cumulativeDefections/);
  });
});

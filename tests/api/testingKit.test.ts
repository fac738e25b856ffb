import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { simulate } from '../../src/api/simulate.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { arbLevers, arbScenario, checkInvariants, scenarioToYaml } from '../../src/testing/index.js';
import { repoPath } from '../cli/harness.js';

function load(path: string): CompiledScenario {
  const r = loadScenario(path);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

// Reports of the same model runs agree on everything but the scenario's name, file and text.
const results = (r: Awaited<ReturnType<typeof simulate>>) => ({ ...r, scenario: undefined });

describe('scenarioToYaml', () => {
  it('gives a generated scenario back as its own text, byte for byte', () => {
    for (const c of fc.sample(arbScenario(), { numRuns: 20, seed: 3 })) expect(scenarioToYaml(c)).toBe(c.text);
  });

  it('writes a scenario that extends another as one self-contained file that runs the same', async () => {
    const c = load(repoPath('scenarios/parole-reinstated-2027.yaml'));
    const yaml = scenarioToYaml(c);
    expect(yaml).not.toMatch(/^extends:/m);
    const again = parseScenario(yaml, 'replay.yaml');
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.name).toBe(c.name);
    expect(results(await simulate(again.value, { runs: 5, seed: 1 }))).toEqual(results(await simulate(c, { runs: 5, seed: 1 })));
  });

  it('writes the plain object form, and replaces whole sections with the changes given', () => {
    const c = load(repoPath('scenarios/baseline.yaml'));
    const plain = parseScenario(scenarioToYaml({ ...c.merged.data, name: 'plain' }), 'plain.yaml');
    expect(plain.ok && plain.value.name).toBe('plain');
    const changed = parseScenario(scenarioToYaml(c, { levers: { retentionCap: 0.5 } }), 'capped.yaml');
    expect(changed.ok && changed.value.levers.retentionCap.constant?.every((x) => x === 0.5)).toBe(true);
    expect(changed.ok && changed.value.levers.paroleOpen.constant?.every((x) => x === 0)).toBe(true);
  });
});

describe('arbLevers', () => {
  it("gives levers that fit another scenario's horizon: the baseline with random policies stays valid and keeps every invariant", async () => {
    const baseline = load(repoPath('scenarios/baseline.yaml'));
    await fc.assert(
      fc.asyncProperty(arbLevers(baseline), async (levers) => {
        const r = parseScenario(scenarioToYaml(baseline, { levers }), 'fuzzed.yaml');
        if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
        expect(checkInvariants(await simulate(r.value, { runs: 4, seed: 2 }), r.value)).toEqual([]);
      }),
      { numRuns: 25, seed: 8 },
    );
  });

  it('keeps parole closed when asked to', () => {
    const horizon = { start: '2010-01', end: '2012-06' };
    for (const levers of fc.sample(arbLevers(horizon, { paroleClosed: true }), { numRuns: 50, seed: 4 })) {
      expect([undefined, false, 0, { '2010-01': false }]).toContainEqual(levers.paroleOpen);
    }
  });
});

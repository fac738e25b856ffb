import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/api/compare.js';
import { loadScenario } from '../../src/api/loadScenario.js';
import { ScenarioRunError } from '../../src/api/scenarioRunError.js';
import { simulate } from '../../src/api/simulate.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { repoPath, runJson } from '../cli/harness.js';

function load(path: string): CompiledScenario {
  const r = loadScenario(path);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

const baselinePath = repoPath('scenarios/baseline.yaml');
const parolePath = repoPath('scenarios/parole-reinstated-2027.yaml');

describe('loadScenario', () => {
  it('loads a scenario file and what it extends from the file system', () => {
    const r = loadScenario(parolePath);
    expect(r.ok && r.value.merged.sources.map((s) => s.file)).toEqual([parolePath, repoPath('scenarios/baseline.yaml'), repoPath('scenarios/priors.yaml')]);
  });

  it('returns located errors, not a throw, for a missing file and for a bad scenario', () => {
    const missing = loadScenario('does-not-exist.yaml');
    // No invented place in a file that is not there: line and col 0, and a message that names the file.
    expect(missing).toEqual({ ok: false, errors: [{ file: 'does-not-exist.yaml', line: 0, col: 0, message: 'cannot read does-not-exist.yaml: no such file' }] });
    const bad = loadScenario(repoPath('tests/fixtures/bad/unknown-lever.yaml'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].line).toBeGreaterThan(1);
  });
});

describe('simulate', () => {
  it('resolves to the object `brigadas run --format json` prints', async () => {
    const report = await simulate(load(parolePath), { runs: 30, seed: 4 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(await runJson(parolePath, 30, 4));
  });

  it('gives the same report for any number of workers', async () => {
    const c = load(baselinePath);
    expect(await simulate(c, { runs: 12, seed: 2, workers: 3 })).toEqual(await simulate(c, { runs: 12, seed: 2 }));
  });

  it('rejects unusable options with a RangeError that says which', async () => {
    const c = load(baselinePath);
    await expect(simulate(c, { runs: 0, seed: 1 })).rejects.toThrow(/runs must be a whole number from 1/);
    await expect(simulate(c, { runs: 2.5, seed: 1 })).rejects.toThrow(RangeError);
    await expect(simulate(c, { runs: 2, seed: Number.NaN })).rejects.toThrow(/seed must be a safe integer/);
    await expect(simulate(c, { runs: 2, seed: 1, workers: 0 })).rejects.toThrow(/workers must be/);
  });

  it('rejects with a located ScenarioRunError when an expression leaves its range in some run', async () => {
    const text = readFileSync('scenarios/priors.yaml', 'utf8').replace('retention: venezuelaRetention', 'retention: venezuelaRetention * 3');
    const parsed = parseScenario(text, 'tripled.yaml');
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    const line = text.split('\n').findIndex((l) => l.includes('venezuelaRetention * 3')) + 1;
    const rejection = simulate(parsed.value, { runs: 10, seed: 1 });
    await expect(rejection).rejects.toBeInstanceOf(ScenarioRunError);
    await expect(rejection).rejects.toMatchObject({ diagnostics: [{ file: 'tripled.yaml', line, message: expect.stringMatching(/retention/) }] });
  });
});

describe('compare', () => {
  const baseline = load(baselinePath);
  const parole = load(parolePath);

  it('reports each scenario as simulate does and the run-by-run differences, zero before the policy changes (common random numbers)', async () => {
    const result = await compare(baseline, [parole], { runs: 30, seed: 5 });
    expect(result.scenarios[result.baseline]).toEqual(await simulate(baseline, { runs: 30, seed: 5 }));
    expect(result.scenarios[result.alternatives[0]]).toEqual(await simulate(parole, { runs: 30, seed: 5 }));
    const d = result.differences[parole.name];
    expect(Object.keys(d)).toEqual(Object.keys(result.scenarios[result.baseline].metrics));
    const reopened = result.years.indexOf(2027);
    for (const [metric, diff] of Object.entries(d)) {
      for (let y = 0; y < reopened; y++) {
        for (const stat of ['mean', 'p5', 'p50', 'p95', 'probabilityPositive'] as const) {
          expect([null, 0], `${metric} ${stat} ${result.years[y]}`).toContain(diff[stat][y]);
        }
      }
    }
    // Reopening parole raises approvals in every run.
    const approvals = d.cumulativeParoleApprovals;
    expect(approvals.probabilityPositive[result.years.indexOf(2035)]).toBe(1);
    expect(approvals.p5[result.years.indexOf(2035)]).toBeGreaterThan(0);
  });

  it('keys repeated names apart, and rejects scenarios of other horizons and values out of range', async () => {
    const result = await compare(baseline, [parole, parole], { runs: 2, seed: 1 });
    expect(result.alternatives).toEqual([parole.name, `${parole.name} (2)`]);
    const text = readFileSync('scenarios/priors.yaml', 'utf8');
    const longer = parseScenario(text.replace(/^end: .*$/m, 'end: 2041-06'), 'longer.yaml');
    if (!longer.ok) throw new Error(longer.errors[0].message);
    await expect(compare(baseline, [longer.value], { runs: 2, seed: 1 })).rejects.toThrow(/must cover the same months/);
    const tripled = parseScenario(text.replace('retention: venezuelaRetention', 'retention: venezuelaRetention * 3'), 'tripled.yaml');
    if (!tripled.ok) throw new Error(tripled.errors[0].message);
    await expect(compare(baseline, [tripled.value], { runs: 10, seed: 1 })).rejects.toMatchObject({ diagnostics: [{ file: 'tripled.yaml' }] });
    await expect(compare(baseline, [tripled.value], { runs: 10, seed: 1, workers: 2 })).rejects.toMatchObject({ diagnostics: [{ file: 'tripled.yaml' }] });
  });

  it('gives the same report on worker threads as in this thread', async () => {
    expect(await compare(baseline, [parole], { runs: 40, seed: 6, workers: 2 })).toEqual(await compare(baseline, [parole], { runs: 40, seed: 6 }));
  });
});

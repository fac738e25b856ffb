// `brigadas calibrate` on the priors with few draws: its report, the scenario it writes (reproducible, loadable,
// within the priors), what it refuses to overwrite, and its usage errors.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { quantile } from '../../src/random/distribution.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { HEADER } from '../backtest/targetsText.js';
import { cli, repoPath, STACK_LINE, tempDir } from '../cli/harness.js';

const PRIORS = repoPath('scenarios/priors.yaml');

interface Coverage {
  targets: number;
  inside: number;
}
interface CalibrationJson {
  scenario: { name: string };
  draws: number;
  kept: number;
  effectiveSampleSize: number;
  fitTargets: number;
  parameters: { name: string; informed: boolean; prior: { p5: number; p50: number; p95: number }; posterior: { p5: number; p50: number; p95: number; values: number[] } }[];
  coverage: Record<'prior' | 'posterior', { all: Coverage; fit: Coverage; heldout: Coverage }>;
  results: { id: string; fit: string }[];
}

function expectUsage(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).toMatch(pattern);
}

describe('brigadas calibrate', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('prints each parameter prior and posterior and the coverage before and after', async () => {
    const r = await cli('calibrate', PRIORS, '--draws', '200', '--seed', '4');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^brigadas \S+ {2}calibrate: priors \(.*priors\.yaml\)\ntargets: data\/history\.csv {2}fitted: the 55 fit targets in 13 series/);
    expect(r.stdout).toMatch(/^draws: 200 {2}seed: 4 {2}kept: the 20 nearest \(10%\), Epanechnikov weights {2}effective sample size: \d+$/m);
    expect(r.stdout).toMatch(/^defectionBaseRate +0\.0105 +0\.015 +0\.0195 +\S+ +\S+ +\S+$/m);
    expect(r.stdout).toMatch(/^population2040 +.* prior kept$/m);
    for (const row of ['all', 'fit', 'held out', '  doctors abroad']) expect(r.stdout).toMatch(new RegExp(`^${row} +\\d+/\\d+ +\\d+% +\\d+/\\d+ +\\d+%$`, 'm'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--format json: the prior's coverage is the back-test of the same runs", async () => {
    const r = await cli('calibrate', PRIORS, '--draws', '120', '--seed', '2', '--keep', '0.25', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CalibrationJson;
    expect([j.scenario.name, j.draws, j.kept, j.fitTargets]).toEqual(['priors', 120, 30, 55]);
    expect(j.effectiveSampleSize).toBeGreaterThan(1);
    expect(j.effectiveSampleSize).toBeLessThanOrEqual(30);
    const backtest = JSON.parse((await cli('backtest', PRIORS, '--runs', '120', '--seed', '2', '--format', 'json')).stdout) as { summary: CalibrationJson['coverage']['prior'] };
    expect(j.coverage.prior).toEqual(backtest.summary);
    const informed = j.parameters.filter((p) => p.informed);
    expect(informed.map((p) => p.name)).toContain('venezuelaBookedPrice');
    for (const p of informed) expect(p.posterior.values).toHaveLength(40);
    // A parameter that only enters the model after 2018 (the last fit year) is not informed.
    // Nor are those that never act in the priors: the ban's deterrence (the ban stays at its reference 8
    // years) and the default retention (every host sets its own).
    const uninformed = j.parameters.filter((p) => !p.informed).map((p) => p.name);
    expect(uninformed).toEqual(expect.arrayContaining(['population2040', 'crisisPressure', 'banDeterrence', 'retentionShare']));
    for (const p of j.parameters.filter((x) => !x.informed)) expect(p.posterior.values).toEqual([]);
  });

  it('writes a calibrated scenario that extends the priors, loads, stays within them, and is the same every time', async () => {
    const priors = join(dir, 'priors.yaml');
    copyFileSync(PRIORS, priors);
    const out = join(dir, 'calibrated.yaml');
    const args = ['calibrate', priors, '--draws', '150', '--seed', '7', '--out', out];
    expect((await cli(...args)).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect((await cli(...args)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['calibrated.yaml', 'priors.yaml']); // no temporary file left

    const lines = first.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    expect(first).toContain('#   npx brigadas calibrate priors.yaml --draws 150 --seed 7 --keep 0.1 --out calibrated.yaml\n');
    expect(first).toMatch(/^extends: priors\.yaml\nname: calibrated\n/m);
    expect(first).not.toMatch(/20\d\d-\d\d-\d\d/); // no date: the same command gives the same bytes

    const loaded = loadScenarioWith(out, nodeFilePort);
    if (!loaded.ok) expect.fail(loaded.errors.map((e) => e.message).join('\n'));
    const prior = loadScenarioWith(priors, nodeFilePort);
    if (!prior.ok) expect.fail('the priors do not load');
    const priorOf = new Map(prior.value.parameters.map((p) => [p.name, p]));
    const calibrated = loaded.value.parameters.filter((p) => p.dist.dist === 'discrete');
    expect(calibrated.length).toBeGreaterThan(20);
    for (const p of calibrated) {
      const before = priorOf.get(p.name)!;
      expect(p.source).toMatch(/^posterior of brigadas calibrate on data\/history\.csv \(150 draws, seed 7, the nearest 15\); prior /);
      expect(p.source.endsWith(before.source)).toBe(true);
      const values = p.dist.dist === 'discrete' ? p.dist.values : [];
      expect(values).toHaveLength(40);
      for (const v of values) {
        expect(v, p.name).toBeGreaterThanOrEqual(quantile(before.dist, 0) * (1 - 1e-4));
        expect(v, p.name).toBeLessThanOrEqual(quantile(before.dist, 1 - 1e-12) * (1 + 1e-4));
      }
    }
    // Parameters no fit target reaches keep their priors.
    expect(loaded.value.parameters.find((p) => p.name === 'population2040')?.dist).toEqual(priorOf.get('population2040')?.dist);
    expect((await cli('validate', out)).code).toBe(0);
  });

  it('never overwrites its scenario or what it extends: exit 2, files unchanged, nothing written', async () => {
    const parent = join(dir, 'parent.yaml');
    const child = join(dir, 'child.yaml');
    copyFileSync(PRIORS, parent);
    writeFileSync(child, '# yaml-language-server: $schema=../schema/scenario.schema.json\nextends: parent.yaml\nname: child\n');
    const before = [readFileSync(parent), readFileSync(child)];
    expectUsage(await cli('calibrate', child, '--draws', '10', '--out', child), /^brigadas: cannot write '.*child\.yaml': it is a scenario file of this command; refusing to overwrite it\n$/);
    expectUsage(await cli('calibrate', child, '--draws', '10', '--out', join(dir, 'sub', '..', 'parent.yaml')), /refusing to overwrite it/);
    expect([readFileSync(parent), readFileSync(child)]).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['child.yaml', 'parent.yaml']);
  });

  it('refuses bad options and targets without a fit set', async () => {
    expectUsage(await cli('calibrate', PRIORS, '--draws', '0'), /expected a whole number of draws from 1/);
    expectUsage(await cli('calibrate', PRIORS, '--keep', '0'), /expected a share of the draws above 0 and at most 1/);
    expectUsage(await cli('calibrate', PRIORS, '--keep', '1.5'), /expected a share/);
    expectUsage(await cli('calibrate', PRIORS, '--out', join(dir, 'missing', 'x.yaml')), /the folder '.*missing' does not exist/);
    const heldOnly = join(dir, 'held.csv');
    writeFileSync(heldOnly, `${HEADER}\nH1,s,healthWorkersAbroad,2020,point,30000,,,workers,test,X001,heldout,none,scholarly,\n`);
    expectUsage(await cli('calibrate', PRIORS, '--targets', heldOnly), /has no fit targets/);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});

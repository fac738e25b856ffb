// Sensitivity of a scenario's metric: tornado ordering on a hand-made scenario, the reports of each method,
// and the command's usage errors.
import { describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { analyzeSensitivity, type SensitivityReport, type SobolReport, type TornadoReport } from '../../src/sensitivity/analyzeSensitivity.js';
import { evaluatePoints, type SensitivityProblem } from '../../src/montecarlo/evaluatePoints.js';
import { uncertainFactors } from '../../src/sensitivity/uncertainFactors.js';
import { cli, repoPath, STACK_LINE } from '../cli/harness.js';

const TINY = repoPath('tests/sensitivity/fixtures/tiny.yaml');
const BASELINE = repoPath('scenarios/baseline.yaml');

function tinyProblem(seed = 1): SensitivityProblem {
  const loaded = loadScenarioWith(TINY, nodeFilePort);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const c = loaded.value;
  return { scenario: c, factors: uncertainFactors(c.parameters), seed, metric: 'cumulativeDefections', year: 2015 };
}

async function sensitivityJson(...argv: string[]): Promise<SensitivityReport> {
  const r = await cli('sensitivity', ...argv, '--format', 'json');
  if (r.code !== 0) throw new Error(`sensitivity exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as SensitivityReport;
}

describe('tornado on a hand-made scenario', () => {
  it('varies only the uncertain parameters', () => {
    expect(tinyProblem().factors.map((f) => f.name)).toEqual(['defectionBaseRate', 'hostRetention', 'retirementRate']);
  });

  it('ranks the bars by swing: defection rate, retention, then retirement with no effect', async () => {
    const problem = tinyProblem();
    const r = (await analyzeSensitivity(problem, 'tornado', 20, (b) => evaluatePoints(problem, b))) as TornadoReport;
    expect(r.bars.map((b) => b.parameter)).toEqual(['defectionBaseRate', 'hostRetention', 'retirementRate']);
    expect(r.bars[0].swing).toBeGreaterThan(r.bars[1].swing);
    expect(r.bars[1].swing).toBeGreaterThan(0);
    // Common random numbers: a parameter that cannot reach the metric leaves it exactly at the base.
    expect(r.bars[2]).toMatchObject({ swing: 0, low: { metric: r.base }, high: { metric: r.base } });
    // The ends are the p10 and p90 of each distribution: uniform(0.01, 0.1) gives 0.019 and 0.091.
    expect(r.bars[0].low.value).toBeCloseTo(0.019, 12);
    expect(r.bars[0].high.value).toBeCloseTo(0.091, 12);
    expect(r.bars[0].low.metric).toBeLessThan(r.base);
    expect(r.bars[0].high.metric).toBeGreaterThan(r.base);
    expect(r.modelRuns).toBe(7 * 20);
  });

  it('the base is the metric with every parameter at its median, averaged over runs 0..samples-1', async () => {
    const problem = tinyProblem(5);
    const r = (await analyzeSensitivity(problem, 'tornado', 4, (b) => evaluatePoints(problem, b))) as TornadoReport;
    const k = problem.factors.length;
    const y = evaluatePoints(problem, { u: new Float64Array(4 * k).fill(0.5), runs: Float64Array.of(0, 1, 2, 3) });
    expect(r.base).toBe((y[0] + y[1] + y[2] + y[3]) / 4);
  });
});

describe('sensitivity --format json', () => {
  it('tornado, morris and sobol reports name the target, the design size and every factor', async () => {
    for (const [method, samples, runs] of [
      ['tornado', 3, 7 * 3],
      ['morris', 4, 4 * 4],
      ['sobol', 8, 8 * 6],
    ] as const) {
      const r = await sensitivityJson(TINY, '--metric', 'cumulativeDefections', '--year', '2015', '--method', method, '--samples', String(samples), '--seed', '2');
      expect(r).toMatchObject({ method, metric: 'cumulativeDefections', unit: 'persons', year: 2015, seed: 2, samples, modelRuns: runs });
      expect(r.scenario).toMatchObject({ name: 'tiny', file: TINY });
      expect(r.factors).toEqual(['defectionBaseRate', 'hostRetention', 'retirementRate']);
    }
  });

  it('sobol ranks by total index, gives intervals, and an inert parameter exactly 0', async () => {
    const r = (await sensitivityJson(TINY, '--metric', 'cumulativeDefections', '--year', '2015', '--method', 'sobol', '--samples', '64')) as SobolReport;
    expect(r.indices.map((e) => e.parameter)).toEqual(['defectionBaseRate', 'hostRetention', 'retirementRate']);
    expect(r.indices[2].firstOrder).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(r.indices[2].total).toEqual({ estimate: 0, low: 0, high: 0 });
    for (const e of [...r.indices, r.randomStreams]) {
      for (const s of [e.firstOrder, e.total]) expect(s.low <= s.estimate && s.estimate <= s.high).toBe(true);
    }
    expect(r.indices[0].total.estimate).toBeGreaterThan(0.5);
  });

  it('the same seed gives the same output; CSV is tidy', async () => {
    const args = [TINY, '--metric', 'defections', '--year', '2012', '--method', 'morris', '--samples', '3', '--format', 'csv'];
    const a = await cli('sensitivity', ...args);
    const b = await cli('sensitivity', ...args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('method,metric,year,parameter,statistic,estimate,low,high');
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines.slice(1).every((l) => /^morris,defections,2012,\w+,(muStar|mu|sigma),-?[\d.e+-]+,,$/.test(l))).toBe(true);
  });
});

describe('sensitivity usage errors (exit 2)', () => {
  const expectUsage = (r: { code: number; stdout: string; stderr: string }, ...patterns: RegExp[]) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    for (const p of patterns) expect(r.stderr).toMatch(p);
  };

  it('an unknown metric: the nearest name and the list of valid names', async () => {
    expectUsage(
      await cli('sensitivity', BASELINE, '--metric', 'cumulativeDefection', '--year', '2035'),
      /unknown metric 'cumulativeDefection'; did you mean 'cumulativeDefections'\?/,
      /expected one of: domesticDoctors, .*paroleApprovals, /,
    );
  });

  it('a year outside the horizon: the valid years', async () => {
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections', '--year', '2050'), /year 2050 is outside the horizon of 'baseline'; expected a year from 2003 to 2040/);
  });

  it('missing or malformed options', async () => {
    expectUsage(await cli('sensitivity', BASELINE, '--year', '2035'), /required option '-m, --metric <name>' not specified/);
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections'), /required option '-y, --year <year>' not specified/);
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections', '--year', 'soon'), /expected a calendar year such as 2035/);
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections', '--year', '2035', '--method', 'fast'), /tornado, morris, sobol/);
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections', '--year', '2035', '--samples', '0'), /expected a whole number from 1/);
    expectUsage(await cli('sensitivity', BASELINE, '--metric', 'defections', '--year', '2035', '--method', 'sobol', '--samples', '1'), /sobol needs at least 2/);
  });
});

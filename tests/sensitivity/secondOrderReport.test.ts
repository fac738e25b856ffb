// Second-order Sobol indices in the report, its table and CSV, the memory estimate, and the onEvaluated
// callback of every method, on the hand-made scenario. Update the snapshots on purpose only, with
// `npx vitest run tests/sensitivity -u`, after reviewing the diff.
import { describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { evaluatePoints, type PointBatch, type SensitivityProblem } from '../../src/montecarlo/evaluatePoints.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { analyzeSensitivity, RANDOM_STREAMS, SENSITIVITY_METHODS, type SobolPair, type SobolReport } from '../../src/sensitivity/analyzeSensitivity.js';
import { formatSensitivityCsv } from '../../src/sensitivity/formatSensitivityCsv.js';
import { formatSensitivityTable, SECOND_ORDER_ROWS } from '../../src/sensitivity/formatSensitivityTable.js';
import { maxSensitivitySamples, sensitivityBytes } from '../../src/sensitivity/sensitivityBytes.js';
import { uncertainFactors } from '../../src/sensitivity/uncertainFactors.js';
import { repoPath } from '../cli/harness.js';

const FILE = 'tests/sensitivity/fixtures/tiny.yaml';

function tinyProblem(): SensitivityProblem {
  const loaded = loadScenarioWith(repoPath(FILE), nodeFilePort);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  // The file as the command line names it, so the header does not depend on where the repository is.
  const c = { ...loaded.value, file: FILE };
  return { scenario: c, factors: uncertainFactors(c.parameters), seed: 1, metric: 'cumulativeDefections', year: 2015 };
}

const sobolOf = async (samples: number, secondOrder?: boolean) => {
  const problem = tinyProblem();
  return (await analyzeSensitivity(problem, 'sobol', samples, (b) => evaluatePoints(problem, b), secondOrder === undefined ? {} : { secondOrder })) as SobolReport;
};

describe('sobol report with second order', () => {
  it('runs n (2D + 2) points, names every pair, ranks them by |S2|, and leaves the rest of the report as it was', async () => {
    const first = await sobolOf(50);
    const second = await sobolOf(50, true);
    // D = 3 parameters and the random streams.
    expect(first.modelRuns).toBe(50 * 6);
    expect(second.modelRuns).toBe(50 * 10);
    expect(first).not.toHaveProperty('secondOrder');
    const { secondOrder, modelRuns: _, ...rest } = second;
    const { modelRuns: __, ...restFirst } = first;
    expect(rest).toEqual(restFirst);
    const names = [...first.factors, RANDOM_STREAMS];
    const expected = names.flatMap((a, i) => names.slice(i + 1).map((b) => `${a}:${b}`));
    expect(secondOrder?.map((p) => p.parameters.join(':')).sort()).toEqual(expected.sort());
    const sizes = (secondOrder ?? []).map((p) => Math.abs(p.estimate));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const p of secondOrder ?? []) expect(p.low <= p.estimate && p.estimate <= p.high).toBe(true);
  });

  it('an explicit secondOrder: false is the default report', async () => {
    expect(await sobolOf(8, false)).toEqual(await sobolOf(8));
  });

  it('other methods have no second-order indices', async () => {
    const problem = tinyProblem();
    await expect(analyzeSensitivity(problem, 'morris', 4, (b) => evaluatePoints(problem, b), { secondOrder: true })).rejects.toThrow(/Sobol indices; method morris/);
  });

  it('table: the pairs with intervals after the indices', async () => {
    expect(formatSensitivityTable(await sobolOf(50, true))).toMatchSnapshot();
  });

  it('CSV: every pair as statistic secondOrder of a:b', async () => {
    const csv = formatSensitivityCsv(await sobolOf(50, true));
    expect(csv).toMatchSnapshot();
    expect(csv.trimEnd().split('\n').filter((l) => l.includes(',secondOrder,'))).toHaveLength(6);
  });

  it(`the table shows the ${SECOND_ORDER_ROWS} largest pairs and counts the rest; CSV lists them all`, async () => {
    const base = await sobolOf(8, true);
    // 21 made-up pairs (7 factors), ranked as the report ranks them.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const pairs: SobolPair[] = names.flatMap((x, i) => names.slice(i + 1).map((y) => ({ parameters: [x, y] as const, estimate: 0, low: -0.01, high: 0.01 })));
    pairs.forEach((p, q) => Object.assign(p, { estimate: (q % 2 === 0 ? 1 : -1) * (0.5 - q / 50) }));
    const table = formatSensitivityTable({ ...base, secondOrder: pairs });
    expect(table).toMatch(/^a & b +0\.500 +-0\.010 to 0\.010  #{20}$/m);
    expect(table).toMatch(/^a & c +-0\.480 /m);
    // The 15th pair is c & g (0.22); d & e (-0.2) is the first left out.
    expect(table).toMatch(/^c & g +0\.220 /m);
    expect(table).not.toMatch(/^d & e /m);
    expect(table).toContain('... and 6 more pairs, each |S2| at most 0.200 (every pair in --format csv or json)');
    expect(formatSensitivityCsv({ ...base, secondOrder: pairs }).split('\n').filter((l) => l.includes(',secondOrder,'))).toHaveLength(21);
  });
});

describe('the memory estimate counts the second-order design', () => {
  it('n (2 dim + 2) points for n (dim + 2), and one more copy of the outputs', () => {
    for (const k of [1, 3, 30]) {
      const dim = k + 1;
      expect(sensitivityBytes('sobol', 100, k, { secondOrder: true })).toBe(100 * (16 * dim + 8 * (2 * dim + 2) * (dim + k + 3) + 8));
      expect(sensitivityBytes('sobol', 100, k, { secondOrder: false })).toBe(sensitivityBytes('sobol', 100, k));
      expect(maxSensitivitySamples('sobol', k, { secondOrder: true })).toBeLessThan(maxSensitivitySamples('sobol', k));
    }
    expect(sensitivityBytes('morris', 10, 3, { secondOrder: true })).toBe(sensitivityBytes('morris', 10, 3));
  });
});

describe('onEvaluated', () => {
  it("hands over every method's evaluated points and outputs, in order, without changing the report", async () => {
    const problem = tinyProblem();
    for (const method of SENSITIVITY_METHODS) {
      const seen: { batch: PointBatch; y: Float64Array }[] = [];
      const evaluate = (b: PointBatch) => evaluatePoints(problem, b);
      const plain = await analyzeSensitivity(problem, method, 4, evaluate);
      const watched = await analyzeSensitivity(problem, method, 4, evaluate, { onEvaluated: (batch, y) => void seen.push({ batch, y }) });
      expect(watched, method).toEqual(plain);
      const runs = seen.reduce((a, s) => a + s.y.length, 0);
      expect(runs, method).toBe(plain.modelRuns);
      for (const { batch, y } of seen) {
        expect(batch.runs.length).toBe(y.length);
        expect(batch.u.length).toBe(y.length * problem.factors.length);
        expect(y).toEqual(evaluatePoints(problem, batch));
      }
    }
  });

  it('sees the points before the check for a metric without value, and may be asynchronous', async () => {
    const problem = tinyProblem();
    let seen = 0;
    const run = analyzeSensitivity(problem, 'tornado', 2, (b) => new Float64Array(b.runs.length).fill(NaN), {
      onEvaluated: async (_, y) => {
        await Promise.resolve();
        seen += y.length;
      },
    });
    await expect(run).rejects.toThrow(/has no value/);
    expect(seen).toBe(7 * 2);
  });
});

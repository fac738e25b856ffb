// The Sobol index bars and PRIM's trade-off curve, drawn from reports made here (a small Sobol report by
// hand, a PRIM run over a table whose cases lie in a known corner): the marks, the order, the caption, the
// words of the title and description, and no warning from Vega.
import { describe, expect, it } from 'vitest';
// Through the library's entry, as a user's code reaches them.
import { chooseBox, prim, primPoints, primSvg, SOBOL_INDEX_NAMES, sobolRows, sobolSvg, streamFor, type PrimChartInput } from '../../src/index.js';
import type { SobolReport } from '../../src/sensitivity/analyzeSensitivity.js';

const est = (estimate: number, spread = 0.05) => ({ estimate, low: estimate - spread, high: estimate + spread });
const ID = { name: 'baseline', file: 'scenarios/baseline.yaml', sha256: 'ab'.repeat(32) };

function sobolReport(parameters: number): SobolReport {
  const indices = Array.from({ length: parameters }, (_, i) => ({ parameter: `p${i}`, firstOrder: est(0.4 / (i + 1) - 0.01), total: est(0.4 / (i + 1)) }));
  return {
    brigadas: '9.9.9', scenario: ID, metric: 'defections', unit: 'people/year', year: 2035, seed: 7, samples: 64, modelRuns: 64 * (parameters + 2),
    factors: indices.map((e) => e.parameter), method: 'sobol', resamples: 1000, confidence: 0.95, mean: 1, variance: 1, indices,
    randomStreams: { firstOrder: est(0.2), total: est(0.25) },
  };
}

describe('Sobol index bars', () => {
  it('keeps the largest total indices in order, then the random streams, two indices each', () => {
    const rows = sobolRows(sobolReport(20), 5);
    expect(rows.map((r) => r.factor)).toEqual(['p0', 'p0', 'p1', 'p1', 'p2', 'p2', 'p3', 'p3', 'p4', 'p4', '(random streams of the run)', '(random streams of the run)']);
    expect(rows.slice(0, 2).map((r) => r.index)).toEqual([...SOBOL_INDEX_NAMES]);
    expect(rows[1].estimate).toBe(0.4);
    expect(rows[1].low).toBeCloseTo(0.35, 12);
    expect(rows[1].high).toBeCloseTo(0.45, 12);
  });

  it('draws a bar and a whisker per index, says what it explains, and names the manifest', async () => {
    const warnings: string[] = [];
    const svg = await sobolSvg({ report: sobolReport(4), width: 400 }, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(10);
    // A whisker (a rule) per bar, and one more for the zero line.
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(11);
    expect(svg).toContain('<title id="chart-title">Sobol indices: defections in 2035</title>');
    expect(svg).toContain('Largest total indices: p0 (total 40.0%, first order 39.0%), p1 (total 20.0%, first order 19.0%), p2 (total 13.3%, first order 12.3%)');
    expect(svg).toContain('64 base samples (384 model runs), seed 7, design Saltelli, brigadas 9.9.9');
    expect(svg).toContain('95% bootstrap intervals (1,000 resamples)');
    expect(svg).toContain('sha256 abababababab');
  });

  it('speaks of a policy’s effect when it has one', async () => {
    const r = { ...sobolReport(3), versus: { name: 'parole reinstated', file: 'p.yaml', sha256: 'cd'.repeat(32) } };
    const svg = await sobolSvg({ report: r, width: 400 });
    expect(svg).toContain('<title id="chart-title">Sobol indices: effect of parole reinstated on defections in 2035</title>');
    expect(svg).toContain('Against: parole reinstated (p.yaml, sha256 cdcdcdcdcdcd)');
  });
});

// 2,000 runs of two uniform parameters; the cases are the runs with x < 0.3 and y > 0.6, so PRIM should
// peel towards that corner, its density rising from 18% to near 1.
function cornerInput(minCoverage: number): PrimChartInput {
  const rng = streamFor(11, 0, 'test:prim-corner');
  const n = 2000;
  const x = Float64Array.from({ length: n }, () => rng());
  const y = Float64Array.from({ length: n }, () => rng());
  const cases = Uint8Array.from({ length: n }, (_, i) => (x[i] < 0.3 && y[i] > 0.6 ? 1 : 0));
  const result = prim({ columns: [{ name: 'x', kind: 'real', values: x, prior: [0, 1] }, { name: 'y', kind: 'real', values: y, prior: [0, 1] }], cases });
  return { scenario: ID, condition: 'defections@2035 > 100', runs: n, policies: 0, seed: 1, design: 'mc', minCoverage, result, chosen: chooseBox(result, minCoverage), width: 400, height: 300 };
}

describe("PRIM's trade-off curve", () => {
  it('has a point per box, from the whole space on, and marks the chosen box alone', () => {
    const input = cornerInput(0.8);
    const points = primPoints(input);
    expect(points).toHaveLength(input.result.trajectory.length);
    expect(points[0]).toMatchObject({ step: 0, coverage: 1, restricted: 0 });
    expect(points.filter((p) => p.chosen)).toEqual([expect.objectContaining({ step: input.chosen.box.step })]);
    expect(Math.max(...points.map((p) => p.density))).toBeGreaterThan(0.9);
  });

  it('draws the points, the ring and its label, and says which box was chosen', async () => {
    const input = cornerInput(0.8);
    const warnings: string[] = [];
    const svg = await primSvg(input, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(input.result.trajectory.length + 1);
    const b = input.chosen.box;
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    expect(svg).toContain(`step ${b.step}: coverage ${pct(b.coverage)}, density ${pct(b.density)}`);
    expect(svg).toMatch(/Chosen: step \d+, coverage \d+%, density \d+%, restricting (x, y|x|y)\./);
    expect(svg).toContain('<title id="chart-title">Scenario discovery: when is defections@2035 &gt; 100?</title>');
    expect(svg).toContain('2,000 runs, seed 1, design mc');
    expect(svg).toContain('the densest box that covers at least 80% of the cases of interest');
  });
});

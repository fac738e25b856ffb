// The up-front memory estimates and the refusal above the budget: each estimate against the arrays the
// computation actually makes, the most samples or draws that fit, and the message with the figure.
import { describe, expect, it } from 'vitest';
import { calibrationBytes, maxCalibrationDraws } from '../../src/calibration/calibrationBytes.js';
import { comparePlan } from '../../src/compare/compareAccumulator.js';
import { compareBytes, SKETCH_CELL_BYTES } from '../../src/compare/compareBytes.js';
import { compareMemoryProblem, compareScenarios } from '../../src/compare/compareScenarios.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { EXACT_LIMIT } from '../../src/montecarlo/chunkResult.js';
import { formatBytes, MEMORY_BUDGET, memoryRefusal } from '../../src/montecarlo/memoryBudget.js';
import { streamFor } from '../../src/random/rng.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { morrisDesign } from '../../src/sensitivity/morris.js';
import { maxSensitivitySamples, sensitivityBytes } from '../../src/sensitivity/sensitivityBytes.js';
import { saltelliDesign, saltelliPoints } from '../../src/sensitivity/sobol.js';

const loaded = loadScenarioWith('scenarios/baseline.yaml', nodeFilePort);
if (!loaded.ok) throw new Error(loaded.errors[0].message);
const BASELINE = loaded.value;
const CELLS = BASELINE.layout.metrics.length * BASELINE.years.length;

describe('memoryRefusal', () => {
  it('lets through what fits and refuses what does not, with the figure, the limit and the advice', () => {
    expect(memoryRefusal('x', MEMORY_BUDGET, 'less')).toBeUndefined();
    expect(memoryRefusal('sobol of a million', 27.9e9, 'use fewer')).toBe('sobol of a million would need about 27.9 GB of memory, above the limit of 4.0 GB; use fewer');
    expect(formatBytes(230.4e6)).toBe('230 MB');
    expect(formatBytes(1500)).toBe('2 kB');
  });
});

describe('compareBytes', () => {
  it('counts every run of an exact scenario and a sketch a cell above the exact limit, for scenarios and differences', () => {
    const exactRuns = Math.floor(EXACT_LIMIT / CELLS);
    expect(compareBytes([BASELINE, BASELINE], exactRuns, comparePlan([BASELINE, BASELINE], exactRuns))).toBe(2 * exactRuns * CELLS * 8 + 4 * exactRuns * 8);
    // Above the limit memory no longer grows with runs: two scenarios' sketches and the differences'.
    for (const runs of [exactRuns + 1, 1_000_000, 10_000_000]) {
      expect(compareBytes([BASELINE, BASELINE], runs, comparePlan([BASELINE, BASELINE], runs))).toBe(3 * CELLS * SKETCH_CELL_BYTES);
    }
  });

  it('refuses a comparison of very many scenarios before running any, and lets two through at any runs', async () => {
    const many = Array.from({ length: 20 }, () => BASELINE);
    const problem = compareMemoryProblem(BASELINE, many, { runs: 10_000, seed: 1 });
    expect(problem).toMatch(/^comparing 21 scenarios of 10000 runs would need about 5\.2 GB of memory, above the limit of 4\.0 GB; compare fewer alternatives at a time$/);
    await expect(compareScenarios(BASELINE, many, { runs: 10_000, seed: 1 })).rejects.toThrow(RangeError);
    for (const runs of [1000, 12_000, 10_000_000]) expect(compareMemoryProblem(BASELINE, [BASELINE], { runs, seed: 1 })).toBeUndefined();
  });
});

describe('sensitivityBytes', () => {
  const k = 5;
  const n = 40;

  it('covers the arrays each method makes for its design, run indices and outputs', () => {
    const dim = k + 1;
    const design = saltelliDesign(dim, n, streamFor(1, 0, 'test'));
    const points = saltelliPoints(design);
    const count = points.length / dim;
    const sobol = design.a.byteLength + design.b.byteLength + points.byteLength + count * k * 8 + 2 * count * 8;
    expect(sensitivityBytes('sobol', n, k)).toBeGreaterThanOrEqual(sobol);
    expect(sensitivityBytes('sobol', n, k)).toBeLessThan(1.1 * sobol);
    const m = morrisDesign(k, n, streamFor(1, 0, 'test'));
    const morris = m.points.byteLength + m.moved.byteLength + m.direction.byteLength + 2 * n * (k + 1) * 8;
    expect(sensitivityBytes('morris', n, k)).toBeGreaterThanOrEqual(morris);
    expect(sensitivityBytes('morris', n, k)).toBeLessThan(1.3 * morris);
    expect(sensitivityBytes('tornado', n, k)).toBe((2 * k + 1) * n * (k + 2) * 8);
  });

  it('gives the most samples that fit the budget', () => {
    for (const method of ['tornado', 'morris', 'sobol'] as const) {
      const max = maxSensitivitySamples(method, 39);
      expect(sensitivityBytes(method, max, 39)).toBeLessThanOrEqual(MEMORY_BUDGET);
      expect(sensitivityBytes(method, max + 1, 39)).toBeGreaterThan(MEMORY_BUDGET);
    }
  });
});

describe('calibrationBytes', () => {
  it('grows with draws x (targets + parameters), and the most draws fit the budget', () => {
    expect(calibrationBytes(1000, 73, 39)).toBe(1000 * (8 * 112 + 96));
    const max = maxCalibrationDraws(511, 39);
    expect(calibrationBytes(max, 511, 39)).toBeLessThanOrEqual(MEMORY_BUDGET);
    expect(calibrationBytes(max + 1, 511, 39)).toBeGreaterThan(MEMORY_BUDGET);
    // The shipped targets fit a million draws (the most --draws takes).
    expect(calibrationBytes(1_000_000, 73, 39)).toBeLessThan(MEMORY_BUDGET);
  });
});

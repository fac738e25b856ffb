import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { evaluatePoints, type PointBatch, type SensitivityProblem } from '../../src/montecarlo/evaluatePoints.js';
import { evaluateBatch } from '../../src/montecarlo/evaluateBatch.js';
import { MonteCarloAborted } from '../../src/montecarlo/runMonteCarlo.js';
import { loadScenarioWith, parseScenario } from '../../src/scenario/loadScenario.js';
import { ValueRangeError } from '../../src/scenario/resolveRun.js';
import { uncertainFactors } from '../../src/sensitivity/uncertainFactors.js';

function problemOf(text?: string): SensitivityProblem {
  const r = text === undefined ? loadScenarioWith('scenarios/baseline.yaml', nodeFilePort) : parseScenario(text, 'scenarios/baseline.yaml', nodeFilePort);
  if (!r.ok) throw new Error(r.errors[0].message);
  return { scenario: r.value, factors: uncertainFactors(r.value.parameters), seed: 7, metric: 'doctorsAbroad', year: 2020 };
}

// Points at quantiles spread over [0, 1) (a fixed pattern, no generator needed), runs 0..n-1 reversed.
function batchOf(problem: SensitivityProblem, n: number): PointBatch {
  const k = problem.factors.length;
  const u = new Float64Array(n * k).map((_, i) => ((i * 0.6180339887498949) % 1) * 0.998 + 0.001);
  const runs = new Float64Array(n).map((_, i) => n - 1 - i);
  return { u, runs };
}

// The pool runs the compiled worker from dist/ (npm test builds first).
describe('evaluateBatch on worker threads', () => {
  it('gives the metric at every point, in order, exactly as evaluatePoints in this thread, for 2 and 3 workers', async () => {
    const problem = problemOf();
    const batch = batchOf(problem, 530); // three tasks of at most 250 points, the last one short
    const reference = evaluatePoints(problem, batch);
    const progress: number[] = [];
    for (const workers of [2, 3]) {
      const values = await evaluateBatch(problem, batch, { workers, onProgress: (done) => progress.push(done) });
      expect(Array.from(values)).toEqual(Array.from(reference));
    }
    expect(progress.filter((d) => d === 530)).toHaveLength(2);
  });

  it('stops with MonteCarloAborted when its signal is aborted', async () => {
    const problem = problemOf();
    const controller = new AbortController();
    const running = evaluateBatch(problem, batchOf(problem, 20_000), {
      workers: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(MonteCarloAborted);
  });

  it('reports a value out of range found in a worker as a ValueRangeError', async () => {
    const text = readFileSync('scenarios/priors.yaml', 'utf8').replace('retention: venezuelaRetention', 'retention: venezuelaRetention * 3');
    const problem = problemOf(text);
    await expect(evaluateBatch(problem, batchOf(problem, 10), { workers: 2 })).rejects.toBeInstanceOf(ValueRangeError);
  });
});

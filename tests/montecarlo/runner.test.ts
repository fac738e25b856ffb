import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtestJob } from '../../src/backtest/runBacktest.js';
import { parseTargets } from '../../src/backtest/parseTargets.js';
import { resolveTargets } from '../../src/backtest/resolveTargets.js';
import { compareJob } from '../../src/compare/compareScenarios.js';
import { cellsJob } from '../../src/montecarlo/cellsJob.js';
import { pointsJob } from '../../src/montecarlo/evaluateBatch.js';
import type { Job } from '../../src/montecarlo/job.js';
import { forWorker } from '../../src/montecarlo/protocol.js';
import { inThreadRunner, poolRunner, runJobSync, type Runner } from '../../src/montecarlo/runner.js';
import { monteCarloJob } from '../../src/montecarlo/runMonteCarlo.js';
import { shipScenario } from '../../src/montecarlo/workerPool.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { loadScenarioWith, parseScenario } from '../../src/scenario/loadScenario.js';
import { ValueRangeError } from '../../src/scenario/resolveRun.js';
import { uncertainFactors } from '../../src/sensitivity/uncertainFactors.js';

function load(file: string, text?: string): CompiledScenario {
  const r = text === undefined ? loadScenarioWith(file, nodeFilePort) : parseScenario(text, file, nodeFilePort);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
}

const base = load('scenarios/baseline.yaml');
const parole = load('scenarios/parole-reinstated-2027.yaml');

// Every kind of job, made afresh for each runner (a job accumulates as it is run).
const JOBS: Record<string, () => Job<unknown, unknown>> = {
  runs: () => monteCarloJob(base, { runs: 300, seed: 3, chunkSize: 70 }) as Job<unknown, unknown>,
  cells: () => {
    const cells = Int32Array.from([0, 5, 77, 400]);
    const got = new Float64Array(260 * cells.length);
    const job = cellsJob(base, { runs: 260, seed: 9, cells, onChunk: (first, _n, values) => got.set(values, first * cells.length) });
    return { ...job, result: () => Array.from(got) } as Job<unknown, unknown>;
  },
  points: () => {
    const factors = uncertainFactors(base.parameters);
    const n = 300;
    const u = new Float64Array(n * factors.length).map((_, i) => ((i * 0.618034) % 1) * 0.99 + 0.005);
    const runs = new Float64Array(n).map((_, i) => i * 2);
    return pointsJob({ scenario: base, factors, seed: 4, metric: 'doctorsAbroad', year: 2030, versus: parole }, { u, runs }) as Job<unknown, unknown>;
  },
  compare: () => compareJob(base, [parole], { runs: 260, seed: 2 }) as Job<unknown, unknown>,
  backtest: () => {
    const parsed = parseTargets(readFileSync('data/history.csv', 'utf8'), 'data/history.csv');
    if (!parsed.ok) throw new Error('targets');
    const resolved = resolveTargets(parsed.value, base);
    if (!resolved.ok) throw new Error('resolve');
    return backtestJob(base, resolved.value, 'data/history.csv', { runs: 260, seed: 5 }) as Job<unknown, unknown>;
  },
};

const bytes = (x: unknown) => JSON.stringify(x, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));

// The pool runs the compiled worker from dist/ (npm test builds first).
describe('runners', () => {
  for (const [name, make] of Object.entries(JOBS)) {
    it(`give the same ${name} result in this thread, serialised as for a worker, on worker threads and synchronously`, async () => {
      const reference = bytes(await inThreadRunner().run(make()));
      const runners: [string, Runner][] = [
        ['serialised', inThreadRunner({ serialise: true })],
        ['two threads', poolRunner(2)],
      ];
      for (const [label, runner] of runners) expect(bytes(await runner.run(make())), label).toBe(reference);
      expect(bytes(runJobSync(make())), 'synchronously').toBe(reference);
    });
  }

  it('send a worker the texts of every scenario and never the compiled scenario', () => {
    const shipped = shipScenario(base);
    expect(shipped.local).toBe(base);
    const compare = forWorker({ type: 'compare', scenarios: [shipped, shipScenario(parole)], seed: 1, first: 0, count: 1, plan: { modes: ['values'], differences: ['values'] } });
    const points = forWorker({ type: 'points', ...shipped, seed: 1, factors: [], metric: 'doctorsAbroad', year: 2030, u: new Float64Array(), runs: new Float64Array(), versus: shipScenario(parole) });
    const chunk = forWorker({ type: 'chunk', ...shipped, seed: 1, first: 0, count: 1, mode: 'values' });
    for (const req of [compare, points, chunk]) {
      expect(JSON.stringify(req)).not.toContain('"local"');
      expect(() => structuredClone(req)).not.toThrow();
    }
    // What forWorker guards against: the compiled scenario itself cannot cross to a thread.
    expect(() => structuredClone(base)).toThrow();
  });

  it('report a value out of its range as a ValueRangeError whichever runner met it', async () => {
    const text = readFileSync('scenarios/priors.yaml', 'utf8').replace('retention: venezuelaRetention', 'retention: venezuelaRetention * 3');
    const bad = load('scenarios/priors.yaml', text);
    for (const runner of [inThreadRunner(), inThreadRunner({ serialise: true }), poolRunner(2)]) {
      await expect(runner.run(monteCarloJob(bad, { runs: 20, seed: 1 }))).rejects.toBeInstanceOf(ValueRangeError);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { runInProcess } from '../../src/montecarlo/runInProcess.js';
import { MonteCarloAborted, runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.js';
import { summaryMode, EXACT_LIMIT } from '../../src/montecarlo/chunkResult.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { SKETCH_ALPHA } from '../../src/stats/logSketch.js';
import { openWorkerPool } from '../../src/montecarlo/workerPool.js';

function baseline() {
  const r = loadScenarioWith('scenarios/baseline.yaml', nodeFilePort);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
}

// The pool runs the compiled worker from dist/ (npm test builds first).
describe('runMonteCarlo', () => {
  const c = baseline();

  it('gives identical summaries for 1, 2 and 3 workers and for any chunk size', async () => {
    const reference = await runMonteCarlo(c, { runs: 300, seed: 11, workers: 1 });
    for (const [workers, chunkSize] of [
      [2, 250],
      [3, 37],
      [2, 1000],
      [1, 7],
    ]) {
      const other = await runMonteCarlo(c, { runs: 300, seed: 11, workers, chunkSize });
      expect(other, `${workers} workers, chunks of ${chunkSize}`).toEqual(reference);
    }
  });

  it('matches the synchronous in-process runner', async () => {
    expect(await runMonteCarlo(c, { runs: 120, seed: 5, workers: 2, chunkSize: 50 })).toEqual(runInProcess(c, { runs: 120, seed: 5 }));
  });

  it('gives sketch summaries independent of workers and chunks, within the sketch accuracy of the exact ones', async () => {
    const exact = await runMonteCarlo(c, { runs: 400, seed: 3, workers: 1 });
    const a = await runMonteCarlo(c, { runs: 400, seed: 3, workers: 1, summaries: 'sketch' });
    const b = await runMonteCarlo(c, { runs: 400, seed: 3, workers: 2, chunkSize: 33, summaries: 'sketch' });
    expect(b).toEqual(a);
    let checked = 0;
    exact.forEach((row, m) =>
      row.forEach((cell, y) => {
        const s = a[m][y];
        // Means are exact sums in both modes (up to the last bit of rounding).
        if (cell.mean === null) expect(s.mean).toBeNull();
        else expect(Math.abs((s.mean as number) - cell.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cell.mean)));
        for (const k of ['p5', 'p25', 'p50', 'p75', 'p95'] as const) {
          const e = cell[k];
          if (e === null) continue;
          // Each order statistic is within alpha (relative); R-7 interpolates between two of them.
          expect(Math.abs((s[k] as number) - e)).toBeLessThanOrEqual(SKETCH_ALPHA * Math.max(Math.abs(e), Math.abs(s[k] as number)) + 1e-12);
          checked++;
        }
      }),
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('chooses sketches only above the exact limit of stored values', () => {
    expect(summaryMode(1000, 2000)).toBe('values');
    expect(summaryMode(EXACT_LIMIT / 100 + 1, 100)).toBe('sketch');
  });

  it('stops with MonteCarloAborted when its signal is aborted', async () => {
    const controller = new AbortController();
    const running = runMonteCarlo(c, {
      runs: 100_000,
      seed: 1,
      workers: 2,
      chunkSize: 50,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 100) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(MonteCarloAborted);
  });

  it('runs pass after pass on one open pool, the same as in this thread, and an abort leaves the pool usable', async () => {
    const pool = openWorkerPool(2);
    try {
      const reference = runInProcess(c, { runs: 150, seed: 8 });
      expect(await runMonteCarlo(c, { runs: 150, seed: 8, pool, chunkSize: 20 })).toEqual(reference);
      const controller = new AbortController();
      const aborted = runMonteCarlo(c, {
        runs: 20_000,
        seed: 8,
        pool,
        chunkSize: 50,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 100) controller.abort();
        },
      });
      await expect(aborted).rejects.toBeInstanceOf(MonteCarloAborted);
      // The threads were left running their last tasks, not killed: the next pass uses them as they are.
      expect(await runMonteCarlo(c, { runs: 150, seed: 8, pool, chunkSize: 33 })).toEqual(reference);
    } finally {
      await pool.close();
    }
    await expect(runMonteCarlo(c, { runs: 10, seed: 8, pool })).rejects.toThrow(/closed pool/);
  });

  it('reports the scenario error of a value out of range found in a worker', async () => {
    const text = readFileSync('scenarios/priors.yaml', 'utf8').replace('retention: venezuelaRetention', 'retention: venezuelaRetention * 3');
    const { parseScenario } = await import('../../src/scenario/loadScenario.js');
    const { ValueRangeError } = await import('../../src/scenario/resolveRun.js');
    const parsed = parseScenario(text, 'scenarios/baseline.yaml', nodeFilePort);
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    await expect(runMonteCarlo(parsed.value, { runs: 10, seed: 1, workers: 2, chunkSize: 5 })).rejects.toBeInstanceOf(ValueRangeError);
  });
});

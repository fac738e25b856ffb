import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/montecarlo/runChunk.js';
import { runInProcess } from '../../src/montecarlo/runInProcess.js';
import { summarizeRuns } from '../../src/montecarlo/summarizeRuns.js';
import { arbHorizon, arbScenario } from '../../src/testing/index.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
// Monte Carlo properties simulate many runs per scenario: keep horizons to 10 years.
const scenarios = arbScenario({ horizon: arbHorizon({ maxMonths: 120 }) });

describe('Monte Carlo runners on random valid scenarios', () => {
  it('summarize every metric and year with p5 <= p25 <= p50 <= p75 <= p95 and a mean within [min, max] across runs', () => {
    fc.assert(
      fc.property(scenarios, seedArb, fc.integer({ min: 1, max: 30 }), (c, seed, runs) => {
        const summaries = runInProcess(c, { runs, seed });
        const values = runChunk(c, seed, 0, runs);
        const width = c.layout.metrics.length * c.years.length;
        const errors: string[] = [];
        c.layout.metrics.forEach((m, mi) => {
          c.years.forEach((year, y) => {
            const column: number[] = [];
            for (let r = 0; r < runs; r++) column.push(values[r * width + mi * c.years.length + y]);
            const kept = column.filter((v) => !Number.isNaN(v));
            const s = summaries[mi][y];
            const at = `${m.name} ${year}`;
            if (kept.length === 0) {
              if (Object.values(s).some((v) => v !== null)) errors.push(`${at}: values are all NaN but the summary is ${JSON.stringify(s)}`);
              return;
            }
            const min = Math.min(...kept);
            const max = Math.max(...kept);
            const ps = [s.p5, s.p25, s.p50, s.p75, s.p95];
            if (ps.some((p) => p === null) || s.mean === null) errors.push(`${at}: a null statistic with ${kept.length} values`);
            for (let i = 1; i < ps.length; i++) if (!((ps[i - 1] as number) <= (ps[i] as number))) errors.push(`${at}: percentiles out of order ${JSON.stringify(s)}`);
            if (!((ps[0] as number) >= min && (ps[4] as number) <= max)) errors.push(`${at}: p5..p95 outside [${min}, ${max}]`);
            if (!((s.mean as number) >= min && (s.mean as number) <= max)) errors.push(`${at}: mean ${s.mean} outside [${min}, ${max}]`);
          });
        });
        expect(errors, c.text).toEqual([]);
        // The in-process runner summarizes exactly the runs runChunk gives.
        expect(summaries).toEqual(summarizeRuns(values, runs, c.layout.metrics.length, c.years.length));
      }),
      { seed: 17, numRuns: 60 },
    );
  });

  it('gives the same bytes for runs [0, 20) whether simulated in one chunk or as [0, 10) + [10, 20) or any other split', () => {
    fc.assert(
      fc.property(scenarios, seedArb, fc.integer({ min: 0, max: 20 }), (c, seed, split) => {
        const whole = runChunk(c, seed, 0, 20);
        const halves = Buffer.concat([bytes(runChunk(c, seed, 0, 10)), bytes(runChunk(c, seed, 10, 10))]);
        const parts = Buffer.concat([bytes(runChunk(c, seed, 0, split)), bytes(runChunk(c, seed, split, 20 - split))]);
        expect(halves.equals(bytes(whole))).toBe(true);
        expect(parts.equals(bytes(whole))).toBe(true);
        // A run does not depend on its neighbours: run 13 alone is run 13 of the chunk.
        const width = c.layout.metrics.length * c.years.length;
        expect(bytes(runChunk(c, seed, 13, 1)).equals(bytes(whole.subarray(13 * width, 14 * width)))).toBe(true);
      }),
      { seed: 19, numRuns: 40 },
    );
  });

  it('summarizes across its 250-run chunk boundary exactly as one chunk would', () => {
    const [c] = fc.sample(arbScenario({ horizon: fc.constant({ start: '2020-07', end: '2021-12' }) }), { seed: 23, numRuns: 1 });
    const progress: number[] = [];
    const summaries = runInProcess(c, { runs: 260, seed: 5, onProgress: (done, total) => progress.push(done / total) });
    expect(summaries).toEqual(summarizeRuns(runChunk(c, 5, 0, 260), 260, c.layout.metrics.length, c.years.length));
    expect(progress).toEqual([250 / 260, 1]);
  });
});

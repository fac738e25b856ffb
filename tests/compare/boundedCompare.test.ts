// compare in bounded memory: chunk by chunk, every scenario's chunk together, with run's accumulators. Its
// summaries equal the old computation over all runs kept (exact mode), its sketched differences stay within
// the sketch's accuracy, and the report is the same for any worker count, chunk order or thread.
import { describe, expect, it } from 'vitest';
import { comparePlan, makeCompareAccumulator } from '../../src/compare/compareAccumulator.js';
import { compareScenarios, type CompareReport, type DifferenceReport } from '../../src/compare/compareScenarios.js';
import { chunksOf } from '../../src/montecarlo/chunksOf.js';
import { runChunk } from '../../src/montecarlo/runChunk.js';
import { runCompareChunk } from '../../src/montecarlo/runCompareChunk.js';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.js';
import { summarizeRuns } from '../../src/montecarlo/summarizeRuns.js';
import { runReport } from '../../src/report/runReport.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { SKETCH_ALPHA } from '../../src/stats/logSketch.js';
import { PERCENTILES, summarize } from '../../src/stats/summarize.js';

function load(path: string): CompiledScenario {
  const r = loadScenarioWith(path, nodeFilePort);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
}

const TINY = load('tests/sensitivity/fixtures/tiny.yaml');
const TWO_HOSTS = load('tests/compare/fixtures/tiny-two-hosts.yaml');
const BASELINE = load('scenarios/baseline.yaml');
const PAROLE = load('scenarios/parole-reinstated-2027.yaml');
const STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

// What compare computed before it was chunked: every run of every scenario kept (`[run][cell]`), each
// scenario summarized over all of them, and each difference column summarized in run order.
function allRunsReport(base: CompiledScenario, alternatives: readonly CompiledScenario[], runs: number, seed: number) {
  const years = base.years.length;
  const values = [base, ...alternatives].map((c) => runChunk(c, seed, 0, runs));
  const width = (c: CompiledScenario) => c.layout.metrics.length * years;
  const scenarios = [base, ...alternatives].map((c, i) => runReport(c, seed, runs, summarizeRuns(values[i], runs, c.layout.metrics.length, years)));
  const differences = alternatives.map((alt, j) => {
    const out: Record<string, DifferenceReport> = {};
    base.layout.metrics.forEach((def, m) => {
      const row = alt.layout.index[def.name];
      if (row === undefined) return;
      const report: DifferenceReport = { unit: def.unit, kind: def.kind, mean: [], p5: [], p25: [], p50: [], p75: [], p95: [], probabilityPositive: [] };
      for (let y = 0; y < years; y++) {
        const column = new Float64Array(runs);
        let counted = 0;
        let positive = 0;
        for (let r = 0; r < runs; r++) {
          const d = values[j + 1][r * width(alt) + row * years + y] - values[0][r * width(base) + m * years + y];
          column[r] = d;
          if (!Number.isNaN(d)) counted++;
          if (d > 0) positive++;
        }
        const s = summarize(column);
        for (const k of STATS) report[k].push(s[k]);
        report.probabilityPositive.push(counted === 0 ? null : positive / counted);
      }
      out[def.name] = report;
    });
    return out;
  });
  return { scenarios, differences };
}

describe('compare chunk by chunk, exact mode', () => {
  it('gives every summary the old computation over all runs gave, byte for byte (scenarios of different hosts)', async () => {
    const report = await compareScenarios(TINY, [TWO_HOSTS, TINY], { runs: 700, seed: 11 });
    const old = allRunsReport(TINY, [TWO_HOSTS, TINY], 700, 11);
    expect(JSON.stringify(Object.values(report.scenarios))).toBe(JSON.stringify(old.scenarios));
    expect(JSON.stringify(report.alternatives.map((k) => report.differences[k]))).toBe(JSON.stringify(old.differences));
    // Only the metrics both have: the second host's are left out.
    expect(Object.keys(report.differences[report.alternatives[0]])).toEqual(TINY.layout.metrics.map((m) => m.name));
  });

  it('the same for the baseline and a policy, in runs that span chunks', async () => {
    const report = await compareScenarios(BASELINE, [PAROLE], { runs: 260, seed: 4 });
    const old = allRunsReport(BASELINE, [PAROLE], 260, 4);
    expect(JSON.stringify(Object.values(report.scenarios))).toBe(JSON.stringify(old.scenarios));
    expect(JSON.stringify(report.differences[report.alternatives[0]])).toBe(JSON.stringify(old.differences[0]));
  });

  it('gives the same report whatever order the chunks arrive in', () => {
    const scenarios = [TINY, TWO_HOSTS];
    for (const mode of ['values', 'sketch'] as const) {
      const plan = comparePlan(scenarios, 900, mode);
      const forward = makeCompareAccumulator(scenarios, 900, plan);
      const backward = makeCompareAccumulator(scenarios, 900, plan);
      const chunks = chunksOf(900, 100).map(({ first, count }) => runCompareChunk(scenarios, 3, first, count, plan));
      chunks.forEach((c) => forward.add(c));
      [...chunks].reverse().forEach((c) => backward.add(c));
      expect(backward.scenario(1)).toEqual(forward.scenario(1));
      expect(backward.differences(0)).toEqual(forward.differences(0));
    }
  });
});

describe('compare chunk by chunk, sketch mode', () => {
  it('keeps every difference percentile within SKETCH_ALPHA of the exact order statistics, means to rounding, shares exactly', async () => {
    const runs = 3000;
    const exact = await compareScenarios(TINY, [TWO_HOSTS], { runs, seed: 8 });
    const sketch = await compareScenarios(TINY, [TWO_HOSTS], { runs, seed: 8, summaries: 'sketch' });
    const key = exact.alternatives[0];
    const years = TINY.years.length;
    const values = [TINY, TWO_HOSTS].map((c) => runChunk(c, 8, 0, runs));
    let checked = 0;
    let differs = 0;
    TINY.layout.metrics.forEach((def, m) => {
      const row = TWO_HOSTS.layout.index[def.name];
      const e = exact.differences[key][def.name];
      const s = sketch.differences[key][def.name];
      expect(s.probabilityPositive, def.name).toEqual(e.probabilityPositive);
      for (let y = 0; y < years; y++) {
        const d: number[] = [];
        for (let r = 0; r < runs; r++) {
          const v = values[1][r * TWO_HOSTS.layout.metrics.length * years + row * years + y] - values[0][r * TINY.layout.metrics.length * years + m * years + y];
          if (!Number.isNaN(v)) d.push(v);
        }
        d.sort((a, b) => a - b);
        if (d.length === 0) {
          for (const k of STATS) expect(s[k][y]).toBeNull();
          continue;
        }
        expect(Math.abs((s.mean[y] as number) - (e.mean[y] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(d[0]), Math.abs(d[d.length - 1])));
        PERCENTILES.forEach((p) => {
          const h = ((d.length - 1) * p) / 100;
          const lo = Math.floor(h);
          const hi = Math.min(lo + 1, d.length - 1);
          // R-7 interpolates two order statistics, each within alpha of itself: the error is at most alpha
          // times the larger of them (plus rounding).
          const bound = SKETCH_ALPHA * Math.max(Math.abs(d[lo]), Math.abs(d[hi])) * (1 + 1e-9) + 1e-12;
          const got = s[`p${p}`][y] as number;
          const want = e[`p${p}`][y] as number;
          expect(Math.abs(got - want), `${def.name} ${TINY.years[y]} p${p}: ${got} vs ${want}`).toBeLessThanOrEqual(bound);
          checked++;
          if (got !== want) differs++;
        });
      }
    });
    expect(checked).toBeGreaterThan(100);
    // The sketches were used: most percentiles are their buckets' values, not the exact ones.
    expect(differs).toBeGreaterThan(checked / 4);
  });

  it('gives each scenario the summary `run` gives it in sketch mode, and a scenario zero differences from itself', async () => {
    const report = await compareScenarios(TINY, [TINY], { runs: 400, seed: 2, summaries: 'sketch' });
    const run = runReport(TINY, 2, 400, await runMonteCarlo(TINY, { runs: 400, seed: 2, summaries: 'sketch' }));
    expect(report.scenarios.tiny).toEqual(run);
    expect(report.scenarios['tiny (2)']).toEqual(run);
    for (const m of Object.values(report.differences['tiny (2)'])) {
      for (const k of [...STATS, 'probabilityPositive'] as const) for (const v of m[k]) expect(v === null || v === 0).toBe(true);
    }
  });
});

describe('compare on worker threads', () => {
  const json = (r: CompareReport) => JSON.stringify(r);

  it('gives byte-identical reports for 1, 2 and 3 workers and in this thread, exact and sketch', async () => {
    for (const summaries of [undefined, 'sketch'] as const) {
      const options = { runs: 620, seed: 6, summaries };
      const here = json(await compareScenarios(TINY, [TWO_HOSTS, TINY], options));
      for (const workers of [1, 2, 3]) {
        expect(json(await compareScenarios(TINY, [TWO_HOSTS, TINY], { ...options, workers })), `${summaries ?? 'exact'} on ${workers}`).toBe(here);
      }
    }
  });

  it('names the scenario whose value left its range, as in this thread', async () => {
    const bad = load('tests/compare/fixtures/share-out-of-range.yaml');
    for (const run of [() => compareScenarios(BASELINE, [bad], { runs: 20, seed: 1 }), () => compareScenarios(BASELINE, [bad], { runs: 20, seed: 1, workers: 2 })]) {
      await expect(Promise.resolve().then(run)).rejects.toMatchObject({ scenario: { name: bad.name } });
    }
  });
});

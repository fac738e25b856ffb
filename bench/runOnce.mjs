// One benchmark measurement, in its own process: load the baseline, run N runs on K workers, render the
// JSON report (as `brigadas run --format json` does, without writing it), and print timings and peak memory.
import { performance } from 'node:perf_hooks';
import { compileOnWorkerThreads } from '../dist/cli/compileOnWorkerThreads.js';
import { nodeFilePort } from '../dist/node/nodeFilePort.js';
import { runMonteCarlo } from '../dist/montecarlo/runMonteCarlo.js';
import { formatJson } from '../dist/report/formatJson.js';
import { runReport } from '../dist/report/runReport.js';
import { loadScenarioWith } from '../dist/scenario/loadScenario.js';

const [runs, workers, file = 'scenarios/baseline.yaml'] = process.argv.slice(2);
// As the command line does (src/cli/main.ts).
compileOnWorkerThreads();
const t0 = performance.now();
const loaded = loadScenarioWith(file, nodeFilePort);
if (!loaded.ok) throw new Error(loaded.errors[0].message);
const c = loaded.value;
const t1 = performance.now();
const summaries = await runMonteCarlo(c, { runs: Number(runs), seed: 1, workers: Number(workers) });
const t2 = performance.now();
const text = formatJson(runReport(c, 1, Number(runs), summaries));
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({
    months: c.months,
    loadMs: t1 - t0,
    simulateMs: t2 - t1,
    reportMs: t3 - t2,
    bytes: text.length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);

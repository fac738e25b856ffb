// `npm run bench -- --profile`: which part of a Monte Carlo of the baseline costs what, measured part by part
// in this process (one thread, plus one worker thread for the worker's own start-up), and what those parts
// add up to at 10,000 runs on K workers, against the 1.5 s target. Prints a table; `--json` prints the
// figures instead. Run by bench.mjs in a fresh process, so module loading is measured cold.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const workers = availableParallelism();
const now = () => performance.now();

// Node's own start-up and the command line's, each in a fresh process (best of three: the fixed floor).
function bestOf(command) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    const child = spawnSync(process.execPath, command, { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    best = Math.min(best, now() - t0);
  }
  return best;
}
const nodeMs = bestOf(['-e', '0']);
const cliMs = bestOf(['bin/brigadas.js', '--version']);

// The modules a `run` needs, loaded cold in this process.
let t0 = now();
const { compileOnWorkerThreads } = await import('../dist/cli/compileOnWorkerThreads.js');
const { nodeFilePort } = await import('../dist/node/nodeFilePort.js');
const { loadScenarioWith } = await import('../dist/scenario/loadScenario.js');
const { runMonteCarlo } = await import('../dist/montecarlo/runMonteCarlo.js');
const { openWorkerPool } = await import('../dist/montecarlo/workerPool.js');
const { runChunk } = await import('../dist/montecarlo/runChunk.js');
const { drawParameters } = await import('../dist/montecarlo/drawParameters.js');
const { resolveRun } = await import('../dist/scenario/resolveRun.js');
const { encodeChunk } = await import('../dist/montecarlo/chunkResult.js');
const { makeAccumulator } = await import('../dist/montecarlo/accumulator.js');
const { runReport } = await import('../dist/report/runReport.js');
const { formatJson } = await import('../dist/report/formatJson.js');
const importMs = now() - t0;
compileOnWorkerThreads();

t0 = now();
const loaded = loadScenarioWith('scenarios/baseline.yaml', nodeFilePort);
if (!loaded.ok) throw new Error(loaded.errors[0].message);
const c = loaded.value;
const loadMs = now() - t0;
const cells = c.layout.metrics.length * c.years.length;

// A worker's start-up: the thread, its modules, compiling the scenario, and one cold run.
const pool = openWorkerPool(1);
t0 = now();
await runMonteCarlo(c, { runs: 1, seed: 1, pool, chunkSize: 1 });
const workerStartMs = now() - t0;
await pool.close();

// Runs in this thread: the first COLD runs while V8 optimizes, then WARM runs part by part, each part timed
// over the same run indices (seed 1), so the differences between rows are the parts' own costs.
const COLD = 500;
const WARM = 3000;
const SEED = 1;
t0 = now();
for (let first = 0; first < COLD; first += 250) runChunk(c, SEED, first, 250);
const coldMs = now() - t0;

function timeRuns(body) {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = now();
    for (let run = COLD; run < COLD + WARM; run++) body(run);
    best = Math.min(best, now() - start);
  }
  return best / WARM;
}
let sink = 0;
const drawMs = timeRuns((run) => {
  sink += Object.keys(drawParameters(c.parameters, SEED, run)).length;
});
const resolveMs =
  timeRuns((run) => {
    sink += resolveRun(c, drawParameters(c.parameters, SEED, run)).months;
  }) - drawMs;
const chunks = [];
let runAll = Infinity;
for (let round = 0; round < 3; round++) {
  chunks.length = 0;
  const start = now();
  for (let first = COLD; first < COLD + WARM; first += 250) chunks.push(runChunk(c, SEED, first, 250));
  runAll = Math.min(runAll, (now() - start) / WARM);
}
const simulateMs = runAll - drawMs - resolveMs;
t0 = now();
for (const [i, values] of chunks.entries()) sink += encodeChunk(values, COLD + i * 250, 250, cells, 'values').count;
const encodeMs = (now() - t0) / WARM;

// Exact summaries of 10,000 runs, as the main thread makes them from the chunks the workers send (the warm
// runs' chunks repeated: the cost is in gathering, counting and selecting, whatever the values are).
const RUNS = 10_000;
const acc = makeAccumulator(RUNS, c.layout.metrics.length, c.years.length, 'values');
for (let first = 0; first < RUNS; first += 250) acc.add(encodeChunk(chunks[(first / 250) % chunks.length], first, 250, cells, 'values'));
t0 = now();
const summaries = acc.summaries();
const summarizeMs = now() - t0;
t0 = now();
sink += formatJson(runReport(c, SEED, RUNS, summaries)).length;
const reportMs = now() - t0;
if (sink === 0) console.error('(nothing measured)');

// Warm runs on a pool of all the workers, per run and worker: what the threads' sharing of the cores (the
// workers' own and the main thread's receiving of chunks) adds to a run in one thread. Timed from the
// progress of a second pass on a warmed pool, up to its last chunk (before its summaries).
let poolRunMs = runAll + encodeMs;
if (workers > 1) {
  const shared = openWorkerPool(workers);
  await runMonteCarlo(c, { runs: 1000 * workers, seed: SEED, pool: shared });
  const POOL_RUNS = 3000 * workers;
  let last = 0;
  t0 = now();
  await runMonteCarlo(c, { runs: POOL_RUNS, seed: SEED, pool: shared, onProgress: (done, total) => {
    if (done === total) last = now();
  } });
  poolRunMs = ((last - t0) * workers) / POOL_RUNS;
  await shared.close();
}

// What a 10,000-run Monte Carlo on K workers costs, from the parts: start-up once, each worker's start-up
// and cold runs at once (one per core), the warm runs split among the workers, summaries at the end.
const perWorker = RUNS / workers;
const warmRunMs = runAll + encodeMs;
const coldExtraMs = coldMs - COLD * runAll;
const fixedMs = cliMs + loadMs + (workers > 1 ? workerStartMs + coldExtraMs : coldExtraMs) + summarizeMs + reportMs;
const estimateMs = fixedMs + (workers > 1 ? perWorker : RUNS) * poolRunMs;
const budgetPerRun = (1500 - fixedMs) / (workers > 1 ? perWorker : RUNS);

const figures = {
  nodeMs, cliMs, importMs, loadMs, workerStartMs, coldMs, coldRuns: COLD,
  perRun: { drawParametersMs: drawMs, resolveRunMs: resolveMs, simulateRunMs: simulateMs, encodeMs, totalMs: warmRunMs, onPoolMs: poolRunMs },
  summarize10kMs: summarizeMs, report10kMs: reportMs,
  at10k: { workers, fixedMs, estimateMs, budgetPerRunMs: budgetPerRun },
};
if (args.includes('--json')) {
  process.stdout.write(JSON.stringify(figures));
} else {
  const ms = (x) => `${x.toFixed(0)} ms`.padStart(10);
  const us = (x) => `${(x * 1000).toFixed(1)} us`.padStart(10);
  console.log(`Where the time goes (baseline: ${c.months} months, ${c.layout.metrics.length} metrics x ${c.years.length} years)`);
  console.log('fixed costs, once');
  console.log(`  node start-up                         ${ms(nodeMs)}`);
  console.log(`  command line start-up (--version)     ${ms(cliMs)}   (node included)`);
  console.log(`  a run's modules, loaded cold          ${ms(importMs)}`);
  console.log(`  load and compile the scenario         ${ms(loadMs)}`);
  console.log(`  a worker's start-up and first run     ${ms(workerStartMs)}   (each worker, all at once)`);
  console.log(`  first ${COLD} runs, while V8 optimizes   ${ms(coldMs)}   (${ms(coldExtraMs).trim()} above warm runs)`);
  console.log(`  exact summaries of 10,000 runs        ${ms(summarizeMs)}`);
  console.log(`  the JSON report                       ${ms(reportMs)}`);
  console.log('each warm run, one thread');
  console.log(`  drawParameters                        ${us(drawMs)}`);
  console.log(`  resolveRun (schedules, inputs)        ${us(resolveMs)}`);
  console.log(`  simulateRun (the monthly loop)        ${us(simulateMs)}`);
  console.log(`  encoding its values for the main thread ${us(encodeMs).trimStart().padStart(8)}`);
  console.log(`  in all                                ${us(warmRunMs)}`);
  if (workers > 1) console.log(`  the same on a pool of ${workers} workers       ${us(poolRunMs)}   (a worker's time a run, the threads sharing the cores)`);
  console.log(
    `10,000 runs on ${workers} worker${workers > 1 ? 's' : ''}, from these parts: ~${(estimateMs / 1000).toFixed(2)} s ` +
      `(fixed ${(fixedMs / 1000).toFixed(2)} s + ${Math.round(workers > 1 ? perWorker : RUNS)} runs a thread x ${us(poolRunMs).trim()}); ` +
      `the 1.5 s target leaves ${budgetPerRun > 0 ? us(budgetPerRun).trim() : 'no time'} a run`,
  );
}

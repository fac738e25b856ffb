// `npm run bench` (or `node bench/designs.mjs [--quick]`): how accurate each sampling design's p5, p50 and
// p95 of the baseline's headline outcomes are as runs grow. The reference is one 200,000-run Monte Carlo
// (seed 1); each design's estimate at N runs is repeated over several seeds, and the error reported is the
// root mean square, over seeds, of (estimate - reference) relative to the reference's p95 - p5 spread.
// Every design stratifies the uncertain parameters only: each run's flows still draw their own binomial noise.
import { availableParallelism } from 'node:os';
import { compileOnWorkerThreads } from '../dist/cli/compileOnWorkerThreads.js';
import { collectCells } from '../dist/montecarlo/cellsJob.js';
import { nodeFilePort } from '../dist/node/nodeFilePort.js';
import { loadScenarioWith } from '../dist/scenario/loadScenario.js';
import { quantileSorted } from '../dist/stats/quantileSorted.js';

const quick = process.argv.includes('--quick');
compileOnWorkerThreads();
const loaded = loadScenarioWith('scenarios/baseline.yaml', nodeFilePort);
if (!loaded.ok) throw new Error(loaded.errors[0].message);
const c = loaded.value;
const workers = availableParallelism();
const OUTCOMES = [
  ['healthWorkersAbroad', 2030],
  ['stateRevenueUSD', 2030],
  ['cumulativeDefections', 2035],
];
const cells = Int32Array.from(OUTCOMES, ([m, y]) => c.layout.index[m] * c.years.length + c.years.indexOf(y));
const QS = [0.05, 0.5, 0.95];

async function quantiles(runs, seed, design) {
  const columns = OUTCOMES.map(() => new Float64Array(runs));
  await collectCells(c, {
    runs,
    seed,
    cells,
    design,
    workers,
    onChunk: (first, count, values) => {
      for (let i = 0; i < count; i++) for (let k = 0; k < cells.length; k++) columns[k][first + i] = values[i * cells.length + k];
    },
  });
  return columns.map((col) => {
    const sorted = col.sort();
    return QS.map((q) => quantileSorted(sorted, q));
  });
}

const referenceRuns = quick ? 50_000 : 200_000;
const reference = await quantiles(referenceRuns, 1, 'mc');
const sizes = quick ? [1000, 4000] : [1250, 2500, 5000, 10000];
const seeds = quick ? 3 : 6;
console.log(`sampling designs: error of p5/p50/p95 against a ${referenceRuns.toLocaleString('en-US')}-run reference (root mean square over ${seeds} seeds, % of the reference's p5-p95 spread)`);
console.log(`outcome                      design  ${sizes.map((n) => String(n).padStart(7)).join(' ')}   (runs)`);
const table = {};
for (const design of ['mc', 'lhs', 'sobol']) {
  const errors = sizes.map(() => OUTCOMES.map(() => 0));
  for (const [si, n] of sizes.entries()) {
    for (let s = 0; s < seeds; s++) {
      const q = await quantiles(n, 1000 + s, design);
      OUTCOMES.forEach((_, k) => {
        const spread = reference[k][2] - reference[k][0];
        const e = QS.reduce((sum, _q, j) => sum + ((q[k][j] - reference[k][j]) / spread) ** 2, 0) / QS.length;
        errors[si][k] += e / seeds;
      });
    }
  }
  table[design] = errors;
  OUTCOMES.forEach(([m, y], k) => {
    const row = sizes.map((_, si) => (100 * Math.sqrt(errors[si][k])).toFixed(2).padStart(7)).join(' ');
    console.log(`${`${m}@${y}`.padEnd(28)} ${design.padEnd(6)}  ${row}`);
  });
}
// Runs each design needs for plain Monte Carlo's error at the largest size, from the 1/sqrt(N) law fitted
// at that size (error x sqrt(N) constant): N_design = N x (error_design / error_mc)^2.
const last = sizes.length - 1;
for (const design of ['lhs', 'sobol']) {
  const ratio = OUTCOMES.map((_, k) => table[design][last][k] / table.mc[last][k]);
  const mean = ratio.reduce((a, b) => a + b, 0) / ratio.length;
  console.log(`${design}: mean squared error ${(100 * mean).toFixed(0)}% of mc's at ${sizes[last]} runs: about ${Math.round(sizes[last] * mean).toLocaleString('en-US')} ${design} runs for mc's accuracy at ${sizes[last].toLocaleString('en-US')}`);
}

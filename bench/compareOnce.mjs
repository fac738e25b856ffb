// One comparison measurement, in its own process: the baseline against parole-never, N runs each on K
// workers, the JSON report rendered (as `brigadas compare --format json` does, without writing it); prints
// timings and peak memory.
import { performance } from 'node:perf_hooks';
import { compileOnWorkerThreads } from '../dist/cli/compileOnWorkerThreads.js';
import { nodeFilePort } from '../dist/node/nodeFilePort.js';
import { compareScenarios } from '../dist/compare/compareScenarios.js';
import { loadScenarioWith } from '../dist/scenario/loadScenario.js';

const [runs, workers] = process.argv.slice(2).map(Number);
// As the command line does (src/cli/main.ts).
compileOnWorkerThreads();
const load = (file) => {
  const loaded = loadScenarioWith(file, nodeFilePort);
  if (!loaded.ok) throw new Error(loaded.errors[0].message);
  return loaded.value;
};
const t0 = performance.now();
const [base, alt] = ['scenarios/baseline.yaml', 'scenarios/parole-never.yaml'].map(load);
const report = await compareScenarios(base, [alt], { runs, seed: 1, workers });
const t1 = performance.now();
const text = `${JSON.stringify(report, null, 2)}\n`;
process.stdout.write(JSON.stringify({ simulateMs: t1 - t0, bytes: text.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

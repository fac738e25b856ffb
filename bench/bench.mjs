// `npm run bench`: wall time (start-up included), runs per second, simulated run-months per second and
// peak memory of the baseline at 1,000, 10,000 and 100,000 runs, with one worker and with all of them.
// Options: --quick (skip 100,000), --million (add 1,000,000 runs with all workers, for peak memory).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const all = availableParallelism();
const sizes = args.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const plans = sizes.flatMap((runs) => [1, all].filter((w, i, a) => a.indexOf(w) === i).map((workers) => ({ runs, workers })));
if (args.includes('--million')) plans.push({ runs: 1_000_000, workers: all });

console.log(`brigadas benchmark: scenarios/baseline.yaml, node ${process.version}, ${all} cores available`);
console.log('runs       workers   wall s   runs/s   run-months/s   simulate s   peak MB');
const wall = new Map();
for (const { runs, workers } of plans) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['bench/runOnce.mjs', String(runs), String(workers)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout);
  wall.set(`${runs}/${workers}`, seconds);
  console.log(
    [
      String(runs).padEnd(10),
      String(workers).padStart(7),
      seconds.toFixed(2).padStart(8),
      Math.round(runs / seconds).toString().padStart(8),
      ((runs * r.months) / seconds).toExponential(2).padStart(14),
      (r.simulateMs / 1000).toFixed(2).padStart(12),
      Math.round(r.maxRssMB).toString().padStart(9),
    ].join(' '),
  );
}
if (all > 1) {
  for (const runs of sizes) {
    const one = wall.get(`${runs}/1`);
    const many = wall.get(`${runs}/${all}`);
    console.log(`speed-up with ${all} workers at ${runs} runs: ${(one / many).toFixed(2)}x`);
  }
}

import type { Coverage } from '../backtest/summarizeBacktest.js';
import { formatNumber } from '../report/formatNumber.js';
import { VERSION } from '../version.js';
import type { CalibrationReport, Quantiles } from './calibrateDraws.js';

const NAME = 28;
const NUMBER = 9;

/** Prints a calibration as plain text: the method, each parameter's prior and posterior, then the coverage before and after. */
export function formatCalibrationTable(r: CalibrationReport): string {
  const share = (n: number) => `${Math.round((100 * n) / r.draws)}%`;
  const lines = [
    `brigadas ${VERSION}  calibrate: ${r.scenario.name} (${r.scenario.file})`,
    `targets: ${r.targetsFile}  fitted: the ${r.fitTargets} fit targets in ${r.fitSeries} series (held-out and excluded targets are not fitted)`,
    `draws: ${r.draws}  seed: ${r.seed}  kept: the ${r.kept} nearest (${share(r.kept)}), Epanechnikov weights  effective sample size: ${Math.round(r.effectiveSampleSize)}`,
    "distance: root mean square over series of each series' root mean square relative miss (docs/MODEL.md, \"Calibration\")",
    '',
    `${'parameter'.padEnd(NAME)}${'prior p5'.padStart(NUMBER)}${'p50'.padStart(NUMBER)}${'p95'.padStart(NUMBER)}  ${'posterior p5'.padStart(NUMBER + 3)}${'p50'.padStart(NUMBER)}${'p95'.padStart(NUMBER)}`,
  ];
  const row = (q: Quantiles) => [q.p5, q.p50, q.p95].map((x) => value(x).padStart(NUMBER)).join('');
  for (const p of r.parameters) {
    lines.push(`${p.name.padEnd(NAME)}${row(p.priorQuantiles)}  ${'   '}${row(p.posteriorQuantiles)}${p.informed ? '' : '  prior kept'}`);
  }
  if (r.parameters.some((p) => !p.informed)) {
    lines.push("prior kept: no fit target can move the parameter, so its posterior is its prior up to sampling noise; it is not written");
  }
  const label = Math.max(10, ...r.prior.summary.bySeries.map((c) => c.series.length + 2)) + 2;
  const cell = (c: Coverage) => `${`${c.inside}/${c.targets}`.padStart(8)}${(c.share === null ? '-' : `${Math.round(c.share * 100)}%`).padStart(6)}`;
  lines.push('', "coverage: targets whose observation meets the model's p5-p95 band", `${''.padEnd(label)}${'prior (all draws)'.padStart(20)}${'posterior (kept)'.padStart(20)}`);
  const pair = (name: string, a: Coverage, b: Coverage) => `${name.padEnd(label)}${' '.repeat(6)}${cell(a)}${' '.repeat(6)}${cell(b)}`;
  const [before, after] = [r.prior.summary, r.posterior.summary];
  lines.push(pair('all', before.all, after.all), pair('fit', before.fit, after.fit), pair('held out', before.heldout, after.heldout));
  before.bySeries.forEach((c, i) => lines.push(pair(`  ${c.series}`, c, after.bySeries[i])));
  if (r.correlations.length > 0) {
    lines.push('', 'posterior correlations of |r| >= 0.2 between calibrated parameters (lost in the written scenario, which draws each on its own):');
    for (const c of r.correlations) lines.push(`  ${`${c.first} ~ ${c.second}`.padEnd(2 * NAME)}${c.r.toFixed(2).padStart(6)}`);
  }
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

/** A parameter's value: three significant digits, with k/m/bn from ten thousand up. */
function value(x: number): string {
  return Math.abs(x) >= 1e4 ? formatNumber(x, '') : String(+x.toPrecision(3));
}

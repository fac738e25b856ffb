import { RANDOM_STREAMS, type SensitivityReport } from './analyzeSensitivity.js';

/**
 * Prints a sensitivity analysis as tidy CSV, `method,metric,year,parameter,statistic,estimate,low,high`, one
 * row per parameter and statistic (`low`, `high`: the interval, where the method gives one); Sobol's
 * second-order indices, when present, follow as statistic `secondOrder` of every pair `a:b`, by |S2|.
 */
export function formatSensitivityCsv(r: SensitivityReport): string {
  const lines = ['method,metric,year,parameter,statistic,estimate,low,high'];
  const cell = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));
  const add = (parameter: string, statistic: string, estimate: number, low?: number, high?: number) =>
    lines.push(`${r.method},${r.metric},${r.year},${parameter},${statistic},${cell(estimate)},${cell(low)},${cell(high)}`);
  if (r.method === 'tornado') {
    add('', 'base', r.base);
    for (const b of r.bars) {
      for (const end of [b.low, b.high]) {
        const q = `p${Math.round(end.quantile * 100)}`;
        add(b.parameter, `${q}Value`, end.value);
        add(b.parameter, `${q}Metric`, end.metric);
      }
      add(b.parameter, 'swing', b.swing);
    }
  } else if (r.method === 'morris') {
    for (const e of r.effects) {
      add(e.parameter, 'muStar', e.muStar);
      add(e.parameter, 'mu', e.mu);
      add(e.parameter, 'sigma', e.sigma);
    }
  } else {
    for (const e of [...r.indices, { parameter: RANDOM_STREAMS, ...r.randomStreams }]) {
      add(e.parameter, 'firstOrder', e.firstOrder.estimate, e.firstOrder.low, e.firstOrder.high);
      add(e.parameter, 'total', e.total.estimate, e.total.low, e.total.high);
    }
    // Parameter names are word characters only, so ':' cannot be part of one.
    for (const p of r.secondOrder ?? []) add(p.parameters.join(':'), 'secondOrder', p.estimate, p.low, p.high);
  }
  return `${lines.join('\n')}\n`;
}

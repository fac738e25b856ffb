import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { TornadoRequest, TornadoRunner } from '../../src/dashboard/dashboardRunner.js';
import { tornadoOffThread } from '../../src/dashboard/offThread.js';
import { TORNADO_GLYPHS, tornadoChart } from '../../src/dashboard/tornadoChart.js';
import { MonteCarloAborted } from '../../src/montecarlo/runMonteCarlo.js';
import { analyzeSensitivity, type TornadoBar, type TornadoReport } from '../../src/sensitivity/analyzeSensitivity.js';
import { evaluatePoints } from '../../src/montecarlo/evaluatePoints.js';
import { uncertainFactors } from '../../src/sensitivity/uncertainFactors.js';
import { KEYS, quickRunner, renderDashboard, scenario, settled } from './harness.js';

afterEach(() => cleanup());

const g = TORNADO_GLYPHS;
const bar = (parameter: string, low: number, high: number): TornadoBar => ({
  parameter,
  low: { quantile: 0.1, value: 1, metric: low },
  high: { quantile: 0.9, value: 2, metric: high },
  swing: Math.abs(high - low),
});
const count = (s: string, ch: string) => [...s].filter((c) => c === ch).length;

describe('the tornado chart', () => {
  // Width 40: names of 9 (the least), two values of 8 and three spaces leave a plot of 12 columns from column 19,
  // 0 to 11. Values from 0 to 110 are 10 a column; the base, 50, is column 5.
  const PLOT = 19;
  const bars = [bar('small', 40, 60), bar('large', 0, 110), bar('oneSided', 50, 70)];
  const chart = tornadoChart({ base: 50, unit: 'persons', bars }, 40, 10);

  it('sorts the bars by swing, largest first, and names each with the metric at p10 and p90', () => {
    expect(chart.rows.map((r) => r.split(' ')[0])).toEqual(['large', 'small', 'oneSided']);
    expect(chart.rows[0]).toMatch(/^large +0 .* 110$/);
    expect(chart.rows[1]).toMatch(/^small +40 .* 60$/);
    expect(chart.header).toMatch(/^parameter +at p10 +at p90$/);
    expect(chart.hidden).toBe(0);
  });

  it('draws each bar from the base to the metric at p10 and at p90, to scale', () => {
    const plots = chart.rows.map((r) => r.slice(PLOT, PLOT + 12));
    expect(plots).toEqual([`${g.low.repeat(5)}${g.base}${g.high.repeat(6)}`, `    ${g.low}${g.base}${g.high}     `, `     ${g.base}${g.high.repeat(2)}    `]);
    expect(chart.rows.map((r) => [count(r, g.low), count(r, g.high)])).toEqual([
      [5, 6],
      [1, 1],
      [0, 2],
    ]);
  });

  it('marks the base on the axis under the bars, with its value', () => {
    const [axis, label] = chart.axis;
    const at = PLOT + 5;
    expect(axis[at]).toBe(g.baseMark);
    expect(chart.rows.every((r) => r[at] === g.base)).toBe(true);
    expect(label.indexOf('base 50')).toBe(at);
  });

  it('draws the shorter end over the longer when both move the metric the same way', () => {
    const [row] = tornadoChart({ base: 0, unit: 'persons', bars: [bar('same', 50, 110)] }, 40, 10).rows;
    // The base is column 0; p10 reaches column 5, p90 column 11.
    expect(row.slice(PLOT, PLOT + 12)).toBe(`${g.base}${g.low.repeat(5)}${g.high.repeat(6)}`);
  });

  it('keeps only the bars that fit and says how many were left out', () => {
    const few = tornadoChart({ base: 50, unit: 'persons', bars }, 40, 1);
    expect(few.rows).toHaveLength(1);
    expect(few.rows[0]).toMatch(/^large/);
    expect(few.hidden).toBe(2);
  });

  it('formats the values by the unit and cuts long names in the middle, so names sharing a beginning stay apart', () => {
    const [row] = tornadoChart({ base: 0.5, unit: 'share', bars: [bar('aVeryLongParameterName', 0.25, 0.75)] }, 40, 10).rows;
    expect(row).toMatch(/^aVeryL…rName +25\.0% .* 75\.0%$/);
    const rows = tornadoChart({ base: 0.5, unit: 'share', bars: [bar('venezuelaDoctorShareEarly', 0.2, 0.8), bar('venezuelaDoctorShareLate', 0.3, 0.7)] }, 40, 10).rows;
    const names = rows.map((r) => r.split(' ')[0]);
    expect(names[0]).not.toBe(names[1]);
    expect(names.every((n) => n.includes('…'))).toBe(true);
  });
});

const baseline = scenario('scenarios/baseline.yaml');
const quick = { runs: 30, seed: 7, quickRuns: 10 };

// A tornado computed at once from fixed numbers, recording what was asked; `hold` keeps the answer back.
function fixedTornado(requests: TornadoRequest[], hold?: Promise<void>): TornadoRunner {
  return async (request, signal) => {
    requests.push(request);
    await hold;
    if (signal.aborted) throw new Error('aborted');
    const report: Partial<TornadoReport> = {
      method: 'tornado',
      metric: request.metric,
      year: request.year,
      unit: 'persons',
      base: 23_300,
      bars: [bar('venezuelaCrisisFactor', 20_800, 25_600), bar('defectionBaseRate', 19_500, 29_600)],
    };
    return report as TornadoReport;
  };
}

describe('the sensitivity view', () => {
  it('t shows the tornado of the selected metric in the cursor year, computing… first, and t again the charts', async () => {
    const requests: TornadoRequest[] = [];
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), tornado: fixedTornado(requests, hold), ...quick });
    await d.waitFor(settled);
    expect(d.lastFrame()).toContain('t tornado');
    await d.press('4', KEYS.end);
    await d.press('t');
    const computing = await d.waitFor((f) => f.includes('computing…'));
    expect(computing).toContain('sensitivity of defections since start in 2040: baseline');
    expect(computing).toContain('t back to the charts');
    await d.waitFor(() => requests.length === 1);
    expect(requests[0]).toMatchObject({ metric: 'cumulativeDefections', year: 2040, runs: 30, seed: 7 });
    release();
    const frame = await d.waitFor((f) => f.includes('defectionBaseRate'));
    const lines = frame.split('\n');
    const rows = ['defectionBaseRate', 'venezuelaCrisisFactor'].map((p) => lines.findIndex((l) => l.startsWith(p)));
    expect(rows[0]).toBeGreaterThan(0);
    expect(rows[1]).toBe(rows[0] + 1); // largest swing first
    expect(lines[rows[0]]).toMatch(/19\.5k .*[░█│]+ 29\.6k/);
    expect(frame).toContain('base 23.3k');
    await d.press('t');
    expect(d.lastFrame()).toContain('▸4 defections since start');
    expect(d.lastFrame()).not.toContain('defectionBaseRate');
  });

  it('computes again (once, after the keys stop) when the metric or year changes, and not when reopened unchanged', async () => {
    const requests: TornadoRequest[] = [];
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), tornado: fixedTornado(requests), ...quick });
    await d.waitFor(settled);
    await d.press('t');
    await d.waitFor((f) => f.includes('defectionBaseRate'));
    await d.press(KEYS.left, KEYS.left, KEYS.tab);
    await d.waitFor((f) => f.includes('doctors abroad in') && f.includes('defectionBaseRate'));
    expect(requests.map((r) => [r.metric, r.year])).toEqual([
      ['healthWorkersAbroad', requests[0].year],
      ['doctorsAbroad', requests[0].year - 2],
    ]);
    await d.press('t', 't');
    expect(d.lastFrame()).toContain('defectionBaseRate');
    expect(requests).toHaveLength(2);
  });

  it('the help lists t and explains the tornado, leaving out what does not fit in a small terminal', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), tornado: fixedTornado([]), ...quick });
    await d.press('?');
    const tall = d.lastFrame() ?? '';
    expect(tall).toMatch(/│ t +tornado of the selected metric and year; t again closes it +│/);
    expect(tall).toContain('Sensitivity (t)');
    expect(tall).toContain('? or Esc closes this help.');
    await d.resize(80, 24);
    // Wait for the help box to be drawn at the new size: one tick is not always enough on a loaded machine.
    const small = await d.waitFor((f) => f.includes('a taller terminal shows how to read the charts'));
    expect(small.split('\n').length).toBeLessThanOrEqual(23);
    expect(small).toMatch(/│ t +tornado of the selected metric and year; t again closes it *│/);
    expect(small).toMatch(/│ q \/ Esc +quit/);
    expect(small).toContain('a taller terminal shows how to read the charts');
  });

  it('shows why there is no tornado when its computation fails', async () => {
    const failing: TornadoRunner = async () => {
      throw new Error('patientsPerDoctor has no value in 2040');
    };
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), tornado: failing, ...quick });
    await d.press('t');
    await d.waitFor((f) => f.includes('patientsPerDoctor has no value in 2040'));
  });
});

// The worker runs from dist/: these tests need `npm run build` first, as `npm test` does.
describe('the tornado off the UI thread', () => {
  const request = { scenario: baseline, metric: 'cumulativeDefections', year: 2030, runs: 2, seed: 1 };

  it('is the tornado analyzeSensitivity computes, computed in a worker thread', async () => {
    const problem = { scenario: baseline, factors: uncertainFactors(baseline.parameters), seed: 1, metric: request.metric, year: request.year };
    const here = await analyzeSensitivity(problem, 'tornado', 2, (batch) => evaluatePoints(problem, batch));
    expect(await tornadoOffThread(request, new AbortController().signal)).toEqual(here);
  });

  it('stops when aborted, rejecting at once', async () => {
    const controller = new AbortController();
    const pending = tornadoOffThread({ ...request, runs: 1000 }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(MonteCarloAborted);
  });

  it('says in words what is wrong with the metric or year', async () => {
    await expect(tornadoOffThread({ ...request, year: 1990 }, new AbortController().signal)).rejects.toThrow(/year 1990 is outside the horizon/);
  });
});

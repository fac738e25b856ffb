import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { DashboardRunner, RunRequest, RunResult } from '../../src/dashboard/dashboardRunner.js';
import { KEYS, quickRunner, renderDashboard, scenario, settled } from './harness.js';

afterEach(() => cleanup());

const baseline = scenario('scenarios/baseline.yaml');
const parole2027 = scenario('scenarios/parole-reinstated-2027.yaml');
const quick = { runs: 30, seed: 7, quickRuns: 10 };

// The row of a metric in the values panel: its p5, p50, p95 and mean.
const valuesRow = (frame: string, label: string) => {
  const line = frame.split('\n').find((l) => l.includes(` ${label}  `));
  return line?.slice(line.indexOf(label)).trimEnd();
};

describe('the dashboard', () => {
  it('shows the scenario, its horizon, runs and seed, then fan charts with value and year axes', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    const frame = await d.waitFor(settled);
    expect(frame).toContain('baseline');
    expect(frame).toContain('2003-01 to 2040-12');
    expect(frame).toContain('30 runs');
    expect(frame).toContain('seed 7');
    expect(frame).toContain('▸1 health workers abroad (health workers)');
    expect(frame).toMatch(/\d+\.\dk┤/); // value labels in thousands
    expect(frame).toMatch(/ 0┤/);
    expect(frame).toMatch(/2005 +2010 +2015/);
    expect(frame).toContain('━');
    expect(frame).toContain('░ p5-p95 ▒ p25-p75 ━ median');
  });

  it('shows a progress bar with runs done and time left while the runs go on', async () => {
    // A pass that reports half its runs done and never ends.
    const runner: DashboardRunner = (_req, onProgress) => {
      onProgress(5, 10);
      return new Promise<RunResult>(() => {});
    };
    const d = await renderDashboard({ scenario: baseline, runner, ...quick });
    const frame = await d.waitFor((f) => f.includes('5/10 runs'));
    expect(frame).toMatch(/quick look \[█+·+\] 5\/10 runs, [\d.]+ s left/);
    expect(frame).toContain('waiting for the first runs');
  });

  it('quick-looks with few runs, then refines to the full count', async () => {
    const requests: RunRequest[] = [];
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(requests), ...quick });
    await d.waitFor((f) => f.includes('showing 30 runs'));
    expect(requests.map((r) => r.runs)).toEqual([10, 30]);
  });

  it('shows the policy timeline under the charts, aligned with their years', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    const frame = await d.waitFor(settled);
    const lines = frame.split('\n');
    const parole = lines.find((l) => l.startsWith('parole open'))!;
    const axis = lines.find((l) => /^ +2005 +2010/.test(l))!;
    // Parole opened in August 2006 and closed in January 2017: on under 2010, off under 2020.
    expect(parole[axis.indexOf('2010') + 1]).toBe('█');
    expect(parole[axis.indexOf('2020') + 1]).toBe('·');
    for (const row of ['travel permit', 'US pressure', 'venezuela', 'brazil']) expect(frame).toMatch(new RegExp(`^${row}`, 'm'));
    expect(lines.find((l) => l.startsWith('brazil'))).toContain('╳');
  });

  it('switches metric with Tab, Shift-Tab and the number keys', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    await d.waitFor(settled);
    await d.press(KEYS.tab);
    expect(d.lastFrame()).toContain('▸2 doctors abroad (doctors)');
    await d.press('5');
    expect(d.lastFrame()).toContain('▸5 state revenue a year (USD/year)');
    expect(d.lastFrame()).toMatch(/\$\d[\d.]*(bn|m)┤/);
    await d.press(KEYS.shiftTab);
    expect(d.lastFrame()).toContain('▸4 defections since start');
    await d.press('0');
    expect(d.lastFrame()).toContain('▸0 patients per doctor');
  });

  it('moves the year cursor with the arrows and shows every metric in that year', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    const first = await d.waitFor(settled);
    expect(first).toContain('Year 2026');
    expect(first).toMatch(/Year 2026 +p5 +p50 +p95 +mean/);
    await d.press(KEYS.right, KEYS.right);
    const later = d.lastFrame()!;
    expect(later).toContain('Year 2028');
    expect(later).toContain('Levers from January 2028');
    expect(valuesRow(later, 'doctors abroad')).not.toBe(valuesRow(first, 'doctors abroad'));
    await d.press(KEYS.home);
    expect(d.lastFrame()).toContain('Year 2003');
    await d.press(KEYS.left);
    expect(d.lastFrame()).toContain('Year 2003');
    await d.press(KEYS.end);
    expect(d.lastFrame()).toContain('Year 2040');
  });

  it('re-runs when a lever moves and the numbers change; u undoes it', async () => {
    const requests: RunRequest[] = [];
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(requests), ...quick });
    const before = await d.waitFor(settled);
    expect(valuesRow(before, 'parole approved')).toMatch(/^parole approved +0 +0 +0 +0$/);
    await d.press(KEYS.right, '+'); // parole open from January 2027
    const after = await d.waitFor((f) => settled(f) && f.includes('baseline (edited)') && !/parole approved +0 +0/.test(f));
    expect(after).toMatch(/▸ parole open +open \*/);
    expect(requests.at(-1)!.base.name).toBe('baseline (edited)');
    expect(valuesRow(after, 'parole approved')).not.toMatch(/^parole approved +0 +0 +0 +0$/);
    await d.press('u');
    const undone = await d.waitFor((f) => settled(f) && !f.includes('(edited)'));
    expect(valuesRow(undone, 'parole approved')).toMatch(/^parole approved +0 +0 +0 +0$/);
  });

  it('picks a lever with the arrows and steps a number within its legal range', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    await d.waitFor(settled);
    await d.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down); // retention cap
    expect(d.lastFrame()).toMatch(/▸ retention cap +100%/);
    await d.press('+');
    expect(d.lastFrame()).toContain('retention cap is already at the end of its range');
    await d.press('-');
    expect(d.lastFrame()).toMatch(/▸ retention cap +95% \*/);
  });

  it('saves the changed scenario through the save port with its comments kept, and only when changed', async () => {
    const saved: { text: string; original: string }[] = [];
    const save = (text: string, original: string) => {
      saved.push({ text, original });
      return 'scenarios/baseline-edited.yaml';
    };
    const d = await renderDashboard({ scenario: parole2027, runner: quickRunner(), save, ...quick });
    await d.waitFor(settled);
    await d.press('s');
    expect(d.lastFrame()).toContain('nothing to save yet');
    await d.press(KEYS.right, '+');
    await d.press('s');
    expect(d.lastFrame()).toContain('saved scenarios/baseline-edited.yaml');
    expect(saved).toHaveLength(1);
    expect(saved[0].original).toBe(parole2027.file);
    expect(saved[0].text).toContain('# Question: if the US reopened the parole programme');
    expect(saved[0].text).toContain('changed in the brigadas dashboard');
    expect(saved[0].text).toContain('name: parole reinstated in 2027 (edited)');
  });

  it('shows help on ? and closes it with Esc', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick });
    await d.waitFor(settled);
    await d.press('?');
    expect(d.lastFrame()).toContain('Keys');
    expect(d.lastFrame()).toContain('Reading the charts');
    await d.press(KEYS.escape);
    expect(d.lastFrame()).not.toContain('Reading the charts');
    expect(d.lastFrame()).toContain('health workers abroad');
  });

  it('compares two scenarios: both on one chart and the run-by-run difference beneath', async () => {
    const d = await renderDashboard({ scenario: baseline, compare: parole2027, runner: quickRunner(), ...quick });
    const frame = await d.waitFor(settled);
    expect(frame).toContain('baseline vs parole reinstated in 2027');
    expect(frame).toContain('░▒━ baseline  ╌• alternative');
    expect(frame).toContain('Δ alternative - baseline, run by run');
    expect(frame).toContain('•');
    expect(frame).toContain('rows: alternative; Δ: alternative - baseline');
    expect(frame).toMatch(/^parole open\* /m);
    await d.press('d');
    expect(d.lastFrame()).not.toContain('Δ alternative - baseline, run by run');
    await d.press('d');
    expect(d.lastFrame()).toMatch(/▸1 health workers abroad \(health workers\) +Δ alt - base, per run/);
    expect(d.lastFrame()).not.toContain('╌• alternative');
  });

  it('re-lays out on resize: a grid of charts when large, strips when narrow, a polite note when too small', async () => {
    const d = await renderDashboard({ scenario: baseline, runner: quickRunner(), ...quick }, 170, 50);
    const large = await d.waitFor(settled);
    for (const title of ['▸1 health workers abroad', ' 2 doctors abroad', ' 3 defections a year', ' 4 defections since start']) expect(large).toContain(title);
    // Wait for each new layout to be drawn: on a loaded machine one tick after the resize event is not enough.
    await d.resize(80, 24);
    const small = await d.waitFor((f) => /^2026 health workers abroad: p50 /m.test(f));
    expect(small).not.toContain(' 2 doctors abroad');
    expect(small).toMatch(/^2026 health workers abroad: p50 /m);
    expect(small).toMatch(/^lever \(↑↓\): parole open closed from January 2026/m);
    await d.resize(70, 20);
    expect(await d.waitFor((f) => f.includes('needs a terminal'))).toContain('needs a terminal of at least 80x24; this one is 70x20');
    await d.resize(120, 40);
    expect(await d.waitFor((f) => f.includes('Year 2026'))).toContain('Year 2026');
  });

  it('keeps every line within the terminal width', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [170, 50],
    ]) {
      const d = await renderDashboard({ scenario: baseline, compare: parole2027, runner: quickRunner(), ...quick }, columns, rows);
      const frame = await d.waitFor(settled);
      const lines = frame.split('\n');
      expect(Math.max(...lines.map((l) => [...l].length)), `${columns}x${rows}`).toBeLessThanOrEqual(columns);
      expect(lines.length, `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      d.unmount();
    }
  });
});

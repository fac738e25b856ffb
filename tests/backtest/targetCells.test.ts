import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTargets } from '../../src/backtest/resolveTargets.js';
import { fillFromCells, targetCells } from '../../src/backtest/targetCells.js';
import { targetValue } from '../../src/backtest/targetValue.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { simulateCells } from '../../src/montecarlo/simulateCells.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { ROOT } from '../cli/harness.js';
import { allCells } from '../montecarlo/allCells.js';
import { parseOk } from './targetsText.js';

describe('targetCells and simulateCells', () => {
  it("give every history target the value it has in all the run's cells, from the target cells alone", () => {
    const loaded = loadScenarioWith(join(ROOT, 'scenarios', 'baseline.yaml'), nodeFilePort);
    if (!loaded.ok) throw new Error('the baseline does not load');
    const c = loaded.value;
    const file = join(ROOT, 'data', 'history.csv');
    const resolved = resolveTargets(parseOk(readFileSync(file, 'utf8'), file), c);
    if (!resolved.ok) throw new Error('data/history.csv does not resolve');
    const targets = resolved.value;
    const tc = targetCells(targets);
    const width = c.layout.metrics.length * c.years.length;
    // Each cell once, in order, fewer than the targets' terms (some share a cell) and far fewer than a run has.
    const terms = targets.reduce((n, t) => n + t.numerator.length + (t.denominator?.length ?? 0), 0);
    expect(tc.cells.length).toBeLessThan(terms);
    expect(tc.cells.length).toBeLessThan(width / 10);
    expect([...tc.cells]).toEqual([...new Set(tc.cells)].sort((a, b) => a - b));

    const first = 7;
    const count = 5;
    const samples = targets.map(() => new Float64Array(first + count).fill(-1));
    fillFromCells(tc, simulateCells(c, 11, first, count, tc.cells), first, count, samples);
    for (let i = 0; i < count; i++) {
      const full = allCells(c, 11, first + i);
      targets.forEach((t, k) => expect(Object.is(samples[k][first + i], targetValue(t, full, 0)), `${t.target.id}, run ${first + i}`).toBe(true));
    }
    // Runs before `first` are left as they were.
    expect(samples.every((s) => s.subarray(0, first).every((v) => v === -1))).toBe(true);
  });

  it('refuses a cell outside the scenario rather than return NaN for it', () => {
    const loaded = loadScenarioWith(join(ROOT, 'scenarios', 'baseline.yaml'), nodeFilePort);
    if (!loaded.ok) throw new Error('the baseline does not load');
    const { layout, years, months } = loaded.value;
    // Past the last month cell, the last of the layout's last metric.
    const cells = layout.metrics.length * (years.length + months);
    expect(() => simulateCells(loaded.value, 1, 0, 1, Int32Array.of(0, cells))).toThrow(RangeError);
  });
});

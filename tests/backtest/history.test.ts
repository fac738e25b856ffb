// The project's history file: it reads, every target resolves against the baseline, and it keeps to its rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTargets } from '../../src/backtest/resolveTargets.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { ROOT } from '../cli/harness.js';
import { parseOk } from './targetsText.js';

const FILE = join(ROOT, 'data', 'history.csv');
const targets = parseOk(readFileSync(FILE, 'utf8'), FILE);

describe('data/history.csv', () => {
  it('resolves against the baseline: every metric exists, every period lies in its years', () => {
    const loaded = loadScenarioWith(join(ROOT, 'scenarios', 'baseline.yaml'), nodeFilePort);
    if (!loaded.ok) expect.fail('the baseline does not load');
    const r = resolveTargets(targets, loaded.value);
    expect(r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([]);
  });

  it('holds out every target from 2019 on, and only those (excluded ones aside)', () => {
    const lastYear = (p: (typeof targets)[number]['period']) => (p.type === 'span' ? p.to : p.year);
    for (const t of targets.filter((x) => x.set !== 'excluded')) {
      expect(t.set, t.id).toBe(lastYear(t.period) >= 2019 ? 'heldout' : 'fit');
    }
  });

  it('covers the series the back-test is about, each with targets that count', () => {
    const counted = new Set(targets.filter((t) => t.set !== 'excluded').map((t) => t.series));
    for (const s of ['health workers abroad', 'doctors abroad', 'parole approvals (US fiscal year)', 'cumulative parole approvals', 'physicians in Cuba (ONEI)', 'inhabitants per doctor', 'health-service exports (booked)', 'Brazil programme', 'programme endings 2019']) {
      expect(counted, s).toContain(s);
    }
  });

  it('keeps held-out targets that anchor nothing, for the headline, and names a source family for every target', () => {
    const free = targets.filter((t) => t.set === 'heldout' && t.anchor.length === 0);
    expect(free.length).toBeGreaterThanOrEqual(5);
    expect(new Set(targets.map((t) => t.family)).size).toBeGreaterThanOrEqual(5);
  });

  it('never targets a lever: the domestic salary is an input', () => {
    expect(targets.filter((t) => /domesticSalary/.test(t.metricText))).toEqual([]);
  });
});

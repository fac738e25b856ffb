import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { editedFileName } from '../../src/cli/commands/dashboard.js';
import { moveView } from '../../src/dashboard/dashboardState.js';
import { KEY_HELP, keyCommand, splitKeys } from '../../src/dashboard/dashboardKeys.js';
import { dashboardStep, hasUnsavedChanges, initialState, savedAs, type KeyContext } from '../../src/dashboard/dashboardState.js';
import { dashboardLayout } from '../../src/dashboard/dashboardLayout.js';
import { formatDuration, progressBar, progressText } from '../../src/dashboard/Header.js';
import { latestPolicyYear } from '../../src/dashboard/scenarioValues.js';
import { scenario } from './harness.js';
import { LEVER_ORDER } from '../../src/dashboard/leverInfo.js';

const key = (k: Partial<Key> = {}): Key => ({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
  ...k,
});

describe('keys', () => {
  it('describes every key in at most 59 columns, so the help shows it whole in an 80-column terminal', () => {
    for (const [keys, what] of KEY_HELP) expect([...what].length, keys).toBeLessThanOrEqual(59);
  });

  it('maps each key to its command', () => {
    expect(keyCommand('q', key(), false)).toEqual({ type: 'quit' });
    expect(keyCommand('', key({ escape: true }), false)).toEqual({ type: 'quit' });
    expect(keyCommand('', key({ escape: true }), true)).toEqual({ type: 'closeHelp' });
    expect(keyCommand('?', key(), false)).toEqual({ type: 'help' });
    expect(keyCommand('', key({ tab: true }), false)).toEqual({ type: 'metric', by: 1 });
    expect(keyCommand('', key({ tab: true, shift: true }), false)).toEqual({ type: 'metric', by: -1 });
    expect(keyCommand('0', key(), false)).toEqual({ type: 'metricAt', index: 9 });
    expect(keyCommand('3', key(), false)).toEqual({ type: 'metricAt', index: 2 });
    expect(keyCommand('', key({ pageDown: true }), false)).toEqual({ type: 'year', by: 5 });
    expect(keyCommand('', key({ upArrow: true }), false)).toEqual({ type: 'lever', by: -1 });
    expect(keyCommand('=', key(), false)).toEqual({ type: 'change', direction: 1 });
    expect(keyCommand('-', key(), false)).toEqual({ type: 'change', direction: -1 });
    expect(keyCommand('s', key(), false)).toEqual({ type: 'save' });
    expect(keyCommand('u', key(), false)).toEqual({ type: 'undo' });
    expect(keyCommand('d', key(), false)).toEqual({ type: 'compareView' });
    expect(keyCommand('t', key(), false)).toEqual({ type: 'sensitivity' });
    expect(keyCommand('x', key(), false)).toBeUndefined();
    // With the help open, only the keys that close it or quit work.
    expect(keyCommand('+', key(), true)).toBeUndefined();
  });

  it('wraps metrics and levers around and holds the cursor within the years', () => {
    const v = { metric: 0, year: 0, lever: 0, help: false, sensitivity: false, compareView: 'both' as const };
    expect(moveView(v, { type: 'metric', by: -1 }, 38).metric).toBe(9);
    expect(moveView(v, { type: 'lever', by: -1 }, 38).lever).toBe(LEVER_ORDER.length - 1);
    expect(moveView(v, { type: 'year', by: -1 }, 38).year).toBe(0);
    expect(moveView({ ...v, year: 36 }, { type: 'year', by: 5 }, 38).year).toBe(37);
    expect(moveView(v, { type: 'compareView' }, 38).compareView).toBe('overlay');
    expect(moveView(moveView(v, { type: 'sensitivity' }, 38), { type: 'sensitivity' }, 38).sensitivity).toBe(false);
  });

  it('starts the cursor at the latest dated policy change', () => {
    expect(scenario('scenarios/baseline.yaml').years[latestPolicyYear(scenario('scenarios/baseline.yaml'))]).toBe(2026);
    const p = scenario('scenarios/parole-reinstated-2027.yaml');
    expect(p.years[latestPolicyYear(p)]).toBe(2027);
  });
});

describe('layout', () => {
  it('fits the terminal: a sidebar from 110 columns, a 2x2 grid at 160x48, nothing below 80x24', () => {
    const at120 = dashboardLayout(120, 40, 8);
    expect(at120).toMatchObject({ tooSmall: false, wide: true, gridColumns: 1, gridRows: 1, timelineRows: 8 });
    expect(at120.mainWidth + 1 + at120.sidebarWidth).toBe(120);
    expect(dashboardLayout(160, 48, 8)).toMatchObject({ gridColumns: 2, gridRows: 2 });
    expect(dashboardLayout(80, 24, 8)).toMatchObject({ tooSmall: false, wide: false, mainWidth: 80 });
    expect(dashboardLayout(79, 24, 8).tooSmall).toBe(true);
    expect(dashboardLayout(80, 23, 8).tooSmall).toBe(true);
    // Header, body and key line leave the last line free: a frame as tall as the terminal flickers.
    for (const [c, r] of [
      [80, 24],
      [120, 40],
      [200, 60],
    ]) {
      const l = dashboardLayout(c, r, 8);
      expect(2 + l.bodyHeight + 1).toBe(r - 1);
      expect(l.panelHeight * l.gridRows + 1 + l.timelineRows + (l.gridColumns > 1 ? 1 : 0) + (l.wide ? 0 : 2)).toBeLessThanOrEqual(l.bodyHeight);
    }
  });
});

describe('keys read together', () => {
  it('splits a run of plain characters into keys, as each would come alone', () => {
    expect(splitKeys('+', key())).toEqual([['+', key()]]);
    expect(splitKeys('', key({ rightArrow: true }))).toEqual([['', key({ rightArrow: true })]]);
    expect(splitKeys('+-s', key())).toEqual([['+', key()], ['-', key()], ['s', key()]]);
    expect(splitKeys('\t\tQ', key())).toEqual([['', key({ tab: true })], ['', key({ tab: true })], ['Q', key({ shift: true })]]);
    expect(splitKeys('q\x03', key())).toEqual([['q', key()], ['c', key({ ctrl: true })]]);
    expect(keyCommand('c', key({ ctrl: true }), false)).toEqual({ type: 'interrupt' });
  });
});

describe('the dashboard state', () => {
  const c = scenario('scenarios/baseline.yaml');
  const ctx: KeyContext = { years: c.years, tooSmall: false, canSave: true };
  const after = (...cmds: Parameters<typeof dashboardStep>[1][]) => cmds.reduce((s, cmd) => dashboardStep(s, cmd, ctx).state, initialState(c));

  it('applies each key to the state the one before left', () => {
    const s = after({ type: 'year', by: 1 }, { type: 'year', by: 1 }, { type: 'change', direction: 1 });
    expect(s.view.year).toBe(initialState(c).view.year + 2);
    expect(s.status).toBe('parole open: open from January 2028');
    expect(s.history).toHaveLength(2);
  });

  it('on the too-small screen, does nothing but quit', () => {
    const small = { ...ctx, tooSmall: true };
    const s = dashboardStep(initialState(c), { type: 'change', direction: 1 }, small).state;
    expect(s).toEqual(initialState(c));
    expect(dashboardStep(s, { type: 'quit' }, small).effect).toEqual({ type: 'quit' });
  });

  it('asks before quitting with unsaved changes, once; saved changes quit at once', () => {
    const changed = after({ type: 'change', direction: 1 });
    expect(hasUnsavedChanges(changed)).toBe(true);
    const asked = dashboardStep(changed, { type: 'quit' }, ctx);
    expect(asked.effect).toBeUndefined();
    expect(asked.state.status).toBe('unsaved changes: s saves and quits, q quits without saving, any other key stays');
    expect(dashboardStep(asked.state, { type: 'quit' }, ctx).effect).toEqual({ type: 'quit' });
    const saving = dashboardStep(asked.state, { type: 'save' }, ctx).effect;
    expect(saving).toMatchObject({ type: 'save', original: c.file, thenQuit: true });
    const stayed = dashboardStep(asked.state, { type: 'undo' }, ctx).state;
    expect(stayed.history).toHaveLength(2);
    expect(stayed.confirmingQuit).toBe(false);
    const saved = savedAs(changed, 'x-edited.yaml', false).state;
    expect(hasUnsavedChanges(saved)).toBe(false);
    expect(dashboardStep(saved, { type: 'quit' }, ctx).effect).toEqual({ type: 'quit' });
    expect(dashboardStep(saved, { type: 'save' }, ctx).state.status).toBe('already saved as x-edited.yaml');
    // Without a way to save, the question offers none.
    expect(dashboardStep(changed, { type: 'quit' }, { ...ctx, canSave: false }).state.status).toBe('unsaved changes: q again quits without saving them, any other key stays');
  });
});

describe('progress', () => {
  it('draws a bar in eighths of a cell', () => {
    expect(progressBar(0, 10, 4)).toBe('····');
    expect(progressBar(5, 10, 4)).toBe('██··');
    expect(progressBar(10, 10, 4)).toBe('████');
    expect(progressBar(1, 16, 4)).toBe('▎···');
    expect(progressBar(1, 8, 4)).toBe('▌···');
  });

  it('says runs done and time left while running, and what is shown when done', () => {
    const running = { running: true, quick: false, done: 250, total: 1000, elapsed: 500 };
    expect(progressText(running, 1000, false, 10)).toBe('running [██▌·······] 250/1000 runs, 1.5 s left');
    expect(formatDuration(75_000)).toBe('1m15s');
  });
});

describe('saving', () => {
  it('names the copy <name>-edited.yaml beside the original, numbering it when taken', () => {
    const taken = new Set(['scenarios/baseline-edited.yaml', 'scenarios/baseline-edited-2.yaml']);
    expect(editedFileName('scenarios/parole.yaml', (p) => taken.has(p))).toBe('scenarios/parole-edited.yaml');
    expect(editedFileName('scenarios/baseline.yaml', (p) => taken.has(p))).toBe('scenarios/baseline-edited-3.yaml');
  });
});

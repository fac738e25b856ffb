import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { changeLever, leverValueIn } from './changeLever.js';
import type { CompareView } from './ChartPanel.js';
import type { KeyCommand } from './dashboardKeys.js';
import { DASHBOARD_METRICS } from './dashboardMetrics.js';
import { formatLever, LEVER_LABELS, LEVER_ORDER } from './leverInfo.js';
import { latestPolicyYear } from './scenarioValues.js';

/** Where the user is looking: the metric, the year cursor, the lever picked and which screen. */
export interface View {
  readonly metric: number;
  readonly year: number;
  readonly lever: number;
  readonly help: boolean;
  /** Whether the sensitivity view (the tornado) takes the charts' place. */
  readonly sensitivity: boolean;
  readonly compareView: CompareView;
}

/** Everything a key can change: the edits, the view, the status line and what was saved. */
export interface DashboardState {
  /** The scenario being changed as it was, then after each change still in effect (u drops the last). */
  readonly history: readonly CompiledScenario[];
  readonly view: View;
  /** The line shown instead of the key hints, until a key moves the view. */
  readonly status?: string;
  /** The edited scenarios written to a file this session, and where. */
  readonly saved: readonly { readonly scenario: CompiledScenario; readonly path: string }[];
  /** Whether a quit with unsaved changes is waiting for the user's answer. */
  readonly confirmingQuit: boolean;
  /** Whether the dashboard is quitting: keys after the one that quit are not acted on. */
  readonly quitting: boolean;
}

/** What the shell must do after a key: quit, or write the edited scenario (and quit once it is written). */
export type DashboardEffect = { readonly type: 'quit' } | { readonly type: 'save'; readonly text: string; readonly original: string; readonly thenQuit: boolean };

/** What a key's meaning depends on besides the state: the horizon's years and what the screen offers. */
export interface KeyContext {
  readonly years: readonly number[];
  /** Whether the terminal is too small to draw the dashboard: then only quitting works. */
  readonly tooSmall: boolean;
  readonly canSave: boolean;
}

/** A state and the effect it asks of the shell, if any. */
export interface Step {
  readonly state: DashboardState;
  readonly effect?: DashboardEffect;
}

const COMPARE_VIEWS: readonly CompareView[] = ['both', 'overlay', 'difference'];

/** What the status line asks when the user quits with unsaved changes (at most 79 columns: it fits 80). */
export const quitQuestion = (canSave: boolean) =>
  canSave ? 'unsaved changes: s saves and quits, q quits without saving, any other key stays' : 'unsaved changes: q again quits without saving them, any other key stays';

/** The state a dashboard opens in on a scenario: unchanged, the cursor on the latest policy change. */
export function initialState(original: CompiledScenario): DashboardState {
  const view: View = { metric: 0, year: latestPolicyYear(original), lever: 0, help: false, sensitivity: false, compareView: 'both' };
  return { history: [original], view, saved: [], confirmingQuit: false, quitting: false };
}

/** The scenario as the levers have made it. */
export const currentScenario = (s: DashboardState): CompiledScenario => s.history[s.history.length - 1];

/** Whether the scenario on screen differs from the original and from every file saved this session. */
export function hasUnsavedChanges(s: DashboardState): boolean {
  const current = currentScenario(s);
  return current !== s.history[0] && !s.saved.some((x) => x.scenario === current);
}

/** Applies a key command that only moves around the view (no runs, no files). */
export function moveView(v: View, cmd: KeyCommand, years: number): View {
  const wrap = (i: number, n: number) => ((i % n) + n) % n;
  const clamp = (i: number) => Math.max(0, Math.min(years - 1, i));
  switch (cmd.type) {
    case 'help':
      return { ...v, help: true };
    case 'closeHelp':
      return { ...v, help: false };
    case 'metric':
      return { ...v, metric: wrap(v.metric + cmd.by, DASHBOARD_METRICS.length) };
    case 'metricAt':
      return { ...v, metric: Math.min(cmd.index, DASHBOARD_METRICS.length - 1) };
    case 'year':
      return { ...v, year: clamp(v.year + cmd.by) };
    case 'yearAt':
      return { ...v, year: cmd.index === 'first' ? 0 : years - 1 };
    case 'lever':
      return { ...v, lever: wrap(v.lever + cmd.by, LEVER_ORDER.length) };
    case 'sensitivity':
      return { ...v, sensitivity: !v.sensitivity };
    case 'compareView':
      return { ...v, compareView: COMPARE_VIEWS[(COMPARE_VIEWS.indexOf(v.compareView) + 1) % COMPARE_VIEWS.length] };
    default:
      return v;
  }
}

function save(s: DashboardState, ctx: KeyContext, thenQuit: boolean): Step {
  const current = currentScenario(s);
  if (s.history.length === 1) return { state: { ...s, status: 'nothing to save yet: change a lever with + or - first' } };
  if (!ctx.canSave) return { state: { ...s, status: 'saving is not available here' } };
  const done = s.saved.find((x) => x.scenario === current);
  if (done) return thenQuit ? { state: s, effect: { type: 'quit' } } : { state: { ...s, status: `already saved as ${done.path}` } };
  return { state: s, effect: { type: 'save', text: current.merged.sources[0].text, original: s.history[0].file, thenQuit } };
}

function change(s: DashboardState, ctx: KeyContext, direction: 1 | -1): DashboardState {
  const year = ctx.years[s.view.year];
  const lever = LEVER_ORDER[s.view.lever];
  const changed = changeLever(currentScenario(s), lever, year, direction);
  if (changed === undefined) return { ...s, status: `${LEVER_LABELS[lever]} is already at the end of its range` };
  if (!changed.ok) return { ...s, status: `cannot change ${LEVER_LABELS[lever]}: ${changed.errors.map(formatDiagnostic).join('; ')}` };
  return { ...s, history: [...s.history, changed.value], status: `${LEVER_LABELS[lever]}: ${formatLever(lever, leverValueIn(changed.value, lever, year))} from January ${year}` };
}

/**
 * What one key does (`cmd` undefined: a key the dashboard does not use), given the state the previous key
 * left, so keys typed or pasted faster than the screen redraws each act on the one before's result.
 */
export function dashboardStep(s: DashboardState, cmd: KeyCommand | undefined, ctx: KeyContext): Step {
  if (s.quitting) return { state: s };
  if (cmd?.type === 'interrupt') return { state: { ...s, quitting: true }, effect: { type: 'quit' } };
  if (s.confirmingQuit) {
    // Asked once: the answer is this key, whatever it is; a key that is not an answer only cancels.
    if (cmd?.type === 'quit') return { state: { ...s, quitting: true }, effect: { type: 'quit' } };
    if (cmd?.type === 'save' && ctx.canSave) return save({ ...s, confirmingQuit: false }, ctx, true);
    return { state: { ...s, confirmingQuit: false, status: 'not quitting: the changes are still unsaved (s saves them)' } };
  }
  if (cmd === undefined) return { state: s };
  if (cmd.type === 'quit') {
    if (hasUnsavedChanges(s)) return { state: { ...s, confirmingQuit: true, status: quitQuestion(ctx.canSave) } };
    return { state: { ...s, quitting: true }, effect: { type: 'quit' } };
  }
  // On the "too small" screen nothing the keys would change can be seen: they do nothing but quit.
  if (ctx.tooSmall) return { state: s };
  switch (cmd.type) {
    case 'change':
      return { state: change(s, ctx, cmd.direction) };
    case 'undo':
      if (s.history.length === 1) return { state: { ...s, status: 'nothing to undo' } };
      return { state: { ...s, history: s.history.slice(0, -1), status: 'undid the last change' } };
    case 'save':
      return save(s, ctx, false);
    default:
      return { state: { ...s, status: undefined, view: moveView(s.view, cmd, ctx.years.length) } };
  }
}

/** The state once the shell has written the edited scenario to `path`, and the quit that waited for it. */
export function savedAs(s: DashboardState, path: string, thenQuit: boolean): Step {
  const state: DashboardState = { ...s, saved: [...s.saved, { scenario: currentScenario(s), path }], status: `saved ${path}`, quitting: thenQuit };
  return thenQuit ? { state, effect: { type: 'quit' } } : { state };
}

/** The state once writing the edited scenario failed: the changes stay, and the dashboard with them. */
export function saveFailed(s: DashboardState, message: string): DashboardState {
  return { ...s, status: `could not save: ${message}` };
}

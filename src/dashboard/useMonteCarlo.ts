import { useEffect, useState } from 'react';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { DashboardRunner, RunResult } from './dashboardRunner.js';

/** Where the runs stand: the latest result shown, and the pass under way with its progress. */
export interface RunState {
  /** The latest finished pass (a quick look, then the full count); kept on screen while a new pass runs. */
  readonly result?: RunResult;
  readonly running: boolean;
  /** Whether the pass under way is the quick look. */
  readonly quick: boolean;
  readonly done: number;
  readonly total: number;
  /** Milliseconds since the pass under way started (or the last pass took, once finished). */
  readonly elapsed: number;
  readonly error?: string;
}

/** How often the screen hears of progress: at most ten times a second. */
const TICK_MS = 100;

/**
 * Runs the scenarios whenever they change: a quick look of `quickRuns` runs first, then the full `runs`, each
 * through the injected runner. A change aborts the passes under way. Progress reaches the screen at most ten
 * times a second, so the UI thread stays free for keys.
 */
export function useMonteCarlo(
  runner: DashboardRunner,
  base: CompiledScenario,
  alternative: CompiledScenario | undefined,
  runs: number,
  seed: number,
  quickRuns: number,
): RunState {
  const starting: RunState = { running: true, quick: quickRuns < runs, done: 0, total: Math.min(quickRuns, runs), elapsed: 0 };
  const [state, setState] = useState<RunState & { readonly of?: readonly unknown[] }>(starting);
  const inputs = [base, alternative, runs, seed];
  useEffect(() => {
    const controller = new AbortController();
    let progress = { done: 0, total: 0 };
    let started = performance.now();
    let shown = -1;
    let shownAt = 0;
    // One timer both paces progress and keeps the elapsed time moving when a runner reports nothing for a while.
    const timer = setInterval(() => {
      const t = performance.now();
      if (progress.done === shown && t - shownAt < 500) return;
      shown = progress.done;
      shownAt = t;
      setState((s) => (s.running ? { ...s, done: progress.done, total: progress.total, elapsed: t - started } : s));
    }, TICK_MS);
    const passes = quickRuns < runs ? [quickRuns, runs] : [runs];
    void (async () => {
      for (const [i, n] of passes.entries()) {
        started = performance.now();
        progress = { done: 0, total: n };
        const quick = i < passes.length - 1;
        setState((s) => ({ ...s, running: true, quick, done: 0, total: n, elapsed: 0, error: undefined, of: inputs }));
        try {
          const result = await runner({ base, alternative, runs: n, seed }, (done, total) => (progress = { done, total }), controller.signal);
          if (controller.signal.aborted) return;
          const last = i === passes.length - 1;
          setState((s) => ({ ...s, result, running: !last, done: n, total: n, elapsed: performance.now() - started }));
        } catch (e) {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, running: false, error: e instanceof Error ? e.message : String(e) }));
          return;
        }
      }
    })().finally(() => clearInterval(timer));
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [runner, base, alternative, runs, seed, quickRuns]);
  // Until the effect has started on new inputs, the state still speaks of the old ones: say a run is starting,
  // and keep the old result on screen meanwhile.
  const current = state.of !== undefined && state.of.every((x, i) => x === inputs[i]);
  return current || state.of === undefined ? state : { ...starting, result: state.result };
}

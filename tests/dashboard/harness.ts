// Shared helpers for the dashboard tests: an in-process runner with few runs, rendering at a chosen terminal
// size, pressing keys and waiting for what the screen should show.
import { EventEmitter } from 'node:events';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { compareScenarios } from '../../src/compare/compareScenarios.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { App, type AppProps } from '../../src/dashboard/App.js';
import type { DashboardRunner, RunRequest } from '../../src/dashboard/dashboardRunner.js';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.js';
import { runReport } from '../../src/report/runReport.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { loadScenarioWith } from '../../src/scenario/loadScenario.js';
import { repoPath } from '../cli/harness.js';

/** Loads a scenario of the repository, failing loudly if it does not compile. */
export function scenario(file: string): CompiledScenario {
  const r = loadScenarioWith(repoPath(file), nodeFilePort);
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/**
 * A runner for tests: the same runs as the dashboard's own, in this thread (few runs are quick), recording
 * every request so tests can see the re-runs a key caused.
 */
export function quickRunner(requests: RunRequest[] = []): DashboardRunner {
  return async (req, onProgress, signal) => {
    requests.push(req);
    if (req.alternative === undefined) {
      const summaries = await runMonteCarlo(req.base, { runs: req.runs, seed: req.seed, workers: 1, chunkSize: 10, onProgress, signal });
      return { runs: req.runs, base: runReport(req.base, req.seed, req.runs, summaries) };
    }
    const report = await compareScenarios(req.base, [req.alternative], { runs: req.runs, seed: req.seed });
    const alt = report.alternatives[0];
    return { runs: req.runs, base: report.scenarios[report.baseline], alternative: report.scenarios[alt], difference: report.differences[alt] };
  };
}

/** Waits a macrotask, so Ink has handled input and drawn the frame it caused. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Key sequences a terminal sends. */
export const KEYS = {
  right: '\x1b[C',
  left: '\x1b[D',
  up: '\x1b[A',
  down: '\x1b[B',
  tab: '\t',
  shiftTab: '\x1b[Z',
  escape: '\x1b',
  home: '\x1b[H',
  end: '\x1b[F',
  ctrlC: '\x03',
} as const;

type Instance = ReturnType<typeof render>;

/** A rendered dashboard with its terminal. */
export interface Dashboard extends Instance {
  /** Presses keys, one at a time, waiting for each to be handled. */
  press: (...keys: string[]) => Promise<void>;
  /** Waits until the last frame passes a check (or fails after `ms`), and returns it. */
  waitFor: (check: (frame: string) => boolean, ms?: number) => Promise<string>;
  /** Resizes the terminal as a real one does: new size, then a resize event. */
  resize: (columns: number, rows: number) => Promise<void>;
}

/** Renders the dashboard at a terminal size (ink-testing-library draws at 100 columns and no rows until resized). */
export async function renderDashboard(props: AppProps, columns = 120, rows = 40): Promise<Dashboard> {
  const instance = render(createElement(App, props));
  const stdout = instance.stdout as unknown as EventEmitter;
  const dashboard: Dashboard = {
    ...instance,
    async press(...keys) {
      for (const k of keys) {
        instance.stdin.write(k);
        await tick();
        await tick();
      }
    },
    async waitFor(check, ms = 20_000) {
      const until = Date.now() + ms;
      for (;;) {
        const frame = instance.lastFrame() ?? '';
        if (check(frame)) return frame;
        if (Date.now() > until) throw new Error(`the dashboard never showed what was expected; last frame:\n${frame}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async resize(c, r) {
      Object.defineProperty(stdout, 'columns', { value: c, configurable: true });
      Object.defineProperty(stdout, 'rows', { value: r, configurable: true });
      stdout.emit('resize');
      await tick();
    },
  };
  await dashboard.resize(columns, rows);
  return dashboard;
}

/** Whether the runs are over: the header says what the charts show and how long it took. */
export const settled = (frame: string) => /showing \d+ runs \(took/.test(frame);

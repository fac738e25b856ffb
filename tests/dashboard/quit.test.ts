import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DashboardRunner, TornadoRunner } from '../../src/dashboard/dashboardRunner.js';
import { runDashboard, type DashboardStreams } from '../../src/dashboard/runDashboard.js';
import { KEYS, scenario, tick } from './harness.js';

// A terminal for Ink: an output of a fixed size that keeps what was written, and an input that can be typed into.
function terminal() {
  const stdout = Object.assign(new EventEmitter(), { columns: 120, rows: 40, isTTY: false, written: '', write: (s: string) => ((stdout.written += s), true) });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    data: null as string | null,
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    read() {
      const d = stdin.data;
      stdin.data = null;
      return d;
    },
    type(d: string) {
      stdin.data = d;
      stdin.emit('readable');
    },
  });
  const stderr = Object.assign(new EventEmitter(), { write: () => true });
  return { streams: { stdout, stdin, stderr } as unknown as DashboardStreams, stdout, stdin };
}

// A runner that never finishes on its own, and says when it was stopped.
function endlessRunner(): { runner: DashboardRunner; aborted: () => boolean } {
  let stopped = false;
  const runner: DashboardRunner = (_req, _progress, signal) =>
    new Promise((_resolve, reject) =>
      signal.addEventListener('abort', () => {
        stopped = true;
        reject(new Error('aborted'));
      }),
    );
  return { runner, aborted: () => stopped };
}

const baseline = scenario('scenarios/baseline.yaml');

describe('leaving the dashboard', () => {
  for (const [name, key] of [
    ['q', 'q'],
    ['Esc', KEYS.escape],
    ['Ctrl-C', KEYS.ctrlC],
  ] as const) {
    it(`${name} unmounts at once, stopping the runs under way`, async () => {
      const { streams, stdout, stdin } = terminal();
      const { runner, aborted } = endlessRunner();
      const done = runDashboard({ scenario: baseline, runs: 100, seed: 1, runner }, streams);
      await tick();
      stdin.type(key);
      await done;
      expect(aborted()).toBe(true);
      // Checked after quitting: with CI set (as on the CI machine) Ink writes only the last frame, at unmount.
      expect(stdout.written).toContain('baseline');
    });
  }

  it('q quits at once while the sensitivity view computes its tornado, stopping it', async () => {
    const { streams, stdin } = terminal();
    let started = false;
    let stopped = false;
    const tornado: TornadoRunner = (_request, signal) => {
      started = true;
      return new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => {
          stopped = true;
          reject(new Error('aborted'));
        }),
      );
    };
    const done = runDashboard({ scenario: baseline, runs: 100, seed: 1, runner: endlessRunner().runner, tornado }, streams);
    await tick();
    stdin.type('t');
    // The tornado starts once the metric and year have stayed put a moment.
    while (!started) await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.type('q');
    await done;
    expect(stopped).toBe(true);
  });

  it('Esc closes the help first, then quits', async () => {
    const { streams, stdin } = terminal();
    let quit = false;
    const done = runDashboard({ scenario: baseline, runs: 100, seed: 1, runner: endlessRunner().runner }, streams).then(() => (quit = true));
    await tick();
    stdin.type('?');
    await tick();
    stdin.type(KEYS.escape);
    await tick();
    await tick();
    expect(quit).toBe(false);
    stdin.type(KEYS.escape);
    await done;
    expect(quit).toBe(true);
  });

  it('an interrupt (SIGINT through the command line) unmounts too', async () => {
    const { streams } = terminal();
    const interrupt = new AbortController();
    const { runner, aborted } = endlessRunner();
    const done = runDashboard({ scenario: baseline, runs: 100, seed: 1, runner }, streams, interrupt.signal);
    await tick();
    interrupt.abort();
    await done;
    expect(aborted()).toBe(true);
  });

  // Opens the dashboard, makes a change and returns what the test needs to answer the quit question.
  async function withChange(keys = '+') {
    const { streams, stdin } = terminal();
    const saved: string[] = [];
    let quit = false;
    const save = (text: string) => (saved.push(text), 'scenarios/baseline-edited.yaml');
    const done = runDashboard({ scenario: baseline, runs: 100, seed: 1, runner: endlessRunner().runner, save }, streams).then(() => (quit = true));
    await tick();
    stdin.type(keys);
    await settle();
    return { stdin, saved, quitted: () => quit, done };
  }
  const settle = async () => {
    for (let i = 0; i < 4; i++) await tick();
  };

  it('q with unsaved changes asks once: q again quits without saving', async () => {
    const d = await withChange();
    d.stdin.type('q');
    await settle();
    expect(d.quitted()).toBe(false);
    d.stdin.type('q');
    await d.done;
    expect(d.saved).toEqual([]);
  });

  it('q with unsaved changes, then s: saves, then quits', async () => {
    const d = await withChange();
    d.stdin.type(KEYS.escape); // Esc asks as q does
    await settle();
    expect(d.quitted()).toBe(false);
    d.stdin.type('s');
    await d.done;
    expect(d.saved).toHaveLength(1);
    expect(d.saved[0]).toContain('changed in the brigadas dashboard');
  });

  it('q with unsaved changes, then any other key: stays, and that key does nothing else; q asks again', async () => {
    const d = await withChange();
    d.stdin.type('q');
    await settle();
    d.stdin.type('u'); // an answer, not an undo
    await settle();
    expect(d.quitted()).toBe(false);
    d.stdin.type('q');
    await settle();
    expect(d.quitted()).toBe(false);
    d.stdin.type('s'); // the change is still there to save
    await d.done;
    expect(d.saved).toHaveLength(1);
  });

  it('q in the same chunk as the change asks too; once saved, q quits at once', async () => {
    const d = await withChange('+q');
    expect(d.quitted()).toBe(false);
    d.stdin.type('x');
    await settle();
    d.stdin.type('sq');
    await d.done;
    expect(d.saved).toHaveLength(1);
  });

  it('Ctrl-C quits at once, unsaved changes or not', async () => {
    const d = await withChange();
    d.stdin.type(KEYS.ctrlC);
    await d.done;
    expect(d.saved).toEqual([]);
  });

  it('Ctrl-C typed in one chunk with other keys still quits at once', async () => {
    const d = await withChange();
    d.stdin.type(`+${KEYS.ctrlC}`);
    await d.done;
    expect(d.saved).toEqual([]);
  });
});

import { useEffect, useRef, useState } from 'react';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import type { TornadoRequest, TornadoRunner } from './dashboardRunner.js';

/** Runs a bar of the dashboard's tornado: few, so it shows within seconds; the CLI's `sensitivity` does more. */
export const TORNADO_RUNS = 30;

/** How long the metric and year must stay put before a tornado starts: keys held down start none. */
const DEBOUNCE_MS = 250;

/** The sensitivity view's tornado: the one for the metric, year and scenario shown, or why there is none yet. */
export interface TornadoState {
  readonly report?: TornadoReport;
  readonly computing: boolean;
  readonly error?: string;
}

interface Finished {
  readonly of: readonly unknown[];
  readonly report?: TornadoReport;
  readonly error?: string;
}

/**
 * Computes the tornado of a metric in a year through the injected runner while the view is `open`: a short
 * while after the metric, year or scenario last changed, aborting the one under way; closing the view (or
 * quitting) aborts it too. A tornado already computed for the same inputs is shown again at once.
 */
export function useTornado(runner: TornadoRunner, open: boolean, scenario: CompiledScenario, metric: string, year: number, seed: number): TornadoState {
  const [finished, setFinished] = useState<Finished | undefined>();
  const inputs = [runner, scenario, metric, year, seed];
  const same = (f: Finished | undefined) => f !== undefined && f.of.every((x, i) => x === inputs[i]);
  const latest = useRef(finished);
  latest.current = finished;
  useEffect(() => {
    if (!open || same(latest.current)) return;
    const controller = new AbortController();
    const request: TornadoRequest = { scenario, metric, year, runs: TORNADO_RUNS, seed };
    const timer = setTimeout(() => {
      runner(request, controller.signal).then(
        (report) => controller.signal.aborted || setFinished({ of: inputs, report }),
        (e: unknown) => controller.signal.aborted || setFinished({ of: inputs, error: e instanceof Error ? e.message : String(e) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, runner, scenario, metric, year, seed]);
  if (!same(finished)) return { computing: open };
  return { report: finished?.report, error: finished?.error, computing: false };
}

import type { FlowDef, MetricKind } from '../model/layout.js';
import type { MetricSummaries } from '../montecarlo/summarizeRuns.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { VERSION } from '../version.js';
import { scenarioIdentity } from '../scenario/scenarioIdentity.js';

/** One metric's yearly summaries across runs, arrays aligned with the report's `years`. */
export interface MetricReport {
  readonly unit: string;
  readonly kind: MetricKind;
  readonly mean: (number | null)[];
  readonly p5: (number | null)[];
  readonly p25: (number | null)[];
  readonly p50: (number | null)[];
  readonly p75: (number | null)[];
  readonly p95: (number | null)[];
}

/** What `brigadas run --format json` prints and `simulate` resolves to. */
export interface RunReport {
  readonly brigadas: string;
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly seed: number;
  readonly runs: number;
  readonly years: number[];
  readonly model: { readonly stocks: string[]; readonly flows: FlowDef[] };
  readonly metrics: Record<string, MetricReport>;
}

/** The summary statistics a report gives for each metric, in order. */
export const STATISTICS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

/** Assembles the report of a Monte Carlo of a compiled scenario from its summaries. */
export function runReport(c: CompiledScenario, seed: number, runs: number, summaries: MetricSummaries): RunReport {
  const metrics: Record<string, MetricReport> = {};
  c.layout.metrics.forEach((def, m) => {
    const cell = (stat: (typeof STATISTICS)[number]) => summaries[m].map((s) => s[stat]);
    metrics[def.name] = { unit: def.unit, kind: def.kind, mean: cell('mean'), p5: cell('p5'), p25: cell('p25'), p50: cell('p50'), p75: cell('p75'), p95: cell('p95') };
  });
  return {
    brigadas: VERSION,
    scenario: scenarioIdentity(c),
    seed,
    runs,
    years: [...c.years],
    model: { stocks: [...c.layout.stocks], flows: c.layout.flows.map((f) => ({ ...f })) },
    metrics,
  };
}

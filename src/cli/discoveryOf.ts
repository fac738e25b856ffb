import { chooseBox, type ChosenBox } from '../discovery/chooseBox.js';
import { inspectBox, type PrimInspection } from '../discovery/inspectBox.js';
import { prim } from '../discovery/prim.js';
import type { PrimResult } from '../discovery/primBox.js';
import type { PrimColumn } from '../discovery/primTable.js';
import type { DesignKind } from '../design/designKind.js';
import { collectRows } from '../montecarlo/rowsJob.js';
import { quantile } from '../random/distribution.js';
import { meets, parseCondition } from '../runtable/parseCondition.js';
import { outcomeColumns } from '../runtable/reduceOutcomes.js';
import { runTablePlan } from '../runtable/runTablePlan.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';
import { leverValueText } from '../sweep/sweepPolicies.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import { checkDesign } from './designOption.js';
import { sweptPolicies, tablePolicies } from './sweepOption.js';
import { withProgress } from './withProgress.js';

/** The most rows (runs x policies) discover holds in memory: ~60 columns of doubles each, ~1 GB at this size. */
export const MAX_DISCOVER_ROWS = 2_000_000;

/** --runs of a discovery when not given: PRIM's boxes are shares of runs, and need thousands to be steady. */
export const DISCOVER_RUNS = 5000;

/** What a scenario discovery searches: the case of interest, the runs, the swept levers and PRIM's settings. */
export interface DiscoveryRequest {
  /** The case of interest, such as 'healthWorkersAbroad@2030 < 15000'. */
  readonly outcome: string;
  readonly runs: number;
  readonly seed: number;
  readonly design: DesignKind;
  readonly sweep?: readonly string[];
  readonly minCoverage: number;
  readonly peelAlpha: number;
  readonly pasteAlpha: number;
  readonly massMin: number;
  readonly workers?: number;
  readonly quiet?: boolean;
}

/** A finished discovery: PRIM's trajectory, the box chosen on it and that box's restrictions, with what was run. */
export interface Discovery {
  readonly scenario: CompiledScenario;
  /** The case of interest as it was read. */
  readonly condition: string;
  readonly runs: number;
  readonly seed: number;
  readonly design: DesignKind;
  /** The swept policies' labels (none without --sweep). */
  readonly policies: readonly string[];
  readonly result: PrimResult;
  readonly chosen: ChosenBox;
  readonly inspection: PrimInspection;
}

/**
 * Checks a discovery before any run (the condition, the sweep, the memory it needs, that something is
 * uncertain) and returns the run to make: every run's parameters, levers and whether it is a case, then PRIM.
 */
export function prepareDiscovery(c: CompiledScenario, req: DiscoveryRequest, io: CliIo): { run(): Promise<Discovery> } {
  const condition = parseCondition(req.outcome, { metrics: c.layout.metrics, years: c.years });
  if (!condition.ok) throw new UsageError(condition.errors.join('\nbrigadas: '));
  const { sweeps, policies } = sweptPolicies(c, req.sweep === undefined ? undefined : [...req.sweep]);
  const scenarios = policies.length === 0 ? [c] : policies.map((p) => p.scenario);
  const rows = req.runs * scenarios.length;
  if (rows > MAX_DISCOVER_ROWS) throw new UsageError(`discover keeps every run in memory: --runs ${req.runs} x ${scenarios.length} policies is ${rows} runs, above ${MAX_DISCOVER_ROWS}; use fewer runs`);
  const uncertainList = uncertainParameters(c.parameters);
  if (uncertainList.length === 0 && sweeps.length === 0) throw new UsageError(`scenario '${c.name}' has no uncertain parameters and no lever is swept: nothing to search`);
  checkDesign(io, req.design, req.runs, c);
  const uncertain = uncertainList.map((p) => ({ name: p.name, integer: p.integer === true }));
  const outcomes = [condition.value.outcome];
  const plan = runTablePlan(uncertain, outcomes, tablePolicies(policies));

  return {
    async run() {
      // Every run's parameters, lever values and whether it is a case, in run order (policy after policy).
      const params = uncertain.map(() => new Float64Array(rows));
      const levers = sweeps.map(() => new Float64Array(rows));
      const cases = new Uint8Array(rows);
      let at = 0;
      try {
        await withProgress(io, req.quiet, (onProgress) =>
          collectRows(scenarios, {
            runs: req.runs,
            seed: req.seed,
            design: req.design,
            cells: plan.cells,
            parameters: plan.parameters,
            workers: defaultWorkers(req.workers, rows),
            onRows: (chunk) => {
              const k = uncertain.length;
              for (let i = 0; i < chunk.count; i++) for (let j = 0; j < k; j++) params[j][at + i] = chunk.parameters[i * k + j];
              const policy = policies[chunk.scenario];
              sweeps.forEach((s, j) => levers[j].fill(s.values.indexOf(policy.policy.settings[j].value), at, at + chunk.count));
              const [outcome] = outcomeColumns(outcomes, chunk.values, chunk.count);
              for (let i = 0; i < chunk.count; i++) cases[at + i] = meets(condition.value, outcome[i]) ? 1 : 0;
              at += chunk.count;
            },
            onProgress,
            signal: io.interrupt,
          }),
        );
      } catch (e) {
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        throw e;
      }
      const columns: PrimColumn[] = [
        ...uncertainList.map((p, j): PrimColumn => ({ name: p.name, kind: p.integer ? 'integer' : 'real', values: params[j], prior: priorRange(p.dist) })),
        ...sweeps.map((s, j): PrimColumn => ({ name: s.lever, kind: 'category', values: levers[j], levels: s.values.map((v) => leverValueText(s.lever, v)) })),
      ];
      const table = { columns, cases };
      const result = prim(table, { peelAlpha: req.peelAlpha, pasteAlpha: req.pasteAlpha, massMin: req.massMin });
      const chosen = chooseBox(result, req.minCoverage);
      return { scenario: c, condition: condition.value.text, runs: req.runs, seed: req.seed, design: req.design, policies: policies.map((p) => p.policy.label), result, chosen, inspection: inspectBox(table, chosen.box) };
    },
  };
}

// The prior's range: its support where finite, else its 0.1% and 99.9% quantiles.
function priorRange(dist: Parameters<typeof quantile>[0]): [number, number] {
  const lo = quantile(dist, 0);
  const hi = quantile(dist, 1);
  return [Number.isFinite(lo) ? lo : quantile(dist, 0.001), Number.isFinite(hi) ? hi : quantile(dist, 0.999)];
}

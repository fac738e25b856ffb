import { evaluateBatch } from '../montecarlo/evaluateBatch.js';
import type { PointBatch, SensitivityProblem } from '../montecarlo/evaluatePoints.js';
import { memoryRefusal } from '../montecarlo/memoryBudget.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { analyzeSensitivity, UndefinedMetricError, type SensitivityMethod, type SensitivityReport } from '../sensitivity/analyzeSensitivity.js';
import { maxSensitivitySamples, sensitivityBytes } from '../sensitivity/sensitivityBytes.js';
import { targetProblem } from '../sensitivity/targetProblem.js';
import { uncertainFactors } from '../sensitivity/uncertainFactors.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import { withProgress } from './withProgress.js';

/** --samples when not given: runs per tornado bar, Morris trajectories, Sobol base samples. */
export const DEFAULT_SAMPLES: Readonly<Record<SensitivityMethod, number>> = { tornado: 100, morris: 100, sobol: 1000 };

/** The report a method gives: a tornado's bars, Morris's effects, Sobol's indices. */
export type ReportOf<M extends SensitivityMethod> = Extract<SensitivityReport, { method: M }>;

/** What a sensitivity analysis explains (a metric in a year of a scenario, or a policy's effect on it) and how. */
export interface SensitivityRequest<M extends SensitivityMethod = SensitivityMethod> {
  readonly scenario: CompiledScenario;
  readonly versus?: CompiledScenario;
  readonly metric: string;
  readonly year: number;
  readonly method: M;
  readonly samples: number;
  /** Sobol only: the second-order indices too. */
  readonly secondOrder?: boolean;
  readonly seed: number;
  readonly workers?: number;
  readonly quiet?: boolean;
  /** The command as a refusal names it (default `sensitivity --method <method>`). */
  readonly asked?: string;
  /** Called with each batch of points and the metric at them (as analyzeSensitivity's option). */
  readonly onEvaluated?: (batch: PointBatch, y: Float64Array) => void | Promise<void>;
}

/**
 * Why this analysis cannot be made, checked before any run: a metric or year a scenario lacks, nothing
 * uncertain, a policy without the scenario's parameters, too few samples, or more memory than the budget.
 */
export function sensitivityProblem(t: Omit<SensitivityRequest, 'seed'>): string | undefined {
  if (t.method !== 'tornado' && t.samples < 2) return `--samples ${t.samples}: ${t.method} needs at least 2`;
  if (t.secondOrder === true && t.method !== 'sobol') return `--second-order: only --method sobol has second-order indices (got --method ${t.method})`;
  for (const s of t.versus === undefined ? [t.scenario] : [t.scenario, t.versus]) {
    const p = targetProblem(s, t.metric, t.year);
    if (p !== undefined) return p;
  }
  const factors = uncertainFactors(t.scenario.parameters);
  if (factors.length === 0) return `scenario '${t.scenario.name}' has no uncertain parameters (every distribution is fixed): nothing to analyse`;
  const versus = t.versus;
  const missing = versus === undefined ? [] : factors.filter((f) => !versus.parameters.some((p) => p.name === f.name));
  if (versus !== undefined && missing.length > 0) {
    return `${versus.file} has no parameter ${missing.map((f) => f.name).join(', ')} of ${t.scenario.file}; a policy must share the uncertain parameters it is compared on`;
  }
  const size = { secondOrder: t.secondOrder === true };
  return memoryRefusal(
    `${t.asked ?? `sensitivity --method ${t.method}`} --samples ${t.samples} with ${factors.length} factors`,
    sensitivityBytes(t.method, t.samples, factors.length, size),
    `use --samples ${maxSensitivitySamples(t.method, factors.length, size)} or fewer`,
  );
}

/** Throws sensitivityProblem's answer as a usage error (exit 2), before any output file is opened or run made. */
export function checkSensitivity(t: Omit<SensitivityRequest, 'seed'>): void {
  const problem = sensitivityProblem(t);
  if (problem !== undefined) throw new UsageError(problem);
}

/** The model's side of a request: the scenario, its uncertain parameters as factors, the metric, year and seed. */
export function problemOf(t: SensitivityRequest): SensitivityProblem {
  return { scenario: t.scenario, factors: uncertainFactors(t.scenario.parameters), seed: t.seed, metric: t.metric, year: t.year, versus: t.versus };
}

/**
 * Runs the analysis `brigadas sensitivity` runs, on the worker pool when the batch pays for starting it
 * (else in this thread, a task at a time, so Ctrl-C is heard), with progress; the numbers are the same.
 */
export async function sensitivityOf<M extends SensitivityMethod>(t: SensitivityRequest<M>, io: CliIo): Promise<ReportOf<M>> {
  const problem = problemOf(t);
  try {
    const report = await analyzeSensitivity(
      problem,
      t.method,
      t.samples,
      (batch) => withProgress(io, t.quiet, (onProgress) => evaluateBatch(problem, batch, { workers: defaultWorkers(t.workers, batch.runs.length), onProgress, signal: io.interrupt })),
      { secondOrder: t.secondOrder === true, onEvaluated: t.onEvaluated },
    );
    return report as ReportOf<M>;
  } catch (e) {
    if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(t.scenario, e)]);
    if (e instanceof UndefinedMetricError) throw new UsageError(e.message);
    throw e;
  }
}

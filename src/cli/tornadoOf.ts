import { evaluateBatch } from '../montecarlo/evaluateBatch.js';
import type { SensitivityProblem } from '../montecarlo/evaluatePoints.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { analyzeSensitivity, UndefinedMetricError, type TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import { targetProblem } from '../sensitivity/targetProblem.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import { withProgress } from './withProgress.js';

/** What a figure's tornado analyses: a metric in a year of a scenario, or a policy's effect on it. */
export interface TornadoRequest {
  readonly scenario: CompiledScenario;
  readonly versus?: CompiledScenario;
  readonly metric: string;
  readonly year: number;
  readonly samples: number;
  readonly seed: number;
  readonly workers?: number;
  readonly quiet?: boolean;
}

/** Why a tornado cannot be made for this request (a metric or year the scenarios lack, nothing uncertain), or undefined. */
export function tornadoProblem(t: Omit<TornadoRequest, 'samples' | 'seed'>): string | undefined {
  for (const s of t.versus === undefined ? [t.scenario] : [t.scenario, t.versus]) {
    const p = targetProblem(s, t.metric, t.year);
    if (p !== undefined) return p;
  }
  if (uncertainParameters(t.scenario.parameters).length === 0) return `scenario '${t.scenario.name}' has no uncertain parameters (every distribution is fixed): nothing to analyse`;
  const versus = t.versus;
  const missing = versus === undefined ? [] : uncertainParameters(t.scenario.parameters).filter((f) => !versus.parameters.some((p) => p.name === f.name));
  if (missing.length > 0) return `${versus?.name} has no parameter ${missing.map((f) => f.name).join(', ')} of ${t.scenario.name}; a policy must share the uncertain parameters it is compared on`;
  return undefined;
}

/** Runs the tornado analysis `sensitivity --method tornado` runs, on the pool when it pays, with progress. */
export async function tornadoOf(t: TornadoRequest, io: CliIo): Promise<TornadoReport> {
  const problem: SensitivityProblem = { scenario: t.scenario, factors: uncertainParameters(t.scenario.parameters), seed: t.seed, metric: t.metric, year: t.year, versus: t.versus };
  try {
    const report = await analyzeSensitivity(problem, 'tornado', t.samples, (batch) =>
      withProgress(io, t.quiet, (onProgress) => evaluateBatch(problem, batch, { workers: defaultWorkers(t.workers, batch.runs.length), onProgress, signal: io.interrupt })),
    );
    return report as TornadoReport;
  } catch (e) {
    if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(t.scenario, e)]);
    if (e instanceof UndefinedMetricError) throw new UsageError(e.message);
    throw e;
  }
}

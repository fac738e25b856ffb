// The worker-thread entry for the dashboard's single-threaded jobs: compareScenarios and the tornado run in one
// thread and would freeze the screen for seconds, so they run here, on scenarios compiled from the texts the
// main thread read.
import { parentPort, workerData } from 'node:worker_threads';
import { CompareRangeError, compareScenarios } from '../compare/compareScenarios.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { analyzeSensitivity, type TornadoReport } from '../sensitivity/analyzeSensitivity.js';
import { evaluatePoints, type SensitivityProblem } from '../montecarlo/evaluatePoints.js';
import { targetProblem } from '../sensitivity/targetProblem.js';
import { uncertainFactors } from '../sensitivity/uncertainFactors.js';
import type { ScenarioTexts, TornadoJob, WorkerJob, WorkerReply } from './workerProtocol.js';

function compile(s: ScenarioTexts): CompiledScenario {
  const entry = s.sources.find((x) => x.file === s.file);
  const result = parseScenario(entry?.text ?? '', s.file, memoryFilePort(s.sources));
  if (!result.ok) throw new Error(formatDiagnostic(result.errors[0]));
  return result.value;
}

// The problems a user can fix (a metric without a value, a value out of range) come back as Errors in words.
async function tornado(job: TornadoJob): Promise<TornadoReport> {
  const c = compile(job.scenario);
  const wrong = targetProblem(c, job.metric, job.year);
  if (wrong !== undefined) throw new Error(wrong);
  const factors = uncertainFactors(c.parameters);
  if (factors.length === 0) throw new Error(`scenario '${c.name}' has no uncertain parameters: nothing to analyse`);
  const problem: SensitivityProblem = { scenario: c, factors, seed: job.seed, metric: job.metric, year: job.year };
  try {
    const report = await analyzeSensitivity(problem, 'tornado', job.runs, (batch) => evaluatePoints(problem, batch));
    if (report.method !== 'tornado') throw new Error(`expected a tornado, got ${report.method}`);
    return report;
  } catch (e) {
    if (e instanceof ValueRangeError) throw new Error(formatDiagnostic(rangeDiagnostic(c, e)));
    throw e;
  }
}

async function reply(job: WorkerJob): Promise<WorkerReply> {
  try {
    switch (job.type) {
      case 'compare':
        return { type: 'compare', report: await compareScenarios(compile(job.base), [compile(job.alternative)], { runs: job.runs, seed: job.seed }) };
      case 'tornado':
        return { type: 'tornado', report: await tornado(job) };
      default:
        return job satisfies never;
    }
  } catch (e) {
    if (e instanceof CompareRangeError) return { type: 'failure', message: formatDiagnostic(rangeDiagnostic(e.scenario, e)) };
    return { type: 'failure', message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.postMessage(await reply(workerData as WorkerJob));

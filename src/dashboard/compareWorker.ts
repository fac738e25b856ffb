// The worker-thread entry that compares two scenarios for the dashboard: compareScenarios runs in one thread
// and would freeze the screen for seconds, so it runs here, compiled from the texts the main thread read.
import { parentPort, workerData } from 'node:worker_threads';
import { CompareRangeError, compareScenarios } from '../compare/compareScenarios.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import type { CompareJob, CompareReply, ScenarioTexts } from './compareProtocol.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';

function compile(s: ScenarioTexts): CompiledScenario {
  const entry = s.sources.find((x) => x.file === s.file);
  const result = parseScenario(entry?.text ?? '', s.file, memoryFilePort(s.sources));
  if (!result.ok) throw new Error(formatDiagnostic(result.errors[0]));
  return result.value;
}

function reply(job: CompareJob): CompareReply {
  try {
    const report = compareScenarios(compile(job.base), [compile(job.alternative)], { runs: job.runs, seed: job.seed });
    return { type: 'report', report };
  } catch (e) {
    if (e instanceof CompareRangeError) return { type: 'failure', message: formatDiagnostic(rangeDiagnostic(e.scenario, e)) };
    return { type: 'failure', message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.postMessage(reply(workerData as CompareJob));

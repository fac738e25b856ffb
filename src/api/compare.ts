import { CompareRangeError, compareScenarios, type CompareReport } from '../compare/compareScenarios.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { checkScenario, checkScenarios } from './checkArguments.js';
import { ScenarioRunError } from './scenarioRunError.js';
import { checkSimulateOptions, type SimulateOptions } from './simulateOptions.js';

/**
 * Simulates a baseline and its alternatives on common random numbers and resolves to each one's report and
 * the run-by-run differences from the baseline (what `brigadas compare --format json` prints); rejects like
 * `simulate` (a TypeError also when `alternatives` is not an array of scenarios), and with a RangeError
 * when the scenarios cover different months.
 */
export async function compare(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: SimulateOptions): Promise<CompareReport> {
  checkScenario('compare', 'the baseline', baseline);
  checkScenarios('compare', 'alternatives', alternatives);
  const { runs, seed, workers = 1 } = checkSimulateOptions(options, 'compare');
  try {
    // One worker (the default) runs in this thread; more run on a worker pool, with identical results.
    return await compareScenarios(baseline, alternatives, { runs, seed, workers });
  } catch (e) {
    throw e instanceof CompareRangeError ? ScenarioRunError.of(e.scenario, e) : e;
  }
}

import { CompareRangeError, compareScenarios, type CompareReport } from '../compare/compareScenarios.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ScenarioRunError } from './scenarioRunError.js';
import { checkSimulateOptions, type SimulateOptions } from './simulateOptions.js';

/**
 * Simulates a baseline and its alternatives on common random numbers and resolves to each one's report and
 * the run-by-run differences from the baseline (what `brigadas compare --format json` prints); rejects like
 * `simulate`, and with a RangeError when the scenarios cover different months.
 */
export async function compare(baseline: CompiledScenario, alternatives: readonly CompiledScenario[], options: SimulateOptions): Promise<CompareReport> {
  const { runs, seed } = checkSimulateOptions(options);
  try {
    return compareScenarios(baseline, alternatives, { runs, seed });
  } catch (e) {
    throw e instanceof CompareRangeError ? ScenarioRunError.of(e.scenario, e) : e;
  }
}

import { runMonteCarlo } from '../montecarlo/runMonteCarlo.js';
import { runReport, type RunReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { checkScenario } from './checkArguments.js';
import { ScenarioRunError } from './scenarioRunError.js';
import { checkSimulateOptions, type SimulateOptions } from './simulateOptions.js';

/**
 * Runs a scenario's Monte Carlo and resolves to the report `brigadas run --format json` prints; rejects with
 * a TypeError for a wrong kind of argument (a load result instead of its value, an unknown option), a
 * RangeError for options out of range and a ScenarioRunError when an expression leaves its range in some run.
 */
export async function simulate(scenario: CompiledScenario, options: SimulateOptions): Promise<RunReport> {
  checkScenario('simulate', 'the scenario', scenario);
  const { runs, seed, workers } = checkSimulateOptions(options, 'simulate');
  try {
    // One worker (the default) runs in this thread; more run on a worker pool, with identical results.
    return runReport(scenario, seed, runs, await runMonteCarlo(scenario, { runs, seed, workers }));
  } catch (e) {
    throw e instanceof ValueRangeError ? ScenarioRunError.of(scenario, e) : e;
  }
}

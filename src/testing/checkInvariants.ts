import type { RunReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { factsOfScenario } from './knownFacts.js';
import { reportViolations } from './reportViolations.js';
import type { Violation } from './violation.js';

/**
 * Checks a report of `simulate` (or `brigadas run --format json`) against the model's invariants (INVARIANTS),
 * given its scenario also against what that scenario fixes (initial stocks, retention ranges), and returns
 * each violation with its invariant, metric and year: none when all hold.
 */
export function checkInvariants(report: RunReport, scenario?: CompiledScenario): Violation[] {
  return reportViolations(report, factsOfScenario(scenario));
}

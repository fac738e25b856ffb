import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic, type Diagnostic } from '../scenario/diagnostic.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import type { ValueRangeError } from '../scenario/resolveRun.js';

/** A scenario that compiled but gave a value outside its legal range in some run, with where it was written. */
export class ScenarioRunError extends Error {
  override readonly name = 'ScenarioRunError';

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }

  /** The error of a value out of range in a run of scenario `c`, located in the file that wrote it. */
  static of(c: CompiledScenario, e: ValueRangeError): ScenarioRunError {
    return new ScenarioRunError([rangeDiagnostic(c, e)]);
  }
}

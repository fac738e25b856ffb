import { ValueRangeError } from '../scenario/resolveRun.js';

/**
 * A ValueRangeError from one of several scenarios run together (a comparison), saying which by its index:
 * callers that only know ValueRangeError still catch it.
 */
export class ScenarioRangeError extends ValueRangeError {
  constructor(
    readonly scenario: number,
    cause: ValueRangeError,
  ) {
    super(cause.path, cause.detail);
  }
}

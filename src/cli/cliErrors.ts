import type { Diagnostic } from '../scenario/diagnostic.js';

/** A mistake in how the command was called: exit 2 and the message. */
export class UsageError extends Error {}

/** Input (a scenario, a targets file) that failed its checks: exit 3 and every located problem. */
export class InvalidInput extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('invalid input');
  }
}

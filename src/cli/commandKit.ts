import type { CompiledScenario } from '../scenario/compiled.js';
import type { Diagnostic } from '../scenario/diagnostic.js';
import type { CliIo } from './main.js';

/** What a command borrows from the program it joins: its output, scenario loading, option parsers and error kinds. */
export interface CommandKit {
  readonly io: CliIo;
  readonly load: (file: string) => CompiledScenario;
  readonly parseRuns: (text: string) => number;
  readonly parseSeed: (text: string) => number;
  readonly parseWorkers: (text: string) => number;
  /** An error that ends the command with exit 2 and its message. */
  readonly usageError: (message: string) => Error;
  /** An error that ends the command with exit 3 and the located problems. */
  readonly invalidInput: (diagnostics: readonly Diagnostic[]) => Error;
}

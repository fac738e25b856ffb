import { Option, type Command } from 'commander';
import type { CompiledScenario } from '../scenario/compiled.js';
import { formatOfName, type OutputFormat, type OutputKind } from './outputKind.js';
import { outputTarget, type InputFile, type OutputTarget } from './outputTarget.js';

/** The options every command that writes --out shares. */
export interface OutOptions {
  readonly out?: string;
  readonly force?: boolean;
}

/** The --format option of a command that prints a table, JSON or CSV; without it, the --out file's name decides. */
export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table', 'table, or as the --out name says: .json, .csv');
}

/** Adds --out (described as `what`) and --force to a command. */
export function addOutOptions(command: Command, what = 'write the output to a file (whole or not at all), a pipe or a device instead of stdout'): Command {
  return command
    .option('-o, --out <file>', what)
    .option('--force', 'write --out even when its name does not suit the output (a table into .yaml, CSV over notes.md)');
}

/** The format to write: --format when given, else the one the --out name implies (`.json`, `.csv`), else the table. */
export function chosenFormat(command: Command, opts: { format: OutputFormat; out?: string }): OutputFormat {
  const given = command.getOptionValueSource('format') !== 'default';
  return given || opts.out === undefined ? opts.format : formatOfName(opts.out);
}

/** Every file of the scenarios and what they extend, as inputs --out must not replace. */
export function scenarioInputs(scenarios: readonly CompiledScenario[]): InputFile[] {
  return scenarios.flatMap((c) => c.merged.sources.map((s) => ({ file: s.file, role: 'a scenario file' })));
}

/** Checks --out before the command runs (see outputTarget); undefined when the output goes to stdout. */
export function prepareOut(opts: OutOptions, kind: OutputKind, inputs: readonly InputFile[]): OutputTarget | undefined {
  if (opts.out === undefined) return undefined;
  return outputTarget({ out: opts.out, kind, force: opts.force === true, inputs });
}

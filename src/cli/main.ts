import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { MonteCarloAborted, runMonteCarlo } from '../montecarlo/runMonteCarlo.js';
import { formatCsv } from '../report/formatCsv.js';
import { formatJson } from '../report/formatJson.js';
import { formatTable } from '../report/formatTable.js';
import { runReport } from '../report/runReport.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { formatDiagnostic, isUnreadable, type Diagnostic } from '../scenario/diagnostic.js';
import { loadScenarioWith } from '../scenario/loadScenario.js';
import { probeScenario, rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { registerBacktest } from './backtestCommand.js';
import { registerCalibrate } from './calibrateCommand.js';
import { registerCompare } from './compareCommand.js';
import { compileOnWorkerThreads } from './compileOnWorkerThreads.js';
import { registerDashboard } from './dashboardCommand.js';
import { defaultWorkers } from './defaultWorkers.js';
import { examples } from './examples.js';
import { EXIT } from './exitCodes.js';
import { nodeFilePort } from './nodeFilePort.js';
import { OutputError } from './outputError.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from './outputOptions.js';
import { parseYears, yearsProblem } from './parseYears.js';
import { progressLine } from './progress.js';
import { registerSensitivity } from './sensitivityCommand.js';
import { writeOutput } from './writeOutput.js';

/** Where the command line writes: injected so tests run the CLI in-process and read what it printed. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal, where progress is shown. */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout is a terminal, where `run` without --format and `dashboard` open the dashboard. */
  readonly stdoutIsTTY?: boolean;
  /** Aborts long work (Ctrl-C). */
  readonly interrupt?: AbortSignal;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
};

let pipeGuarded = false;

// A reader that stops early (`brigadas run ... | head`) closes the pipe: the rest is unwanted, not a crash
// with a stack trace. Other write errors are runtime failures, said in one line.
function guardStdout(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`brigadas: cannot write the output: ${e.message}\n`);
    process.exitCode = EXIT.runtime;
  });
}

/** A mistake in how the command was called (exit 2). */
class UsageError extends Error {}
/** A scenario that failed its checks (exit 3), with every located problem. */
class InvalidScenario extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('invalid scenario');
  }
}

const MAX_RUNS = 10_000_000;

function parseRuns(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`expected a whole number of runs from 1 to ${MAX_RUNS} (got '${text}')`);
  const n = Number(text);
  if (n < 1 || n > MAX_RUNS) throw new InvalidArgumentError(`expected a whole number of runs from 1 to ${MAX_RUNS} (got ${text})`);
  return n;
}

function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new InvalidArgumentError(`expected a whole number such as 1 or 20261125 (got '${text}')`);
  }
  return Number(text);
}

function parseWorkers(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 256) {
    throw new InvalidArgumentError(`expected a whole number of worker threads from 1 to 256 (got '${text}')`);
  }
  return Number(text);
}

interface RunCommandOptions {
  runs: number;
  seed: number;
  format: 'table' | 'json' | 'csv';
  out?: string;
  workers?: number;
  force?: boolean;
  years?: number[];
  quiet?: boolean;
}

/** Runs the Monte Carlo of a command: on the worker pool, with a progress line on a terminal, stoppable by Ctrl-C. */
async function monteCarlo(c: CompiledScenario, opts: RunCommandOptions, io: CliIo) {
  const progress = io.stderrIsTTY && !opts.quiet ? progressLine(io.stderr) : undefined;
  try {
    return await runMonteCarlo(c, {
      runs: opts.runs,
      seed: opts.seed,
      workers: defaultWorkers(opts.workers, opts.runs),
      onProgress: progress?.onProgress,
      signal: io.interrupt,
    });
  } catch (e) {
    if (e instanceof ValueRangeError) throw new InvalidScenario([rangeDiagnostic(c, e)]);
    throw e;
  } finally {
    progress?.clear();
  }
}

function load(file: string): CompiledScenario {
  const result = loadScenarioWith(file, nodeFilePort);
  if (result.ok) return result.value;
  // A file that cannot be read has no line to point at: say so plainly, as a usage error (exit 2).
  const unreadable = result.errors.find(isUnreadable);
  if (unreadable) throw new UsageError(unreadable.message);
  throw new InvalidScenario(result.errors);
}

/** Builds the brigadas program; `main` runs it, tests may inspect it. */
export function makeProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('brigadas')
    .description("Monte Carlo scenarios of Cuba's overseas medical missions")
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    // One prefix for every message that is not located in a file: commander's own say `error:`.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text.replace(/^error: /, 'brigadas: ')), ...plainOutput(io) })
    .showHelpAfterError('(run brigadas --help for usage)')
    .addHelpText('after', examples('run scenarios/baseline.yaml', 'compare scenarios/baseline.yaml scenarios/parole-reinstated-2027.yaml', 'run --help'));

  const run = program
    .command('run')
    .description('run a scenario many times and summarize each metric per calendar year')
    .argument('<scenario>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of Monte Carlo runs', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .addOption(formatOption())
    .option('-y, --years <years>', "the table's years, such as 2027,2028,2035 or 2026..2030 (default: every fifth year and the last)", parseYears);
  addOutOptions(run)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('run scenarios/baseline.yaml --runs 1000 --seed 1', 'run scenarios/parole-reinstated-2027.yaml --out parole.csv', 'run scenarios/baseline.yaml --format json --quiet > report.json'))
    .action(async (file: string, opts: RunCommandOptions, command: Command) => {
      // On a terminal, with no format asked for and no --out, `run` shows the dashboard instead of the table.
      if (io.stdoutIsTTY && opts.out === undefined && command.getOptionValueSource('format') === 'default') return openDashboard(file, opts);
      const format = chosenFormat(command, opts);
      const c = load(file);
      // Before the runs: a refusal should not come after minutes of waiting.
      const problem = yearsProblem(opts.years, c.years, format);
      if (problem !== undefined) throw new UsageError(problem);
      const out = prepareOut(opts, format, scenarioInputs([c]));
      const summaries = await monteCarlo(c, opts, io);
      const report = runReport(c, opts.seed, opts.runs, summaries);
      await writeOutput(io, out, format === 'json' ? formatJson(report) : format === 'csv' ? formatCsv(report) : formatTable(report, opts.years));
    });

  program
    .command('validate')
    .description('check scenario files without running them; prints every problem found')
    .argument('<files...>', 'scenario YAML files')
    .addHelpText('after', examples('validate scenarios/*.yaml'))
    .action((files: string[]) => {
      let invalid = false;
      let unreadable = false;
      // Each file's problems are said as it is checked, so they come in the order the files were given.
      for (const file of files) {
        const result = loadScenarioWith(file, nodeFilePort);
        const found = result.ok ? probeScenario(result.value) : [...result.errors];
        if (found.length === 0 && result.ok) {
          const c = result.value;
          io.stdout(`${file}: ok (${c.name}: ${c.start} to ${c.end}, ${c.parameters.length} parameters, ${c.hosts.length} hosts, ${c.events.length} events)\n`);
        }
        for (const d of found) {
          if (isUnreadable(d)) {
            unreadable = true;
            io.stderr(`brigadas: ${d.message}\n`);
          } else {
            invalid = true;
            io.stderr(`${formatDiagnostic(d)}\n`);
          }
        }
      }
      // Everything is said already: end with the exit code alone, 2 when a file could not be read, else 3.
      if (unreadable) throw new CommanderError(EXIT.usage, 'brigadas.unreadable', 'a file could not be read');
      if (invalid) throw new InvalidScenario([]);
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .addHelpText('after', examples('schema > schema/scenario.schema.json'))
    .action(() => {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  const kit = { io, load, parseRuns, parseSeed, parseWorkers, usageError: (m: string) => new UsageError(m), invalidInput: (d: readonly Diagnostic[]) => new InvalidScenario(d) };
  registerBacktest(program, kit);
  registerCalibrate(program, kit);
  registerCompare(program, kit);
  registerSensitivity(program, kit);
  const table = async (c: CompiledScenario, o: { runs: number; seed: number; workers?: number; quiet?: boolean }) =>
    formatTable(runReport(c, o.seed, o.runs, await monteCarlo(c, { ...o, format: 'table' }, io)));
  const openDashboard = registerDashboard(program, { ...kit, table });

  return program;
}

// Injected writers are not the terminal commander would measure: wrap help at 80 columns without colour, so
// what tests read does not depend on the terminal that runs them.
function plainOutput(io: CliIo): object {
  if (io === processIo) return {};
  return { getOutHelpWidth: () => 80, getErrHelpWidth: () => 80, getOutHasColors: () => false, getErrHasColors: () => false };
}

/** Runs the brigadas command line on arguments (without `node` and the script) and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  let detach = () => {};
  if (io === processIo) {
    guardStdout();
    compileOnWorkerThreads();
    // Ctrl-C aborts the runs; the command then exits 130 without writing anything.
    const interrupt = new AbortController();
    const onSignal = () => interrupt.abort();
    process.once('SIGINT', onSignal);
    detach = () => process.removeListener('SIGINT', onSignal);
    io = { ...io, interrupt: interrupt.signal };
  }
  const program = makeProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof MonteCarloAborted) {
      io.stderr('brigadas: interrupted; nothing was written\n');
      return EXIT.interrupted;
    }
    if (e instanceof CommanderError) {
      // Help and version asked for are successes; help shown for want of a command (bare `brigadas`, `brigadas
      // help nonsense`), exit code 1 from commander, and everything else commander raises are usage errors.
      const asked = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0);
      return asked ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof InvalidScenario) {
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return EXIT.invalidScenario;
    }
    if (e instanceof OutputError) {
      io.stderr(`brigadas: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof UsageError) {
      io.stderr(`brigadas: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`brigadas: internal error: ${err.message}\n`);
    if (debug && err.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('(run again with --debug for details)\n');
    return EXIT.runtime;
  } finally {
    detach();
  }
}

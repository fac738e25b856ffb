import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { compareProblem, CompareRangeError, compareScenarios } from '../../compare/compareScenarios.js';
import { formatCompareTable } from '../../compare/formatCompareTable.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import type { CompiledScenario } from '../../scenario/compiled.js';
import { saveEdited } from '../../dashboard/saveEdited.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { defaultWorkers } from '../defaultWorkers.js';
import { examples } from '../examples.js';
import { runTableText } from '../monteCarloSummaries.js';
import { withProgress } from '../withProgress.js';

/** The options of `brigadas dashboard` (and of `brigadas run` when it opens the dashboard). */
export interface DashboardOptions {
  readonly runs: number;
  readonly seed: number;
  readonly workers?: number;
  /** No progress line on stderr while the table is made off a terminal. */
  readonly quiet?: boolean;
  /** An alternative scenario file to compare with the scenario, the baseline. */
  readonly compare?: string;
}

// Re-exported: where `s` saves is part of the command's documented behaviour.
export { editedFileName } from '../../dashboard/saveEdited.js';

// Entering keeps the cursor where it was: move it home, or Ink's first frame starts mid-screen and scrolls.
const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

// Off a terminal, `dashboard --compare` prints what `brigadas compare` prints for the same runs and seed.
async function compareTable(io: CliIo, base: CompiledScenario, alternative: CompiledScenario, opts: DashboardOptions): Promise<string> {
  try {
    const { runs, seed } = opts;
    const workers = defaultWorkers(opts.workers, runs);
    return formatCompareTable(await withProgress(io, opts.quiet, (onProgress) => compareScenarios(base, [alternative], { runs, seed, workers, onProgress, signal: io.interrupt })));
  } catch (e) {
    if (e instanceof CompareRangeError) throw new InvalidInput([rangeDiagnostic(e.scenario, e)]);
    throw e;
  }
}

/**
 * Opens the dashboard on a scenario (and an alternative with `compare`) when stdout is a terminal; otherwise
 * prints the table `brigadas run` prints (`brigadas compare`'s, with `compare`). The terminal is given back as it was (the alternate screen left)
 * however the dashboard ends: a quit, Ctrl-C, an error or the process exiting.
 */
export async function openDashboard(io: CliIo, file: string, opts: DashboardOptions): Promise<void> {
  const scenario = loadScenarioFile(file);
  const compare = opts.compare === undefined ? undefined : loadScenarioFile(opts.compare);
  if (compare) {
    const problem = compareProblem(scenario, [compare]);
    if (problem !== undefined) throw new UsageError(problem);
  }
  if (!io.stdoutIsTTY) {
    io.stdout(compare === undefined ? await runTableText(scenario, opts, io) : await compareTable(io, scenario, compare, opts));
    return;
  }
  // Ink's colours ignore NO_COLOR; FORCE_COLOR=0 turns them off, and must be set before Ink loads.
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const [{ runDashboard }, { poolRunner }, { openWorkerPool }] = await Promise.all([
    import('../../dashboard/runDashboard.js'),
    import('../../dashboard/poolRunner.js'),
    import('../../montecarlo/workerPool.js'),
  ]);
  // At least two workers, even on one core: the UI thread must stay free for keys while runs go on. One pool
  // for the whole session: a pass (a moved lever) then costs no thread start nor scenario compilation.
  const workers = opts.workers ?? Math.max(2, availableParallelism());
  const pool = openWorkerPool(workers);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  // Said again once the dashboard's screen is gone, so the user still sees where a save went.
  const saved: string[] = [];
  const save = (text: string, original: string) => {
    const path = saveEdited(text, original);
    saved.push(path);
    return path;
  };
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  try {
    await runDashboard(
      { scenario, compare, runs: opts.runs, seed: opts.seed, runner: poolRunner(pool), save },
      { stdout: process.stdout, stdin: process.stdin, stderr: process.stderr },
      io.interrupt,
    );
  } finally {
    restore();
    process.removeListener('exit', restore);
    for (const path of saved) io.stderr(`saved the edited scenario as ${path}\n`);
    await pool.close();
  }
}

/** Adds `brigadas dashboard` to the program. */
export function registerDashboard(program: Command, io: CliIo): void {
  program
    .command('dashboard')
    .description('explore a scenario in the terminal: fan charts, a year cursor, the policy timeline and levers to move (prints the run table when not a terminal)')
    .argument('<scenario>', 'scenario YAML file')
    .option('-c, --compare <other>', 'an alternative scenario to compare with, run by run on the same random numbers')
    .option('-n, --runs <n>', 'number of Monte Carlo runs', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, at least 2); the results are the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr (when not a terminal)')
    .addHelpText('after', examples('dashboard scenarios/baseline.yaml', 'dashboard scenarios/baseline.yaml --compare scenarios/parole-reinstated-2027.yaml --runs 2000'))
    .action((file: string, opts: DashboardOptions) => openDashboard(io, file, opts));
}

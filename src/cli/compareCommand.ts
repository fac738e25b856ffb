import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { compareMemoryProblem, compareProblem, CompareRangeError, compareScenarios, compareScenariosOnPool } from '../compare/compareScenarios.js';
import { formatCompareCsv } from '../compare/formatCompareCsv.js';
import { formatCompareTable } from '../compare/formatCompareTable.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import type { CommandKit } from './commandKit.js';
import { defaultWorkers } from './defaultWorkers.js';
import { writeAtomic } from './writeAtomic.js';

/** What the commands that write output borrow from the program, on top of the backtest's kit: the --out check. */
export interface OutputKit extends CommandKit {
  /** Throws a usage error when --out names a missing folder or a folder. */
  readonly checkOutPath: (out: string) => void;
}

/** The --format option of a command that prints a table, JSON or CSV. */
export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table');
}

/** Refuses an --out that names a file of the scenarios (or their `extends` chain): results never overwrite input. */
export function checkOutTarget(kit: OutputKit, out: string | undefined, scenarios: readonly CompiledScenario[]): void {
  if (out === undefined) return;
  const target = resolve(out);
  if (scenarios.some((c) => c.merged.sources.some((s) => resolve(s.file) === target))) {
    throw kit.usageError(`--out ${out} is a scenario file of this command; refusing to overwrite it`);
  }
}

/** Writes a command's output to --out (whole or not at all) or to stdout. */
export function emit(kit: OutputKit, out: string | undefined, text: string): void {
  if (out !== undefined) writeAtomic(out, text);
  else kit.io.stdout(text);
}

/** Adds `brigadas compare` to the program: alternatives against a baseline, run by run on common random numbers. */
export function registerCompare(program: Command, kit: OutputKit): void {
  program
    .command('compare')
    .description('run scenarios on the same random numbers and summarize each alternative minus the baseline, run by run')
    // Short argument names keep the command list of `brigadas --help` narrow enough to wrap at 80 columns.
    .argument('<base>', 'the baseline scenario YAML file')
    .argument('<alt...>', 'alternative scenario YAML files, each compared with the baseline')
    .option('-n, --runs <n>', 'number of Monte Carlo runs of each scenario', kit.parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', kit.parseSeed, 1)
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the output to a file (whole or not at all) instead of stdout')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', kit.parseWorkers)
    .action(async (baselineFile: string, alternativeFiles: string[], opts: { runs: number; seed: number; format: 'table' | 'json' | 'csv'; out?: string; workers?: number }) => {
      if (opts.out !== undefined) kit.checkOutPath(opts.out);
      const baseline = kit.load(baselineFile);
      const alternatives = alternativeFiles.map((f) => kit.load(f));
      checkOutTarget(kit, opts.out, [baseline, ...alternatives]);
      const { runs, seed } = opts;
      const problem = compareProblem(baseline, alternatives) ?? compareMemoryProblem(baseline, alternatives, { runs, seed });
      if (problem !== undefined) throw kit.usageError(problem);
      const workers = defaultWorkers(opts.workers, runs);
      let report;
      try {
        report =
          workers > 1
            ? await compareScenariosOnPool(baseline, alternatives, { runs, seed, workers, signal: kit.io.interrupt })
            : compareScenarios(baseline, alternatives, { runs, seed });
      } catch (e) {
        if (e instanceof CompareRangeError) throw kit.invalidInput([rangeDiagnostic(e.scenario, e)]);
        throw e;
      }
      const text = opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'csv' ? formatCompareCsv(report) : formatCompareTable(report);
      emit(kit, opts.out, text);
    });
}

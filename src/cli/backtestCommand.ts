import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { formatBacktestCsv } from '../backtest/formatBacktestCsv.js';
import { formatBacktestJson } from '../backtest/formatBacktestJson.js';
import { formatBacktestTable } from '../backtest/formatBacktestTable.js';
import { parseTargets } from '../backtest/parseTargets.js';
import { resolveTargets } from '../backtest/resolveTargets.js';
import { runBacktest } from '../backtest/runBacktest.js';
import type { Target } from '../backtest/target.js';
import { rangeDiagnostic } from '../scenario/probeScenario.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import type { CommandKit } from './commandKit.js';
import { examples } from './examples.js';
import { readTextFile } from './nodeFilePort.js';
import type { OutputFormat } from './outputKind.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from './outputOptions.js';
import { progressLine } from './progress.js';
import { writeOutput } from './writeOutput.js';

// The defaults belong to the package, not to wherever the command is run from: from src/cli or dist/cli,
// the package root is two folders up.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the package, named relative to the working directory when it lies below it (as a user would type it). */
export function packageFile(path: string): string {
  const absolute = join(PACKAGE_ROOT, path);
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** Reads the targets file (default: the package's data/history.csv), or ends the command: exit 2 when unreadable, 3 when invalid. */
export function readTargets(kit: CommandKit, option: string | undefined): { file: string; targets: Target[] } {
  const file = option ?? packageFile('data/history.csv');
  const read = readTextFile(file);
  if (!read.ok) throw kit.usageError(`--targets: ${read.message}`);
  const parsed = parseTargets(read.text, file);
  if (!parsed.ok) throw kit.invalidInput(parsed.errors);
  return { file, targets: parsed.value };
}

interface BacktestOptions {
  runs: number;
  seed: number;
  format: OutputFormat;
  targets?: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

/** Adds `brigadas backtest` to the program: a scenario's runs judged against the observed history. */
export function registerBacktest(program: Command, kit: CommandKit): void {
  const backtest = program
    .command('backtest')
    .description('compare a scenario with the observed history it should reproduce (data/history.csv)')
    .argument('[scenario]', 'scenario YAML file (default: the package\'s scenarios/baseline.yaml)')
    .option('-n, --runs <n>', 'number of Monte Carlo runs', kit.parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', kit.parseSeed, 1)
    .addOption(formatOption())
    .option('-t, --targets <file>', "observed targets, CSV (default: the package's data/history.csv)");
  addOutOptions(backtest)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('backtest --runs 1000', 'backtest scenarios/priors.yaml --targets data/history.csv --out backtest.csv'))
    .action(async (file: string | undefined, opts: BacktestOptions, command: Command) => {
      const format = chosenFormat(command, opts);
      const { file: targetsFile, targets } = readTargets(kit, opts.targets);
      const c = kit.load(file ?? packageFile('scenarios/baseline.yaml'));
      const out = prepareOut(opts, format, [...scenarioInputs([c]), { file: targetsFile, role: 'the targets file' }]);
      const resolved = resolveTargets(targets, c);
      if (!resolved.ok) throw kit.invalidInput(resolved.errors);
      const progress = kit.io.stderrIsTTY && !opts.quiet ? progressLine(kit.io.stderr) : undefined;
      let report;
      try {
        report = runBacktest(c, resolved.value, targetsFile, { runs: opts.runs, seed: opts.seed, onProgress: progress?.onProgress });
      } catch (e) {
        if (e instanceof ValueRangeError) throw kit.invalidInput([rangeDiagnostic(c, e)]);
        throw e;
      } finally {
        progress?.clear();
      }
      await writeOutput(kit.io, out, format === 'json' ? formatBacktestJson(report) : format === 'csv' ? formatBacktestCsv(report) : formatBacktestTable(report));
    });
}

import type { Command } from 'commander';
import { formatBacktestCsv } from '../../backtest/formatBacktestCsv.js';
import { formatBacktestJson } from '../../backtest/formatBacktestJson.js';
import { formatBacktestTable } from '../../backtest/formatBacktestTable.js';
import { resolveTargets } from '../../backtest/resolveTargets.js';
import { runBacktest } from '../../backtest/runBacktest.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { ValueRangeError } from '../../scenario/resolveRun.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { examples } from '../examples.js';
import type { OutputFormat } from '../outputKind.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from '../outputOptions.js';
import { defaultWorkers } from '../defaultWorkers.js';
import { packageFile } from '../packageFile.js';
import { readTargets } from '../readTargets.js';
import { withProgress } from '../withProgress.js';
import { writeOutput } from '../writeOutput.js';

interface BacktestOptions {
  runs: number;
  seed: number;
  format: OutputFormat;
  targets?: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  workers?: number;
}

/** Adds `brigadas backtest` to the program: a scenario's runs judged against the observed history. */
export function registerBacktest(program: Command, io: CliIo): void {
  const backtest = program
    .command('backtest')
    .description('compare a scenario with the observed history it should reproduce (data/history.csv)')
    .argument('[scenario]', 'scenario YAML file (default: the package\'s scenarios/baseline.yaml)')
    .option('-n, --runs <n>', 'number of Monte Carlo runs', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .addOption(formatOption())
    .option('-t, --targets <file>', "observed targets, CSV (default: the package's data/history.csv)");
  addOutOptions(backtest)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('backtest --runs 1000', 'backtest scenarios/priors.yaml --targets data/history.csv --out backtest.csv'))
    .action(async (file: string | undefined, opts: BacktestOptions, command: Command) => {
      const format = chosenFormat(command, opts);
      const { file: targetsFile, targets } = readTargets(opts.targets);
      const c = loadScenarioFile(file ?? packageFile('scenarios/baseline.yaml'));
      const out = prepareOut(opts, format, [...scenarioInputs([c]), { file: targetsFile, role: 'the targets file' }]);
      const resolved = resolveTargets(targets, c);
      if (!resolved.ok) throw new InvalidInput(resolved.errors);
      const { runs, seed } = opts;
      const workers = defaultWorkers(opts.workers, runs);
      let report;
      try {
        report = await withProgress(io, opts.quiet, (onProgress) => runBacktest(c, resolved.value, targetsFile, { runs, seed, workers, onProgress, signal: io.interrupt }));
      } catch (e) {
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        throw e;
      }
      await writeOutput(io, out, format === 'json' ? formatBacktestJson(report) : format === 'csv' ? formatBacktestCsv(report) : formatBacktestTable(report));
    });
}

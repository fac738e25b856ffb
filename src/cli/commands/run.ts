import type { Command } from 'commander';
import { formatCsv } from '../../report/formatCsv.js';
import { formatJson } from '../../report/formatJson.js';
import { formatTable } from '../../report/formatTable.js';
import { runReport } from '../../report/runReport.js';
import { UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import type { DesignKind } from '../../design/designKind.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { monteCarloSummaries } from '../monteCarloSummaries.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from '../outputOptions.js';
import { parseYears, yearsProblem } from '../parseYears.js';
import { writeOutput } from '../writeOutput.js';
import { openDashboard } from './dashboard.js';

interface RunCommandOptions {
  runs: number;
  seed: number;
  format: 'table' | 'json' | 'csv';
  out?: string;
  workers?: number;
  force?: boolean;
  years?: number[];
  quiet?: boolean;
  design: DesignKind;
}

/** Adds `brigadas run` to the program: a scenario's Monte Carlo, summarized per metric and year. */
export function registerRun(program: Command, io: CliIo): void {
  const run = program
    .command('run')
    .description('run a scenario many times and summarize each metric per calendar year')
    .argument('<scenario>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of Monte Carlo runs', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .addOption(formatOption())
    .addOption(designOption())
    .option('-y, --years <years>', "the table's years, such as 2027,2028,2035 or 2026..2030 (default: every fifth year and the last)", parseYears);
  addOutOptions(run)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('run scenarios/baseline.yaml --runs 1000 --seed 1', 'run scenarios/parole-reinstated-2027.yaml --out parole.csv', 'run scenarios/baseline.yaml --format json --quiet > report.json'))
    .action(async (file: string, opts: RunCommandOptions, command: Command) => {
      // On a terminal, with no format asked for and no --out, `run` shows the dashboard instead of the table.
      if (io.stdoutIsTTY && opts.out === undefined && command.getOptionValueSource('format') === 'default') return openDashboard(io, file, opts);
      const format = chosenFormat(command, opts);
      const c = loadScenarioFile(file);
      // Before the runs: a refusal should not come after minutes of waiting.
      const problem = yearsProblem(opts.years, c.years, format);
      if (problem !== undefined) throw new UsageError(problem);
      checkDesign(io, opts.design, opts.runs, c);
      const out = prepareOut(opts, format, scenarioInputs([c]));
      const report = runReport(c, opts.seed, opts.runs, await monteCarloSummaries(c, opts, io));
      await writeOutput(io, out, format === 'json' ? formatJson(report) : format === 'csv' ? formatCsv(report) : formatTable(report, opts.years));
    });
}

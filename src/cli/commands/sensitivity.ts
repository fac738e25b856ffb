import { Option, type Command } from 'commander';
import { SENSITIVITY_METHODS, type SensitivityMethod } from '../../sensitivity/analyzeSensitivity.js';
import { formatSensitivityCsv } from '../../sensitivity/formatSensitivityCsv.js';
import { formatSensitivityTable } from '../../sensitivity/formatSensitivityTable.js';
import { UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseSamples, parseSeed, parseWorkers, parseYear } from '../optionParsers.js';
import { examples } from '../examples.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from '../outputOptions.js';
import { openPointsTable, tableFormatOf } from '../pointsTable.js';
import { checkSensitivity, DEFAULT_SAMPLES, problemOf, sensitivityOf } from '../sensitivityOf.js';
import { writeOutput } from '../writeOutput.js';

interface SensitivityOptions {
  metric: string;
  year: number;
  method: SensitivityMethod;
  samples?: number;
  seed: number;
  format: 'table' | 'json' | 'csv';
  out?: string;
  force?: boolean;
  quiet?: boolean;
  workers?: number;
  versus?: string;
  secondOrder?: boolean;
  points?: string;
}

/** Adds `brigadas sensitivity` to the program: how one metric in one year depends on each uncertain parameter. */
export function registerSensitivity(program: Command, io: CliIo): void {
  const sensitivity = program
    .command('sensitivity')
    .description('rank the uncertain parameters by their effect on one metric in one year (tornado, Morris or Sobol)')
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption('-m, --metric <name>', 'the metric to explain, e.g. cumulativeDefections')
    .requiredOption('-y, --year <year>', 'the calendar year of the metric', parseYear)
    .addOption(new Option('--method <method>', 'tornado: p10/p90 swings; morris: elementary effects; sobol: variance indices').choices(SENSITIVITY_METHODS).default('tornado'))
    .option(
      '--samples <n>',
      `runs per bar (tornado, default ${DEFAULT_SAMPLES.tornado}), trajectories (morris, default ${DEFAULT_SAMPLES.morris}) or base samples (sobol, default ${DEFAULT_SAMPLES.sobol})`,
      parseSamples,
    )
    .option('--second-order', 'with --method sobol: also the second-order indices of every pair of parameters (twice the model runs)')
    .option('--versus <policy>', "explain a policy's effect instead: the metric in this scenario less the metric in <scenario>, on the same random numbers")
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .option('--points <file>', 'also write every point the method ran as a run table (.csv, .json or .parquet): its run, each parameter and the metric')
    .addOption(formatOption());
  addOutOptions(sensitivity)
    .option('-q, --quiet', 'no progress line on stderr')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 model runs); the output is the same for any number', parseWorkers)
    .addHelpText(
      'after',
      examples('sensitivity scenarios/baseline.yaml --metric cumulativeDefections --year 2035', 'sensitivity scenarios/baseline.yaml -m stateRevenueUSD -y 2030 --method sobol --out sobol.csv'),
    )
    .action(async (file: string, opts: SensitivityOptions, command: Command) => {
      const format = chosenFormat(command, opts);
      const c = loadScenarioFile(file);
      const versus = opts.versus === undefined ? undefined : loadScenarioFile(opts.versus);
      const request = { scenario: c, versus, metric: opts.metric, year: opts.year, method: opts.method, samples: opts.samples ?? DEFAULT_SAMPLES[opts.method], secondOrder: opts.secondOrder === true, seed: opts.seed, workers: opts.workers, quiet: opts.quiet };
      const scenarios = versus === undefined ? [c] : [c, versus];
      const out = prepareOut(opts, format, scenarioInputs(scenarios));
      const pointsFormat = opts.points === undefined ? undefined : tableFormatOf(opts.points);
      const pointsOut = opts.points === undefined || pointsFormat === undefined ? undefined : prepareOut({ out: opts.points, force: opts.force }, pointsFormat, scenarioInputs(scenarios));
      if (pointsOut !== undefined && out !== undefined && pointsOut.to === 'file' && out.to === 'file' && pointsOut.path === out.path) throw new UsageError(`--points and --out name the same file '${opts.points}'`);
      checkSensitivity(request);
      const points = pointsOut === undefined || pointsFormat === undefined ? undefined : await openPointsTable(io, problemOf(request), pointsOut, pointsFormat);
      let report;
      try {
        report = await sensitivityOf({ ...request, onEvaluated: points?.write }, io);
        points?.commit();
      } catch (e) {
        points?.abort();
        throw e;
      }
      const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? formatSensitivityCsv(report) : formatSensitivityTable(report);
      await writeOutput(io, out, text);
    });
}

import { InvalidArgumentError, Option, type Command } from 'commander';
import { evaluateBatch } from '../../montecarlo/evaluateBatch.js';
import type { PointBatch, SensitivityProblem } from '../../montecarlo/evaluatePoints.js';
import { memoryRefusal } from '../../montecarlo/memoryBudget.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { ValueRangeError } from '../../scenario/resolveRun.js';
import { analyzeSensitivity, SENSITIVITY_METHODS, UndefinedMetricError, type SensitivityMethod } from '../../sensitivity/analyzeSensitivity.js';
import { formatSensitivityCsv } from '../../sensitivity/formatSensitivityCsv.js';
import { formatSensitivityTable } from '../../sensitivity/formatSensitivityTable.js';
import { maxSensitivitySamples, sensitivityBytes } from '../../sensitivity/sensitivityBytes.js';
import { targetProblem } from '../../sensitivity/targetProblem.js';
import { uncertainFactors } from '../../sensitivity/uncertainFactors.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSamples, parseSeed, parseWorkers, parseYear } from '../optionParsers.js';
import { defaultWorkers } from '../defaultWorkers.js';
import { examples } from '../examples.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from '../outputOptions.js';
import { openPointsTable, tableFormatOf } from '../pointsTable.js';
import { withProgress } from '../withProgress.js';
import { writeOutput } from '../writeOutput.js';

/** --samples when not given: runs per tornado bar, Morris trajectories, Sobol base samples. */
export const DEFAULT_SAMPLES: Readonly<Record<SensitivityMethod, number>> = { tornado: 100, morris: 100, sobol: 1000 };


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
      const samples = opts.samples ?? DEFAULT_SAMPLES[opts.method];
      if (opts.method !== 'tornado' && samples < 2) throw new UsageError(`--samples ${samples}: ${opts.method} needs at least 2`);
      if (opts.secondOrder === true && opts.method !== 'sobol') throw new UsageError(`--second-order: only --method sobol has second-order indices (got --method ${opts.method})`);
      const secondOrder = { secondOrder: opts.secondOrder === true };
      const c = loadScenarioFile(file);
      const versus = opts.versus === undefined ? undefined : loadScenarioFile(opts.versus);
      const scenarios = versus === undefined ? [c] : [c, versus];
      const out = prepareOut(opts, format, scenarioInputs(scenarios));
      const pointsFormat = opts.points === undefined ? undefined : tableFormatOf(opts.points);
      const pointsOut = opts.points === undefined || pointsFormat === undefined ? undefined : prepareOut({ out: opts.points, force: opts.force }, pointsFormat, scenarioInputs(scenarios));
      if (pointsOut !== undefined && out !== undefined && pointsOut.to === 'file' && out.to === 'file' && pointsOut.path === out.path) throw new UsageError(`--points and --out name the same file '${opts.points}'`);
      for (const s of scenarios) {
        const problemText = targetProblem(s, opts.metric, opts.year);
        if (problemText !== undefined) throw new UsageError(problemText);
      }
      const factors = uncertainFactors(c.parameters);
      if (factors.length === 0) throw new UsageError(`scenario '${c.name}' has no uncertain parameters (every distribution is fixed): nothing to analyse`);
      const missing = versus === undefined ? [] : factors.filter((f) => !versus.parameters.some((p) => p.name === f.name)).map((f) => f.name);
      if (missing.length > 0) throw new UsageError(`--versus ${opts.versus} has no parameter ${missing.join(', ')} of ${file}; a policy must share the uncertain parameters it is compared on`);
      const memory = memoryRefusal(
        `sensitivity --method ${opts.method} --samples ${samples} with ${factors.length} factors`,
        sensitivityBytes(opts.method, samples, factors.length, secondOrder),
        `use --samples ${maxSensitivitySamples(opts.method, factors.length, secondOrder)} or fewer`,
      );
      if (memory !== undefined) throw new UsageError(memory);
      const problem: SensitivityProblem = { scenario: c, factors, seed: opts.seed, metric: opts.metric, year: opts.year, versus };
      let report;
      const points = pointsOut === undefined || pointsFormat === undefined ? undefined : await openPointsTable(io, problem, pointsOut, pointsFormat);
      try {
        report = await analyzeSensitivity(problem, opts.method, samples, (batch) => evaluateOnCli(problem, batch, io, opts), { ...secondOrder, onEvaluated: points?.write });
        points?.commit();
      } catch (e) {
        points?.abort();
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        if (e instanceof UndefinedMetricError) throw new UsageError(e.message);
        throw e;
      }
      const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? formatSensitivityCsv(report) : formatSensitivityTable(report);
      await writeOutput(io, out, text);
    });
}

// On the worker pool when the batch is big enough to pay for starting it, else in this thread a task at a
// time (between tasks the event loop hears Ctrl-C and redraws progress); the numbers are the same.
function evaluateOnCli(problem: SensitivityProblem, batch: PointBatch, io: CliIo, opts: SensitivityOptions): Promise<Float64Array> {
  const workers = defaultWorkers(opts.workers, batch.runs.length);
  return withProgress(io, opts.quiet, (onProgress) => evaluateBatch(problem, batch, { workers, onProgress, signal: io.interrupt }));
}

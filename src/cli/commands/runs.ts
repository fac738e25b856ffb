import { Option, type Command } from 'commander';
import { collectRows } from '../../montecarlo/rowsJob.js';
import { uncertainParameters } from '../../scenario/uncertainParameters.js';
import { LEVERS } from '../../model/spec.js';
import type { Outcome } from '../../runtable/outcome.js';
import { openRunTableWriter, RUN_TABLE_FORMATS, type RunTableFormat } from '../../runtable/openRunTableWriter.js';
import { parseOutcomes } from '../../runtable/parseOutcomes.js';
import { runTablePlan } from '../../runtable/runTablePlan.js';
import type { CompiledScenario } from '../../scenario/compiled.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { ValueRangeError } from '../../scenario/resolveRun.js';
import { VERSION } from '../../version.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { defaultWorkers } from '../defaultWorkers.js';
import type { DesignKind } from '../../design/designKind.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { kindOfName } from '../outputKind.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import { openOutputStream, streamProblem } from '../outputStream.js';
import { collectSweep, SWEEP_HELP, sweptPolicies, tablePolicies } from '../sweepOption.js';
import { withProgress } from '../withProgress.js';


interface RunsOptions {
  runs: number;
  seed: number;
  outcomes?: string;
  sweep?: string[];
  format: RunTableFormat;
  out?: string;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
  design: DesignKind;
}

/** The headline metrics a run table holds when --outcomes is not given, each in the scenario's last year. */
export const DEFAULT_OUTCOME_METRICS = ['healthWorkersAbroad', 'doctorsAbroad', 'cumulativeDefections', 'stateRevenueUSD', 'workerPayUSD', 'patientsPerDoctor'];

/** The outcomes asked for (or the default ones), parsed against the scenario; ends the command with exit 2 on a mistake. */
export function outcomesOf(c: CompiledScenario, text: string | undefined): readonly Outcome[] {
  const given = text ?? DEFAULT_OUTCOME_METRICS.map((m) => `${m}@${c.years[c.years.length - 1]}`).join(',');
  const parsed = parseOutcomes(given, { metrics: c.layout.metrics, years: c.years });
  if (!parsed.ok) throw new UsageError(parsed.errors.join('\nbrigadas: '));
  return parsed.value;
}

/** Adds `brigadas runs` to the program: one row per run, its drawn parameters and outcomes, for analysis elsewhere. */
export function registerRuns(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .description('write a run table: one row per run (and policy of a sweep), with every uncertain parameter drawn and each outcome')
    .argument('<scenario>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of Monte Carlo runs (of each policy)', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same rows', parseSeed, 1)
    .option(
      '--outcomes <list>',
      `comma-separated: metric@YEAR, metric@Y1..Y2 (summed for yearly flows, averaged otherwise), metric@Y1..Y2:mean or :sum (default: ${DEFAULT_OUTCOME_METRICS.join(', ')} in the last year)`,
    )
    .option('--sweep <lever=month:values>', SWEEP_HELP, collectSweep)
    .addOption(designOption())
    .addOption(new Option('-f, --format <format>', 'csv, json (an array of rows) or parquet (typed columns)').choices(RUN_TABLE_FORMATS).default('csv', 'csv, or as the --out name says: .json, .parquet'));
  addOutOptions(runs, 'write the table to a file (whole or not at all), a pipe or a device instead of stdout')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the rows are the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText(
      'after',
      examples(
        'runs scenarios/baseline.yaml --runs 10000 --outcomes healthWorkersAbroad@2030,stateRevenueUSD@2030..2035 --out runs.csv',
        'runs scenarios/baseline.yaml --sweep paroleOpen=2027-01:true,false --sweep domesticSalaryUSD=2027-01:50,100,200 --out sweep.parquet',
      ) + '\nRead in pandas with pd.read_csv("runs.csv"), pd.read_parquet("sweep.parquet") or pd.read_json("runs.json", dtype=False); in R with readr::read_csv or arrow::read_parquet.\n',
    )
    .action(async (file: string, opts: RunsOptions, command: Command) => {
      const format = command.getOptionValueSource('format') === 'default' && opts.out !== undefined ? formatOfTableName(opts.out) : opts.format;
      const c = loadScenarioFile(file);
      const outcomes = outcomesOf(c, opts.outcomes);
      const { policies } = sweptPolicies(c, opts.sweep);
      const scenarios = policies.length === 0 ? [c] : policies.map((p) => p.scenario);
      checkDesign(io, opts.design, opts.runs, c);
      const out = prepareOut(opts, format, scenarioInputs([c]));
      const refused = streamProblem(out, format === 'parquet');
      if (refused !== undefined) throw new UsageError(refused);
      const uncertain = uncertainParameters(c.parameters).map((p) => ({ name: p.name, integer: p.integer === true }));
      const plan = runTablePlan(uncertain, outcomes, tablePolicies(policies));
      for (const r of plan.schema.renamed) io.stderr(`brigadas: the parameter '${r.from}' is in column '${r.to}': its name is an outcome's or a lever's\n`);

      const stream = await openOutputStream(io, out, io.interrupt);
      try {
        const writer = openRunTableWriter(format, plan.schema, stream.sink, {
          createdBy: `brigadas ${VERSION}`,
          metadata: [
            { key: 'brigadas.scenario', value: c.name },
            { key: 'brigadas.file', value: c.file },
            { key: 'brigadas.seed', value: String(opts.seed) },
            { key: 'brigadas.runs', value: String(opts.runs) },
          ],
        });
        writer.begin();
        await withProgress(io, opts.quiet, (onProgress) =>
          collectRows(scenarios, {
            runs: opts.runs,
            seed: opts.seed,
            design: opts.design,
            cells: plan.cells,
            parameters: plan.parameters,
            workers: defaultWorkers(opts.workers, opts.runs * scenarios.length),
            onRows: (chunk) => writer.write(plan.batch(chunk)),
            onProgress,
            signal: io.interrupt,
          }),
        );
        writer.end();
        stream.commit();
      } catch (e) {
        stream.abort();
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        throw e;
      }
    });
}

// The format a --out name implies: .json and .parquet, anything else CSV.
function formatOfTableName(name: string): RunTableFormat {
  const kind = kindOfName(name);
  return kind === 'json' || kind === 'parquet' ? kind : 'csv';
}

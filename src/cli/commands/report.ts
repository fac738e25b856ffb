import type { Command } from 'commander';
import type { DesignKind } from '../../design/designKind.js';
import { fanChartSvg } from '../../figures/fanChartSvg.js';
import { reportHtml } from '../../figures/reportHtml.js';
import { tableYears } from '../../report/formatTable.js';
import { UsageError } from '../cliErrors.js';
import { prepareBacktest } from '../backtestOf.js';
import { backtestSvg } from '../../figures/backtestSvg.js';
import type { CliIo } from '../cliIo.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { checkFigureRuns, FIGURE_RUNS, fanInput, figureReports } from '../figureReports.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSamples, parseSeed, parseWorkers, parseYear } from '../optionParsers.js';
import { sensitivityOf, sensitivityProblem } from '../sensitivityOf.js';
import { tornadoSvg } from '../../figures/tornadoSvg.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import { writeOutput } from '../writeOutput.js';

interface ReportCommandOptions {
  compare?: string[];
  runs: number;
  seed: number;
  design: DesignKind;
  targets?: string;
  backtest: boolean;
  sensitivity: boolean;
  samples: number;
  year?: number;
  out?: string;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
}

/** The metrics a report charts and tabulates: the missions' size, defections, money and care at home. */
export const HEADLINE_METRICS = ['healthWorkersAbroad', 'defections', 'stateRevenueUSD', 'bookedStateRevenueUSD', 'workerPayUSD', 'patientsPerDoctor'] as const;

/** The metrics whose sensitivity a report shows: the missions' size, defections and the state's booked revenue. */
export const SENSITIVITY_METRICS = ['healthWorkersAbroad', 'defections', 'bookedStateRevenueUSD'] as const;

/** Adds `brigadas report` to the program: one self-contained HTML file of a scenario or a comparison, for a brief. */
export function registerReport(program: Command, io: CliIo): void {
  const report = program
    .command('report')
    .description('write one self-contained HTML report (fan charts, comparison tables, back-test, parameters, manifest) that opens offline and prints to PDF')
    .argument('<scenario>', 'scenario YAML file (the baseline, with --compare)')
    .option('-c, --compare <files...>', 'alternative scenario files, compared with the baseline run by run')
    .option('-n, --runs <n>', 'number of Monte Carlo runs of each scenario', parseRuns, FIGURE_RUNS)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same report', parseSeed, 1)
    .addOption(designOption())
    .option('--targets <file>', "the back-test's targets (default: the package's data/history.csv)")
    .option('--no-backtest', 'leave out the back-test of the baseline')
    .option('--year <year>', 'the year whose sensitivity is shown (default: the last of the horizon)', parseYear)
    .option('--samples <n>', 'runs per tornado bar in the sensitivity section', parseSamples, 30)
    .option('--no-sensitivity', 'leave out the sensitivity of the headline figures (the slowest part)');
  addOutOptions(report, 'write the report to a file (whole or not at all) instead of stdout')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the report is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('report scenarios/baseline.yaml --compare scenarios/parole-reinstated-2027.yaml --out parole.html', 'report scenarios/salary-raise-2026.yaml --runs 2000 --out salary.html', 'report scenarios/baseline.yaml --no-backtest --no-sensitivity > baseline.html'))
    .action(async (file: string, opts: ReportCommandOptions) => {
      const baseline = loadScenarioFile(file);
      const alternatives = (opts.compare ?? []).map((f) => loadScenarioFile(f));
      const all = [baseline, ...alternatives];
      checkDesign(io, opts.design, opts.runs, baseline);
      checkFigureRuns(baseline, alternatives, opts);
      const prepared = opts.backtest ? prepareBacktest(baseline, opts.targets, io) : undefined;
      const year = opts.year ?? baseline.years[baseline.years.length - 1];
      // A tornado of each headline metric, of the first alternative's effect on it (or of its level, alone).
      const versus = alternatives[0];
      const tornadoMetrics = opts.sensitivity ? SENSITIVITY_METRICS.filter((m) => sensitivityProblem({ scenario: baseline, versus, metric: m, year, method: 'tornado', samples: opts.samples }) === undefined) : [];
      if (opts.sensitivity && opts.year !== undefined && tornadoMetrics.length === 0) throw new UsageError(sensitivityProblem({ scenario: baseline, versus, metric: SENSITIVITY_METRICS[0], year, method: 'tornado', samples: opts.samples }) ?? `no sensitivity can be shown for ${year}`);
      const inputs = [...scenarioInputs(all), ...(prepared === undefined ? [] : [prepared.input])];
      const out = prepareOut(opts, 'html', inputs);
      const compare = await figureReports(baseline, alternatives, opts, io);
      const backtest = prepared === undefined ? undefined : await prepared.run(opts);
      const backtestChart = backtest === undefined ? undefined : await backtestSvg({ report: backtest, width: 420 });
      const sensitivity = [];
      for (const metric of tornadoMetrics) {
        const t = await sensitivityOf({ scenario: baseline, versus, metric, year, method: 'tornado', samples: opts.samples, seed: opts.seed, workers: opts.workers, quiet: opts.quiet }, io);
        sensitivity.push({ report: t, svg: await tornadoSvg({ report: t, bars: 8, width: 520 }) });
      }
      // The headline metrics the model reports (all of them, unless a model's layout lacks one).
      const defs = HEADLINE_METRICS.flatMap((m) => baseline.layout.metrics.filter((d) => d.name === m));
      const headline = defs.map((d) => d.name);
      const [from, to] = [baseline.years[0], baseline.years[baseline.years.length - 1]];
      const charts = [];
      for (const def of defs) charts.push({ metric: def.name, svg: await fanChartSvg(fanInput(compare, all, def, { from, to, width: 640, height: 260, design: opts.design })) });
      await writeOutput(io, out, reportHtml({ compare, scenarios: all, charts, years: tableYears(compare.years, 6), design: opts.design, backtest, backtestChart, sensitivity }, headline));
    });
}

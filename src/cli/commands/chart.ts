import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DesignKind } from '../../design/designKind.js';
import { fanChartSvg } from '../../figures/fanChartSvg.js';
import { renderPng } from '../../node/renderPng.js';
import type { CompiledScenario } from '../../scenario/compiled.js';
import { nearest } from '../../scenario/nearest.js';
import { UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { checkFigureRuns, fanInput, figureReports } from '../figureReports.js';
import { parseRuns, parseSamples, parseSeed, parseWorkers, parseYear } from '../optionParsers.js';
import { tornadoOf, tornadoProblem } from '../tornadoOf.js';
import { tornadoSvg } from '../../figures/tornadoSvg.js';
import { backtestSvg } from '../../figures/backtestSvg.js';
import { prepareBacktest } from '../backtestOf.js';
import { DEFAULT_SAMPLES } from './sensitivity.js';
import { kindOfName } from '../outputKind.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import type { InputFile, OutputTarget } from '../outputTarget.js';
import { parseYearSpan } from '../parseYears.js';
import { writeOutput } from '../writeOutput.js';

interface ChartCommandOptions {
  kind: 'fan' | 'tornado' | 'backtest';
  targets?: string;
  year?: number;
  samples: number;
  compare?: string[];
  metric: string;
  years?: [number, number];
  runs: number;
  seed: number;
  design: DesignKind;
  format: 'svg' | 'png';
  width: number;
  height: number;
  out?: string;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
}

// A chart's panel in pixels: wide enough for 30 years of ticks, small enough for a page.
function parsePixels(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 120 || n > 4000) throw new InvalidArgumentError(`expected a whole number of pixels from 120 to 4000 (got '${text}')`);
  return n;
}

/** Adds `brigadas chart` to the program: a metric's fan chart (and with --compare, the differences) as SVG or PNG. */
export function registerChart(program: Command, io: CliIo): void {
  const chart = program
    .command('chart')
    .description("draw a metric's fan chart (5-95 and 25-75 percentile bands, the median, the policies under it) as SVG or PNG")
    .argument('<scenario>', 'scenario YAML file (the baseline, with --compare)')
    .option('-c, --compare <files...>', 'alternative scenario files: drawn on the same chart, with their run-by-run differences from the baseline in a second panel')
    .addOption(new Option('-k, --kind <kind>', "fan: the metric across years; tornado: how the metric in --year (or with --compare, the alternative's effect on it) moves with each uncertain parameter; backtest: each observed figure against the model's band").choices(['fan', 'tornado', 'backtest']).default('fan'))
    .option('--targets <file>', "backtest: the targets (default: the package's data/history.csv)")
    .option('-m, --metric <metric>', 'the metric to draw', 'healthWorkersAbroad')
    .option('--year <year>', 'tornado: the calendar year of the metric (default: the last of the horizon)', parseYear)
    .option('--samples <n>', `tornado: runs per bar (default ${DEFAULT_SAMPLES.tornado})`, parseSamples, DEFAULT_SAMPLES.tornado)
    .option('-y, --years <years>', 'the span of years to draw, such as 2010..2040 (default: the whole horizon)', parseYearSpan)
    .option('-n, --runs <n>', 'number of Monte Carlo runs of each scenario', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same chart', parseSeed, 1)
    .addOption(designOption())
    .addOption(new Option('-f, --format <format>', 'svg or png').choices(['svg', 'png']).default('svg', 'svg, or as the --out name says: .png'))
    .option('--width <px>', 'width of the plot in pixels', parsePixels, 640)
    .option('--height <px>', 'height of the main plot in pixels', parsePixels, 300);
  addOutOptions(chart, 'write the chart to a file (whole or not at all); a PNG needs one')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the chart is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('chart scenarios/baseline.yaml --metric stateRevenueUSD --out revenue.svg', 'chart scenarios/baseline.yaml --compare scenarios/parole-reinstated-2027.yaml --metric defections --years 2020..2035 --out parole.png', 'chart scenarios/baseline.yaml --kind tornado --compare scenarios/parole-reinstated-2027.yaml --metric bookedStateRevenueUSD --year 2035 --out tornado.svg'))
    .action(async (file: string, opts: ChartCommandOptions, command: Command) => {
      const format = command.getOptionValueSource('format') === 'default' && opts.out !== undefined && kindOfName(opts.out) === 'png' ? 'png' : opts.format;
      const baseline = loadScenarioFile(file);
      const alternatives = (opts.compare ?? []).map((f) => loadScenarioFile(f));
      const all = [baseline, ...alternatives];
      const def = baseline.layout.metrics.find((m) => m.name === opts.metric);
      if (def === undefined) {
        const close = nearest(opts.metric, baseline.layout.metrics.map((m) => m.name));
        throw new UsageError(`--metric: no metric '${opts.metric}'${close ? ` (did you mean '${close}'?)` : ''}; expected one of ${baseline.layout.metrics.map((m) => m.name).join(', ')}`);
      }
      if (opts.kind === 'tornado') return drawTornado(io, baseline, alternatives, def.name, format, opts);
      if (opts.kind === 'backtest') return drawBacktest(io, baseline, alternatives, format, opts);
      const [from, to] = yearRange(opts.years, baseline);
      checkDesign(io, opts.design, opts.runs, baseline);
      checkFigureRuns(baseline, alternatives, opts);
      const out = chartOut(opts, format, scenarioInputs(all));
      const reports = await figureReports(baseline, alternatives, opts, io);
      const svg = await fanChartSvg(fanInput(reports, all, def, { from, to, width: opts.width, height: opts.height, design: opts.design }));
      await writeChart(io, out, format, svg);
    });
}

// The years asked for, as a range within the scenario's horizon.
function yearRange(years: readonly [number, number] | undefined, c: CompiledScenario): [number, number] {
  const first = c.years[0];
  const last = c.years[c.years.length - 1];
  if (years === undefined) return [first, last];
  const [from, to] = years;
  if (from < first || to > last) throw new UsageError(`--years: the scenario reports ${first} to ${last}; ${from < first ? from : to} is outside it`);
  return [from, to];
}

// A tornado of the metric in a year, or of the one alternative's effect on it, on the same runner as `sensitivity`.
async function drawTornado(io: CliIo, baseline: CompiledScenario, alternatives: readonly CompiledScenario[], metric: string, format: 'svg' | 'png', opts: ChartCommandOptions): Promise<void> {
  if (alternatives.length > 1) throw new UsageError('--kind tornado explains one policy at a time: give one --compare file');
  const versus = alternatives[0];
  const year = opts.year ?? baseline.years[baseline.years.length - 1];
  const problem = tornadoProblem({ scenario: baseline, versus, metric, year });
  if (problem !== undefined) throw new UsageError(problem);
  const out = chartOut(opts, format, scenarioInputs([baseline, ...alternatives]));
  const report = await tornadoOf({ scenario: baseline, versus, metric, year, samples: opts.samples, seed: opts.seed, workers: opts.workers, quiet: opts.quiet }, io);
  const svg = await tornadoSvg({ report, width: opts.width });
  await writeChart(io, out, format, svg);
}

// Each target of the back-test against the scenario's band, as `backtest` judges it.
async function drawBacktest(io: CliIo, baseline: CompiledScenario, alternatives: readonly CompiledScenario[], format: 'svg' | 'png', opts: ChartCommandOptions): Promise<void> {
  if (alternatives.length > 0) throw new UsageError('--kind backtest judges one scenario: leave out --compare');
  const prepared = prepareBacktest(baseline, opts.targets, io);
  const out = chartOut(opts, format, [...scenarioInputs([baseline]), prepared.input]);
  const report = await prepared.run(opts);
  const svg = await backtestSvg({ report, width: opts.width });
  await writeChart(io, out, format, svg);
}

// Where the chart goes, checked before any run: a PNG is bytes, which this process's own streams do not take.
function chartOut(opts: ChartCommandOptions, format: 'svg' | 'png', inputs: readonly InputFile[]): OutputTarget | undefined {
  const out = prepareOut(opts, format, inputs);
  if (format === 'png' && (out === undefined || out.to === 'descriptor')) throw new UsageError('a PNG is binary: give --out NAME.png, a file (or --format svg to print SVG)');
  return out;
}

// The chart as it was asked for: the SVG, or the PNG resvg draws of it.
function writeChart(io: CliIo, out: OutputTarget | undefined, format: 'svg' | 'png', svg: string): Promise<void> {
  return writeOutput(io, out, format === 'png' ? renderPng(svg) : svg);
}

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
import { checkFigureRuns, fanInput, FIGURE_RUNS, figureReports } from '../figureReports.js';
import { DISCOVER_RUNS, prepareDiscovery } from '../discoveryOf.js';
import { DEFAULT_MIN_COVERAGE } from '../../discovery/chooseBox.js';
import { PRIM_DEFAULTS } from '../../discovery/prim.js';
import { primSvg } from '../../figures/primSvg.js';
import { nothingToFind } from '../../discovery/nothingToFind.js';
import { sensitivitySubject } from '../../figures/sensitivitySubject.js';
import { STOP_TEXT } from '../../discovery/formatDiscovery.js';
import { scenarioIdentity } from '../../scenario/scenarioIdentity.js';
import { collectSweep, SWEEP_HELP } from '../sweepOption.js';
import { parseRuns, parseSamples, parseSeed, parseShare, parseWorkers, parseYear } from '../optionParsers.js';
import { checkSensitivity, DEFAULT_SAMPLES, sensitivityOf } from '../sensitivityOf.js';
import { sobolSvg } from '../../figures/sobolSvg.js';
import { tornadoSvg } from '../../figures/tornadoSvg.js';
import { backtestSvg } from '../../figures/backtestSvg.js';
import { prepareBacktest } from '../backtestOf.js';
import { kindOfName } from '../outputKind.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import type { InputFile, OutputTarget } from '../outputTarget.js';
import { parseYearSpan } from '../parseYears.js';
import { writeOutput } from '../writeOutput.js';

interface ChartCommandOptions {
  kind: 'fan' | 'tornado' | 'sobol' | 'backtest' | 'prim';
  outcome?: string;
  sweep?: string[];
  minCoverage: number;
  targets?: string;
  year?: number;
  samples?: number;
  compare?: string[];
  metric: string;
  years?: [number, number];
  runs?: number;
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
    .addOption(new Option('-k, --kind <kind>', "fan: the metric across years; tornado: how the metric in --year (or with --compare, the alternative's effect on it) moves with each uncertain parameter; sobol: the share of its variance each parameter explains, with intervals; backtest: each observed figure against the model's band; prim: the coverage and density of each box of discover's search for --outcome").choices(['fan', 'tornado', 'sobol', 'backtest', 'prim']).default('fan'))
    .option('--targets <file>', "backtest: the targets (default: the package's data/history.csv)")
    .option('-m, --metric <metric>', 'the metric to draw', 'healthWorkersAbroad')
    .option('--year <year>', 'tornado, sobol: the calendar year of the metric (default: the last of the horizon)', parseYear)
    .option('--samples <n>', `tornado: runs per bar (default ${DEFAULT_SAMPLES.tornado}); sobol: base samples (default ${DEFAULT_SAMPLES.sobol})`, parseSamples)
    .option('-y, --years <years>', 'the span of years to draw, such as 2010..2040 (default: the whole horizon)', parseYearSpan)
    .option('--outcome <condition>', "prim: the case of interest, as discover takes it, such as 'healthWorkersAbroad@2030 < 15000'")
    .option('--sweep <lever=month:values>', `prim: ${SWEEP_HELP}`, collectSweep)
    .option('--min-coverage <share>', 'prim: the chosen box is the densest keeping at least this share of the cases', parseShare(0, 1), DEFAULT_MIN_COVERAGE)
    .option('-n, --runs <n>', `number of Monte Carlo runs of each scenario (default ${FIGURE_RUNS}; prim: ${DISCOVER_RUNS}, as discover)`, parseRuns)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same chart', parseSeed, 1)
    .addOption(designOption())
    .addOption(new Option('-f, --format <format>', 'svg or png').choices(['svg', 'png']).default('svg', 'svg, or as the --out name says: .png'))
    .option('--width <px>', 'width of the plot in pixels', parsePixels, 640)
    .option('--height <px>', 'height of the main plot in pixels', parsePixels, 300);
  addOutOptions(chart, 'write the chart to a file (whole or not at all); a PNG needs one')
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the chart is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('chart scenarios/baseline.yaml --compare scenarios/parole-reinstated-2027.yaml --metric defections --years 2020..2035 --out parole.png', 'chart scenarios/baseline.yaml --kind tornado --compare scenarios/parole-reinstated-2027.yaml --metric bookedStateRevenueUSD --year 2035 --out tornado.svg', "chart scenarios/baseline.yaml --kind prim --outcome 'healthWorkersAbroad@2030 < 15000' --out prim.png"))
    .action(async (file: string, given: ChartCommandOptions, command: Command) => {
      const opts = { ...given, runs: given.runs ?? (given.kind === 'prim' ? DISCOVER_RUNS : FIGURE_RUNS) };
      const format = command.getOptionValueSource('format') === 'default' && opts.out !== undefined && kindOfName(opts.out) === 'png' ? 'png' : opts.format;
      for (const [key, option, kinds] of KIND_OPTIONS) {
        const source = command.getOptionValueSource(key);
        if (source !== undefined && source !== 'default' && !kinds.includes(opts.kind)) throw new UsageError(`${option} is for --kind ${kinds.join(' or ')}, not --kind ${opts.kind}`);
      }
      const baseline = loadScenarioFile(file);
      const alternatives = (opts.compare ?? []).map((f) => loadScenarioFile(f));
      const all = [baseline, ...alternatives];
      if (opts.kind === 'prim') return drawPrim(io, baseline, alternatives, format, opts);
      const def = baseline.layout.metrics.find((m) => m.name === opts.metric);
      if (def === undefined) {
        const close = nearest(opts.metric, baseline.layout.metrics.map((m) => m.name));
        throw new UsageError(`--metric: no metric '${opts.metric}'${close ? ` (did you mean '${close}'?)` : ''}; expected one of ${baseline.layout.metrics.map((m) => m.name).join(', ')}`);
      }
      if (opts.kind === 'tornado' || opts.kind === 'sobol') return drawSensitivity(io, opts.kind, baseline, alternatives, def.name, format, opts);
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

type ChartKind = ChartCommandOptions['kind'];
type ResolvedOptions = ChartCommandOptions & { readonly runs: number };

// The options that only some kinds read (by their key in the options, then as typed): given to another
// kind they would be silently ignored, so they are refused. --seed, --width, --format and --out serve all.
const KIND_OPTIONS: readonly (readonly [keyof ChartCommandOptions, string, readonly ChartKind[]])[] = [
  ['outcome', '--outcome', ['prim']],
  ['sweep', '--sweep', ['prim']],
  ['minCoverage', '--min-coverage', ['prim']],
  ['metric', '--metric', ['fan', 'tornado', 'sobol']],
  ['year', '--year', ['tornado', 'sobol']],
  ['samples', '--samples', ['tornado', 'sobol']],
  ['years', '--years', ['fan']],
  ['targets', '--targets', ['backtest']],
  ['runs', '--runs', ['fan', 'backtest', 'prim']],
  ['design', '--design', ['fan', 'prim']],
  ['height', '--height', ['fan', 'prim']],
];

// The years asked for, as a range within the scenario's horizon.
function yearRange(years: readonly [number, number] | undefined, c: CompiledScenario): [number, number] {
  const first = c.years[0];
  const last = c.years[c.years.length - 1];
  if (years === undefined) return [first, last];
  const [from, to] = years;
  if (from < first || to > last) throw new UsageError(`--years: the scenario reports ${first} to ${last}; ${from < first ? from : to} is outside it`);
  return [from, to];
}

// A tornado or Sobol indices of the metric in a year, or of the one alternative's effect on it, as `sensitivity` makes them.
async function drawSensitivity(io: CliIo, method: 'tornado' | 'sobol', baseline: CompiledScenario, alternatives: readonly CompiledScenario[], metric: string, format: 'svg' | 'png', opts: ResolvedOptions): Promise<void> {
  if (alternatives.length > 1) throw new UsageError(`--kind ${method} explains one policy at a time: give one --compare file`);
  const request = { scenario: baseline, versus: alternatives[0], metric, year: opts.year ?? baseline.years[baseline.years.length - 1], samples: opts.samples ?? DEFAULT_SAMPLES[method], seed: opts.seed, workers: opts.workers, quiet: opts.quiet };
  checkSensitivity({ ...request, method, asked: `chart --kind ${method}` });
  const out = chartOut(opts, format, scenarioInputs([baseline, ...alternatives]));
  let svg: string;
  if (method === 'tornado') {
    svg = await tornadoSvg({ report: await sensitivityOf({ ...request, method }, io), width: opts.width });
  } else {
    const report = await sensitivityOf({ ...request, method }, io);
    // A quantity the same in every run has no variance to share out: every index would be 0/0.
    if (!(report.variance > 0)) throw new UsageError(`${sensitivitySubject(report)} is the same in every run (variance 0): there is nothing for Sobol indices to explain; choose another metric or year`);
    svg = await sobolSvg({ report, width: opts.width });
  }
  await writeChart(io, out, format, svg);
}

// Each target of the back-test against the scenario's band, as `backtest` judges it.
async function drawBacktest(io: CliIo, baseline: CompiledScenario, alternatives: readonly CompiledScenario[], format: 'svg' | 'png', opts: ResolvedOptions): Promise<void> {
  if (alternatives.length > 0) throw new UsageError('--kind backtest judges one scenario: leave out --compare');
  const prepared = prepareBacktest(baseline, opts.targets, io);
  const out = chartOut(opts, format, [...scenarioInputs([baseline]), prepared.input]);
  const report = await prepared.run(opts);
  const svg = await backtestSvg({ report, width: opts.width });
  await writeChart(io, out, format, svg);
}

// PRIM's trade-off curve: the boxes of the search `discover` makes for the case of interest.
async function drawPrim(io: CliIo, baseline: CompiledScenario, alternatives: readonly CompiledScenario[], format: 'svg' | 'png', opts: ResolvedOptions): Promise<void> {
  if (alternatives.length > 0) throw new UsageError('--kind prim searches one scenario: leave out --compare (a lever to compare on goes in --sweep)');
  if (opts.outcome === undefined) throw new UsageError("--kind prim needs --outcome, the case of interest, such as --outcome 'healthWorkersAbroad@2030 < 15000'");
  const prepared = prepareDiscovery(baseline, { ...opts, outcome: opts.outcome, ...PRIM_DEFAULTS }, io);
  const out = chartOut(opts, format, scenarioInputs([baseline]));
  const d = await prepared.run();
  if (nothingToFind(d.result)) io.stderr(`brigadas: note: ${STOP_TEXT[d.result.stop]} (${d.condition}): nothing to find, the chart shows the whole space alone\n`);
  const svg = await primSvg({ ...d, scenario: scenarioIdentity(baseline), policies: d.policies.length, minCoverage: opts.minCoverage, width: opts.width, height: opts.height });
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

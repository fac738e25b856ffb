import { basename, dirname, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { resolveTargets, type ResolvedTarget } from '../../backtest/resolveTargets.js';
import { fillFromCells, targetCells } from '../../backtest/targetCells.js';
import { calibrateDraws } from '../../calibration/calibrateDraws.js';
import { calibrationBytes, maxCalibrationDraws } from '../../calibration/calibrationBytes.js';
import { calibratedScenarioText, type CalibratedScenarioHeader } from '../../calibration/calibratedScenarioText.js';
import { formatCalibrationCsv } from '../../calibration/formatCalibrationCsv.js';
import { formatCalibrationJson } from '../../calibration/formatCalibrationJson.js';
import { formatCalibrationTable } from '../../calibration/formatCalibrationTable.js';
import { informedParameters } from '../../calibration/informedParameters.js';
import { uncertainParameters } from '../../scenario/uncertainParameters.js';
import { memoryRefusal } from '../../montecarlo/memoryBudget.js';
import { collectCells } from '../../montecarlo/cellsJob.js';
import type { CompiledScenario } from '../../scenario/compiled.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { ValueRangeError } from '../../scenario/resolveRun.js';
import { packageFile } from '../packageFile.js';
import { readTargets } from '../readTargets.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { defaultWorkers } from '../defaultWorkers.js';
import { examples } from '../examples.js';
import type { OutputFormat } from '../outputKind.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import { withProgress } from '../withProgress.js';
import { writeOutput } from '../writeOutput.js';

/** --draws and --keep when not given: 5,000 runs take a few seconds, and keeping 10% leaves an effective sample of some 300. */
export const DEFAULT_DRAWS = 5000;
export const DEFAULT_KEEP = 0.1;

// Every draw keeps one value per target and parameter: a million draws of the shipped targets is about 1 GB.
const MAX_DRAWS = 1_000_000;

function parseDraws(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > MAX_DRAWS) {
    throw new InvalidArgumentError(`expected a whole number of draws from 1 to ${MAX_DRAWS} (got '${text}')`);
  }
  return Number(text);
}

function parseKeep(text: string): number {
  const x = Number(text);
  if (!/^(0|1)?(\.\d+)?$/.test(text.trim()) || !(x > 0 && x <= 1)) throw new InvalidArgumentError(`expected a share of the draws above 0 and at most 1, such as 0.1 (got '${text}')`);
  return x;
}

interface CalibrateOptions {
  draws: number;
  seed: number;
  keep: number;
  targets?: string;
  out?: string;
  force?: boolean;
  format: OutputFormat;
  quiet?: boolean;
  workers?: number;
}

/** Adds `brigadas calibrate` to the program: the scenario's parameters fitted to the observed history, and the calibrated scenario written. */
export function registerCalibrate(program: Command, io: CliIo): void {
  const calibrate = program
    .command('calibrate')
    .description('fit the uncertain parameters to the fit targets of the history (approximate Bayesian computation) and write the calibrated scenario')
    .argument('<scenario>', 'scenario YAML file holding the priors')
    .option('-n, --draws <n>', 'parameter draws, one run each', parseDraws, DEFAULT_DRAWS)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .option('-k, --keep <share>', 'share of the draws kept, nearest the targets first', parseKeep, DEFAULT_KEEP)
    .option('-t, --targets <file>', "observed targets, CSV (default: the package's data/history.csv)");
  addOutOptions(calibrate, 'write the calibrated scenario (whole or not at all), a YAML file that extends the given one')
    // The report goes to stdout whatever --out is, so --out's name says nothing about its format.
    .addOption(new Option('-f, --format <format>', 'output format of the report (csv: the parameter table)').choices(['table', 'json', 'csv']).default('table'))
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 draws); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('calibrate scenarios/priors.yaml --out scenarios/calibrated.yaml', 'calibrate scenarios/priors.yaml --draws 20000 --keep 0.05 --format csv > posterior.csv'))
    .action(async (file: string, opts: CalibrateOptions) => {
      const { file: targetsFile, targets } = readTargets(opts.targets);
      const c = loadScenarioFile(file);
      const out = prepareOut(opts, 'yaml', [...scenarioInputs([c]), { file: targetsFile, role: 'the targets file' }]);
      const resolved = resolveTargets(targets, c);
      if (!resolved.ok) throw new InvalidInput(resolved.errors);
      const fit = resolved.value.filter((t) => t.target.set === 'fit');
      if (fit.length === 0) throw new UsageError(`${targetsFile} has no fit targets (fit column 'fit'): nothing to calibrate to`);
      const uncertain = uncertainParameters(c.parameters).length;
      if (uncertain === 0) throw new UsageError(`scenario '${c.name}' has no uncertain parameters (every distribution is fixed): nothing to calibrate`);
      const targetCount = resolved.value.length;
      const memory = memoryRefusal(
        `calibrate --draws ${opts.draws} with ${targetCount} targets and ${uncertain} uncertain parameters`,
        calibrationBytes(opts.draws, targetCount, uncertain),
        `use --draws ${maxCalibrationDraws(targetCount, uncertain)} or fewer`,
      );
      if (memory !== undefined) throw new UsageError(memory);
      let report;
      try {
        const informed = informedParameters(c, fit, opts.seed);
        const samples = await sampleInSteps(c, resolved.value, opts, io);
        const keep = Math.max(1, Math.round(opts.keep * opts.draws));
        report = calibrateDraws({ scenario: c, targets, samples, informed, targetsFile, seed: opts.seed, draws: opts.draws, keep });
      } catch (e) {
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        throw e;
      }
      if (opts.out !== undefined) {
        // Paths in the file are relative to its folder; written into a pipe or a device, to the working directory.
        const folder = out?.to === 'file' ? dirname(resolve(opts.out)) : process.cwd();
        await writeOutput(io, out, calibratedScenarioText(report, header(c, opts, opts.out, folder)));
      }
      io.stdout(opts.format === 'json' ? formatCalibrationJson(report) : opts.format === 'csv' ? formatCalibrationCsv(report) : formatCalibrationTable(report));
    });
}

// Each target's value in every draw: on worker threads when it pays, else in this thread; either way the
// event loop hears Ctrl-C and redraws progress between chunks, and only the targets' cells come back.
async function sampleInSteps(c: CompiledScenario, targets: readonly ResolvedTarget[], opts: CalibrateOptions, io: CliIo): Promise<Float64Array[]> {
  const samples = targets.map(() => new Float64Array(opts.draws));
  const tc = targetCells(targets);
  const workers = defaultWorkers(opts.workers, opts.draws);
  await withProgress(io, opts.quiet, (onProgress) =>
    collectCells(c, {
      runs: opts.draws,
      seed: opts.seed,
      cells: tc.cells,
      workers,
      onChunk: (first, count, values) => fillFromCells(tc, values, first, count, samples),
      onProgress,
      signal: io.interrupt,
    }),
  );
  return samples;
}

// Every path in the written file is relative to the file's own folder, so the file does not depend on where
// the command was run from, and the command it records regenerates it from that folder.
function header(c: CompiledScenario, opts: CalibrateOptions, out: string, folder: string): CalibratedScenarioHeader {
  const rel = (path: string) => relative(folder, resolve(path)).split(sep).join('/');
  const schema = /^# yaml-language-server: \$schema=(\S+)\s*$/.exec(c.text.split('\n')[0]);
  const schemaFile = schema ? resolve(dirname(c.file), schema[1]) : packageFile('schema/scenario.schema.json');
  const words = ['brigadas', 'calibrate', rel(c.file), '--draws', String(opts.draws), '--seed', String(opts.seed), '--keep', String(opts.keep)];
  if (opts.targets !== undefined) words.push('--targets', rel(opts.targets));
  words.push('--out', basename(out));
  return {
    schemaLine: `# yaml-language-server: $schema=${rel(schemaFile)}`,
    command: words.map(shellWord).join(' '),
    extendsPath: rel(c.file),
    name: basename(out).replace(/\.ya?ml$/i, ''),
    targetsLabel: opts.targets === undefined ? 'data/history.csv' : rel(opts.targets),
  };
}

// Quotes a word for a POSIX shell when it holds anything but plain path characters.
function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

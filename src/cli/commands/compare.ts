import type { Command } from 'commander';
import { compareMemoryProblem, compareProblem, CompareRangeError, compareScenarios } from '../../compare/compareScenarios.js';
import { formatCompareCsv } from '../../compare/formatCompareCsv.js';
import { formatCompareTable } from '../../compare/formatCompareTable.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { defaultWorkers } from '../defaultWorkers.js';
import type { DesignKind } from '../../design/designKind.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { parseYears, yearsProblem } from '../parseYears.js';
import { addOutOptions, chosenFormat, formatOption, prepareOut, scenarioInputs } from '../outputOptions.js';
import { collectSweep, SWEEP_HELP, sweptPolicies } from '../sweepOption.js';
import { withProgress } from '../withProgress.js';
import { writeOutput } from '../writeOutput.js';

interface CompareCommandOptions {
  runs: number;
  seed: number;
  format: 'table' | 'json' | 'csv';
  out?: string;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
  years?: number[];
  sweep?: string[];
  design: DesignKind;
}

/** Adds `brigadas compare` to the program: alternatives against a baseline, run by run on common random numbers. */
export function registerCompare(program: Command, io: CliIo): void {
  const compare = program
    .command('compare')
    .description('run scenarios on the same random numbers and summarize each alternative minus the baseline, run by run')
    // Short argument names keep the command list of `brigadas --help` narrow enough to wrap at 80 columns.
    .argument('<base>', 'the baseline scenario YAML file')
    .argument('[alt...]', 'alternative scenario YAML files, each compared with the baseline')
    .option('-n, --runs <n>', 'number of Monte Carlo runs of each scenario', parseRuns, 1000)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .option('--sweep <lever=month:values>', `${SWEEP_HELP}; each policy is an alternative`, collectSweep)
    .addOption(designOption())
    .addOption(formatOption())
    .option('-y, --years <years>', "the table's years, such as 2027,2028,2035 or 2026..2030 (default: every fifth year and the last)", parseYears);
  addOutOptions(compare)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', examples('compare scenarios/baseline.yaml scenarios/parole-reinstated-2027.yaml', 'compare scenarios/baseline.yaml scenarios/parole-reinstated-2027.yaml scenarios/retention-cap-50.yaml --out compare.csv', 'compare scenarios/baseline.yaml --sweep paroleOpen=2027-01:true --sweep domesticSalaryUSD=2027-01:50,100'))
    .action(async (baselineFile: string, alternativeFiles: string[], opts: CompareCommandOptions, command: Command) => {
      const format = chosenFormat(command, opts);
      const baseline = loadScenarioFile(baselineFile);
      const alternatives = [...alternativeFiles.map((f) => loadScenarioFile(f)), ...sweptPolicies(baseline, opts.sweep).policies.map((p) => p.scenario)];
      if (alternatives.length === 0) throw new UsageError('compare needs an alternative: a scenario file after the baseline, or --sweep');
      checkDesign(io, opts.design, opts.runs, baseline);
      const out = prepareOut(opts, format, scenarioInputs([baseline, ...alternatives]));
      const { runs, seed } = opts;
      const problem = yearsProblem(opts.years, baseline.years, format) ?? compareProblem(baseline, alternatives) ?? compareMemoryProblem(baseline, alternatives, { runs, seed });
      if (problem !== undefined) throw new UsageError(problem);
      const workers = defaultWorkers(opts.workers, runs);
      let report;
      try {
        report = await withProgress(io, opts.quiet, (onProgress) => compareScenarios(baseline, alternatives, { runs, seed, design: opts.design, workers, onProgress, signal: io.interrupt }));
      } catch (e) {
        if (e instanceof CompareRangeError) throw new InvalidInput([rangeDiagnostic(e.scenario, e)]);
        throw e;
      }
      const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? formatCompareCsv(report) : formatCompareTable(report, opts.years);
      await writeOutput(io, out, text);
    });
}

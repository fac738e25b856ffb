import { Option, type Command } from 'commander';
import { DEFAULT_MIN_COVERAGE } from '../../discovery/chooseBox.js';
import { discoveryJson, formatDiscovery } from '../../discovery/formatDiscovery.js';
import { PRIM_DEFAULTS } from '../../discovery/prim.js';
import { VERSION } from '../../version.js';
import type { CliIo } from '../cliIo.js';
import type { DesignKind } from '../../design/designKind.js';
import { designOption } from '../designOption.js';
import { DISCOVER_RUNS, prepareDiscovery } from '../discoveryOf.js';
import { examples } from '../examples.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseShare, parseWorkers } from '../optionParsers.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import { collectSweep, SWEEP_HELP } from '../sweepOption.js';
import { writeOutput } from '../writeOutput.js';

interface DiscoverOptions {
  outcome: string;
  runs: number;
  seed: number;
  sweep?: string[];
  minCoverage: number;
  peelAlpha: number;
  pasteAlpha: number;
  massMin: number;
  format: 'table' | 'json';
  out?: string;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
  design: DesignKind;
}

/** Adds `brigadas discover` to the program: PRIM over the runs, the conditions under which an outcome happens. */
export function registerDiscover(program: Command, io: CliIo): void {
  const discover = program
    .command('discover')
    .description('scenario discovery: find the ranges of the uncertain parameters (and swept levers) under which an outcome happens (PRIM)')
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption('--outcome <condition>', "the case of interest, such as 'healthWorkersAbroad@2030 < 15000' (an outcome as runs --outcomes takes it, < <= > >=, a number)")
    .option('-n, --runs <n>', 'number of Monte Carlo runs (of each policy)', parseRuns, DISCOVER_RUNS)
    .option('-s, --seed <s>', 'master seed: the same seed gives the same output', parseSeed, 1)
    .option('--sweep <lever=month:values>', `${SWEEP_HELP}; the levers become dimensions of the box`, collectSweep)
    .addOption(designOption())
    .option('--min-coverage <share>', 'the chosen box is the densest keeping at least this share of the cases', parseShare(0, 1), DEFAULT_MIN_COVERAGE)
    .option('--peel-alpha <share>', 'share of the box peeled away at each step', parseShare(0.001, 0.5), PRIM_DEFAULTS.peelAlpha)
    .option('--paste-alpha <share>', 'share added back at each pasting step', parseShare(0.001, 0.5), PRIM_DEFAULTS.pasteAlpha)
    .option('--mass-min <share>', 'peeling stops before the box holds less than this share of the runs', parseShare(0, 1), PRIM_DEFAULTS.massMin)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table', 'table, or json when the --out name ends in .json'));
  addOutOptions(discover)
    .option('-w, --workers <k>', 'worker threads (default: the cores available, or 1 below 2,000 runs); the output is the same for any number', parseWorkers)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText(
      'after',
      examples(
        "discover scenarios/baseline.yaml --outcome 'healthWorkersAbroad@2030 < 15000'",
        "discover scenarios/baseline.yaml --outcome 'cumulativeDefections@2035 > 30000' --sweep paroleOpen=2027-01:true,false --min-coverage 0.6",
      ),
    )
    .action(async (file: string, opts: DiscoverOptions, command: Command) => {
      const format = command.getOptionValueSource('format') === 'default' && opts.out?.toLowerCase().endsWith('.json') ? 'json' : opts.format;
      const c = loadScenarioFile(file);
      const prepared = prepareDiscovery(c, opts, io);
      const out = prepareOut(opts, format, scenarioInputs([c]));
      const d = await prepared.run();
      const head = `brigadas ${c.name} (${c.file}): cases of interest: ${d.condition}; seed ${d.seed}, ${d.runs} runs${d.policies.length > 0 ? ` of each of ${d.policies.length} policies` : ''}\n`;
      const text =
        format === 'json'
          ? `${JSON.stringify({ brigadas: VERSION, scenario: c.name, file: c.file, condition: d.condition, seed: d.seed, runs: d.runs, policies: d.policies, ...discoveryJson(d.result, d.chosen, d.inspection) }, null, 2)}\n`
          : `${head}${formatDiscovery(d.result, d.chosen, d.inspection)}`;
      await writeOutput(io, out, text);
    });
}

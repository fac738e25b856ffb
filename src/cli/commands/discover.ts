import { InvalidArgumentError, Option, type Command } from 'commander';
import { uncertainParameters } from '../../scenario/uncertainParameters.js';
import { chooseBox, DEFAULT_MIN_COVERAGE } from '../../discovery/chooseBox.js';
import { discoveryJson, formatDiscovery } from '../../discovery/formatDiscovery.js';
import { inspectBox } from '../../discovery/inspectBox.js';
import { prim, PRIM_DEFAULTS } from '../../discovery/prim.js';
import type { PrimColumn } from '../../discovery/primTable.js';
import { collectRows } from '../../montecarlo/rowsJob.js';
import { quantile } from '../../random/distribution.js';
import { meets, parseCondition } from '../../runtable/parseCondition.js';
import { outcomeColumns } from '../../runtable/reduceOutcomes.js';
import { runTablePlan } from '../../runtable/runTablePlan.js';
import { rangeDiagnostic } from '../../scenario/probeScenario.js';
import { ValueRangeError } from '../../scenario/resolveRun.js';
import { leverValueText } from '../../sweep/sweepPolicies.js';
import { VERSION } from '../../version.js';
import { InvalidInput, UsageError } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { defaultWorkers } from '../defaultWorkers.js';
import type { DesignKind } from '../../design/designKind.js';
import { checkDesign, designOption } from '../designOption.js';
import { examples } from '../examples.js';
import { loadScenarioFile } from '../loadScenarioFile.js';
import { parseRuns, parseSeed, parseWorkers } from '../optionParsers.js';
import { addOutOptions, prepareOut, scenarioInputs } from '../outputOptions.js';
import { collectSweep, SWEEP_HELP, sweptPolicies } from '../sweepOption.js';
import { withProgress } from '../withProgress.js';
import { writeOutput } from '../writeOutput.js';
import { tablePolicies } from './runs.js';

/** The most rows (runs x policies) discover holds in memory: ~60 columns of doubles each, ~1 GB at this size. */
export const MAX_DISCOVER_ROWS = 2_000_000;

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

function parseShare(low: number, high: number) {
  return (text: string) => {
    const x = Number(text);
    if (!/^\s*[\d.]+\s*$/.test(text) || !(x >= low && x <= high)) throw new InvalidArgumentError(`expected a number from ${low} to ${high} (got '${text}')`);
    return x;
  };
}

/** Adds `brigadas discover` to the program: PRIM over the runs, the conditions under which an outcome happens. */
export function registerDiscover(program: Command, io: CliIo): void {
  const discover = program
    .command('discover')
    .description('scenario discovery: find the ranges of the uncertain parameters (and swept levers) under which an outcome happens (PRIM)')
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption('--outcome <condition>', "the case of interest, such as 'healthWorkersAbroad@2030 < 15000' (an outcome as runs --outcomes takes it, < <= > >=, a number)")
    .option('-n, --runs <n>', 'number of Monte Carlo runs (of each policy)', parseRuns, 5000)
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
      const condition = parseCondition(opts.outcome, { metrics: c.layout.metrics, years: c.years });
      if (!condition.ok) throw new UsageError(condition.errors.join('\nbrigadas: '));
      const { sweeps, policies } = sweptPolicies(c, opts.sweep);
      const scenarios = policies.length === 0 ? [c] : policies.map((p) => p.scenario);
      const rows = opts.runs * scenarios.length;
      if (rows > MAX_DISCOVER_ROWS) throw new UsageError(`discover keeps every run in memory: --runs ${opts.runs} x ${scenarios.length} policies is ${rows} runs, above ${MAX_DISCOVER_ROWS}; use fewer runs`);
      const uncertainList = uncertainParameters(c.parameters);
      if (uncertainList.length === 0 && sweeps.length === 0) throw new UsageError(`scenario '${c.name}' has no uncertain parameters and no lever is swept: nothing to search`);
      checkDesign(io, opts.design, opts.runs, c);
      const out = prepareOut(opts, format, scenarioInputs([c]));
      const uncertain = uncertainList.map((p) => ({ name: p.name, integer: p.integer === true }));
      const outcomes = [condition.value.outcome];
      const plan = runTablePlan(uncertain, outcomes, tablePolicies(policies));

      // Every run's parameters, lever values and whether it is a case, in run order (policy after policy).
      const params = uncertain.map(() => new Float64Array(rows));
      const levers = sweeps.map(() => new Float64Array(rows));
      const cases = new Uint8Array(rows);
      let at = 0;
      try {
        await withProgress(io, opts.quiet, (onProgress) =>
          collectRows(scenarios, {
            runs: opts.runs,
            seed: opts.seed,
            design: opts.design,
            cells: plan.cells,
            parameters: plan.parameters,
            workers: defaultWorkers(opts.workers, rows),
            onRows: (chunk) => {
              const k = uncertain.length;
              for (let i = 0; i < chunk.count; i++) for (let j = 0; j < k; j++) params[j][at + i] = chunk.parameters[i * k + j];
              const policy = policies[chunk.scenario];
              sweeps.forEach((s, j) => levers[j].fill(s.values.indexOf(policy.policy.settings[j].value), at, at + chunk.count));
              const [outcome] = outcomeColumns(outcomes, chunk.values, chunk.count);
              for (let i = 0; i < chunk.count; i++) cases[at + i] = meets(condition.value, outcome[i]) ? 1 : 0;
              at += chunk.count;
            },
            onProgress,
            signal: io.interrupt,
          }),
        );
      } catch (e) {
        if (e instanceof ValueRangeError) throw new InvalidInput([rangeDiagnostic(c, e)]);
        throw e;
      }

      const columns: PrimColumn[] = [
        ...uncertainList.map((p, j): PrimColumn => ({ name: p.name, kind: p.integer ? 'integer' : 'real', values: params[j], prior: priorRange(p.dist) })),
        ...sweeps.map((s, j): PrimColumn => ({ name: s.lever, kind: 'category', values: levers[j], levels: s.values.map((v) => leverValueText(s.lever, v)) })),
      ];
      const table = { columns, cases };
      const result = prim(table, { peelAlpha: opts.peelAlpha, pasteAlpha: opts.pasteAlpha, massMin: opts.massMin });
      const chosen = chooseBox(result, opts.minCoverage);
      const inspection = inspectBox(table, chosen.box);
      const head = `brigadas ${c.name} (${c.file}): cases of interest: ${condition.value.text}; seed ${opts.seed}, ${opts.runs} runs${policies.length > 0 ? ` of each of ${policies.length} policies` : ''}\n`;
      const text =
        format === 'json'
          ? `${JSON.stringify({ brigadas: VERSION, scenario: c.name, file: c.file, condition: condition.value.text, seed: opts.seed, runs: opts.runs, policies: policies.map((p) => p.policy.label), ...discoveryJson(result, chosen, inspection) }, null, 2)}\n`
          : `${head}${formatDiscovery(result, chosen, inspection)}`;
      await writeOutput(io, out, text);
    });
}

// The prior's range: its support where finite, else its 0.1% and 99.9% quantiles.
function priorRange(dist: Parameters<typeof quantile>[0]): [number, number] {
  const lo = quantile(dist, 0);
  const hi = quantile(dist, 1);
  return [Number.isFinite(lo) ? lo : quantile(dist, 0.001), Number.isFinite(hi) ? hi : quantile(dist, 0.999)];
}

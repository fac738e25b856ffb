import { Command } from 'commander';
import { VERSION } from '../version.js';
import { processIo, type CliIo } from './cliIo.js';
import { registerBacktest } from './commands/backtest.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCompare } from './commands/compare.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerChart } from './commands/chart.js';
import { registerReport } from './commands/report.js';
import { registerDiscover } from './commands/discover.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerSchema } from './commands/schema.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerValidate } from './commands/validate.js';
import { examples } from './examples.js';

/** Builds the brigadas program, every command registering itself on it; `main` runs it, tests may inspect it. */
export function makeProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('brigadas')
    .description("Monte Carlo scenarios of Cuba's overseas medical missions")
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    // One prefix for every message that is not located in a file: commander's own say `error:`.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text.replace(/^error: /, 'brigadas: ')), ...plainOutput(io) })
    .showHelpAfterError('(run brigadas --help for usage)')
    .addHelpText('after', examples('run scenarios/baseline.yaml', 'compare scenarios/baseline.yaml scenarios/parole-reinstated-2027.yaml', 'run --help'));
  // In the order `brigadas --help` lists them.
  registerRun(program, io);
  registerRuns(program, io);
  registerValidate(program, io);
  registerSchema(program, io);
  registerBacktest(program, io);
  registerCalibrate(program, io);
  registerCompare(program, io);
  registerSensitivity(program, io);
  registerDiscover(program, io);
  registerChart(program, io);
  registerReport(program, io);
  registerDashboard(program, io);
  return program;
}

// Injected writers are not the terminal commander would measure: wrap help at 80 columns without colour, so
// what tests read does not depend on the terminal that runs them.
function plainOutput(io: CliIo): object {
  if (io === processIo) return {};
  return { getOutHelpWidth: () => 80, getErrHelpWidth: () => 80, getOutHasColors: () => false, getErrHasColors: () => false };
}

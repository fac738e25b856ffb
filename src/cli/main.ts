import { CommanderError } from 'commander';
import { MonteCarloAborted } from '../montecarlo/runMonteCarlo.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import { processIo, type CliIo } from './cliIo.js';
import { compileOnWorkerThreads } from './compileOnWorkerThreads.js';
import { EXIT } from './exitCodes.js';
import { OutputError } from './outputError.js';
import { makeProgram } from './program.js';

// Kept importable from here, where callers of `main` have always found them.
export type { CliIo };
export { makeProgram };

let pipeGuarded = false;

// A reader that stops early (`brigadas run ... | head`) closes the pipe: the rest is unwanted, not a crash
// with a stack trace. Other write errors are runtime failures, said in one line.
function guardStdout(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`brigadas: cannot write the output: ${e.message}\n`);
    process.exitCode = EXIT.runtime;
  });
}

/** Runs the brigadas command line on arguments (without `node` and the script) and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  let detach = () => {};
  if (io === processIo) {
    guardStdout();
    compileOnWorkerThreads();
    // Ctrl-C aborts the runs; the command then exits 130 without writing anything.
    const interrupt = new AbortController();
    const onSignal = () => interrupt.abort();
    process.once('SIGINT', onSignal);
    detach = () => process.removeListener('SIGINT', onSignal);
    io = { ...io, interrupt: interrupt.signal };
  }
  const program = makeProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof MonteCarloAborted) {
      io.stderr('brigadas: interrupted; nothing was written\n');
      return EXIT.interrupted;
    }
    if (e instanceof CommanderError) {
      // Help and version asked for are successes; help shown for want of a command (bare `brigadas`, `brigadas
      // help nonsense`), exit code 1 from commander, and everything else commander raises are usage errors.
      const asked = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0);
      return asked ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof InvalidInput) {
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return EXIT.invalidScenario;
    }
    if (e instanceof OutputError) {
      io.stderr(`brigadas: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof UsageError) {
      io.stderr(`brigadas: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`brigadas: internal error: ${err.message}\n`);
    if (debug && err.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('(run again with --debug for details)\n');
    return EXIT.runtime;
  } finally {
    detach();
  }
}

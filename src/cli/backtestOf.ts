import { resolveTargets, type ResolvedTarget } from '../backtest/resolveTargets.js';
import { runBacktest, type BacktestReport } from '../backtest/runBacktest.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { InvalidInput } from './cliErrors.js';
import type { CliIo } from './cliIo.js';
import { defaultWorkers } from './defaultWorkers.js';
import type { InputFile } from './outputTarget.js';
import { readTargets } from './readTargets.js';
import { withProgress } from './withProgress.js';

/** A back-test read and checked before any run: its targets file (an input --out must not replace) and how to run it. */
export interface PreparedBacktest {
  readonly input: InputFile;
  readonly run: (opts: { runs: number; seed: number; workers?: number; quiet?: boolean }) => Promise<BacktestReport>;
}

/** Reads and resolves the targets (default: the package's history) against a scenario, or ends the command (exit 2 or 3). */
export function prepareBacktest(c: CompiledScenario, targetsOption: string | undefined, io: CliIo): PreparedBacktest {
  const { file, targets } = readTargets(targetsOption);
  const resolved = resolveTargets(targets, c);
  if (!resolved.ok) throw new InvalidInput(resolved.errors);
  const value: readonly ResolvedTarget[] = resolved.value;
  return {
    input: { file, role: 'the targets file' },
    run: ({ runs, seed, workers, quiet }) => withProgress(io, quiet, (onProgress) => runBacktest(c, value, file, { runs, seed, workers: defaultWorkers(workers, runs), onProgress, signal: io.interrupt })),
  };
}

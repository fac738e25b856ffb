import { parseTargets } from '../backtest/parseTargets.js';
import type { Target } from '../backtest/target.js';
import { readTextFile } from '../node/nodeFilePort.js';
import { InvalidInput, UsageError } from './cliErrors.js';
import { packageFile } from './packageFile.js';

/** Reads the targets file (default: the package's data/history.csv), or ends the command: exit 2 when unreadable, 3 when invalid. */
export function readTargets(option: string | undefined): { file: string; targets: Target[] } {
  const file = option ?? packageFile('data/history.csv');
  const read = readTextFile(file);
  if (!read.ok) throw new UsageError(`--targets: ${read.message}`);
  const parsed = parseTargets(read.text, file);
  if (!parsed.ok) throw new InvalidInput(parsed.errors);
  return { file, targets: parsed.value };
}

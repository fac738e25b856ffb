import type { CliIo } from './cliIo.js';
import { progressLine } from './progress.js';

/** Progress as a callback: runs done so far out of the total. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Does long work with a progress line on stderr when it is a terminal (and not --quiet), cleared when the
 * work ends however it ends.
 */
export async function withProgress<R>(io: CliIo, quiet: boolean | undefined, work: (onProgress: OnProgress | undefined) => Promise<R>): Promise<R> {
  const progress = io.stderrIsTTY && quiet !== true ? progressLine(io.stderr) : undefined;
  try {
    return await work(progress?.onProgress);
  } finally {
    progress?.clear();
  }
}

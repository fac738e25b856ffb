/** Where the command line writes: injected so tests run the CLI in-process and read what it printed. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal, where progress is shown. */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout is a terminal, where `run` without --format and `dashboard` open the dashboard. */
  readonly stdoutIsTTY?: boolean;
  /** Aborts long work (Ctrl-C). */
  readonly interrupt?: AbortSignal;
}

/** The process's own streams: what `brigadas` writes to when run from a shell. */
export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
};

/**
 * Where a run-table writer sends its bytes, synchronously and in order (the CLI gives a file or stdout).
 * Strings are to be written as UTF-8. A writer never reuses a chunk after handing it over, so a sink may
 * keep it (queue it) without copying.
 */
export interface ByteSink {
  write(chunk: Uint8Array | string): void;
}

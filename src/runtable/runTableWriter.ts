import type { RowBatch } from './rowBatch.js';

/** Streams a run table to a byte sink: `begin()` once, `write()` each batch of rows in run order, `end()` once. */
export interface RunTableWriter {
  begin(): void;
  write(batch: RowBatch): void;
  end(): void;
}

/** Wraps a writer's steps so they run in order (begin, writes, end), each at most once where it must be. */
export function inOrder(format: string, steps: RunTableWriter): RunTableWriter {
  let state: 'new' | 'open' | 'ended' = 'new';
  const need = (s: typeof state, what: string) => {
    if (state !== s) throw new Error(`${format} run table: ${what} ${state === 'ended' ? 'after end()' : state === 'new' ? 'before begin()' : 'twice'}`);
  };
  return {
    begin() {
      need('new', 'begin()');
      state = 'open';
      steps.begin();
    },
    write(batch) {
      need('open', 'write()');
      steps.write(batch);
    },
    end() {
      need('open', 'end()');
      state = 'ended';
      steps.end();
    },
  };
}

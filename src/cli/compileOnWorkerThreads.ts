import { setFlagsFromString } from 'node:v8';

/**
 * Makes the worker threads this process starts from now on optimize hot code on their own thread instead
 * of V8's background compiler threads (docs/PERFORMANCE.md): with a worker for every core, as the command
 * line starts them, background compiles have no core of their own and take turns with the workers while
 * each warms up. V8 reads the flag as it creates each isolate; it is process-wide, so the command line sets
 * it for its own process and the library leaves a host program's settings alone.
 */
export function compileOnWorkerThreads(): void {
  setFlagsFromString('--no-concurrent-recompilation');
}

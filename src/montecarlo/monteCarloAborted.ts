/** Thrown when a Monte Carlo (or any work on the worker pool) is aborted through its signal. */
export class MonteCarloAborted extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('the Monte Carlo was interrupted');
  }
}

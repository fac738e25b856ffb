import { MEMORY_BUDGET } from '../montecarlo/memoryBudget.js';
import type { SensitivityMethod } from './analyzeSensitivity.js';

/** Which design a Sobol analysis holds: with second order, the BA_i blocks too (ignored by other methods). */
export interface SensitivityBytesOptions {
  readonly secondOrder?: boolean;
}

/**
 * Estimates the bytes a sensitivity analysis holds at its peak: every point of its design (one quantile per
 * factor), its run index and the metric there, all at once, as the estimators read every point (Sobol's
 * bootstrap resamples them); `factors` is k, the parameters varied.
 */
export function sensitivityBytes(method: SensitivityMethod, samples: number, factors: number, options: SensitivityBytesOptions = {}): number {
  const k = factors;
  if (method === 'tornado') return (2 * k + 1) * samples * (k + 2) * 8;
  // The trajectories' points, moves and directions, the run indices, the outputs and the effects (JS arrays).
  if (method === 'morris') return samples * ((k + 1) * (k + 2) * 8 + k * 17);
  // Saltelli's two base matrices, their n (dim + 2) points, the factors' quantiles of those, run indices and
  // outputs; dim = k + 1 counts the runs' random streams.
  const dim = k + 1;
  if (options.secondOrder !== true) return samples * (16 * dim + 8 * (dim + 2) * (dim + k + 2) + 8);
  // With second order n (2 dim + 2) points, and one more copy of the outputs (normalized, as SALib's estimator
  // reads them); the pairs' bootstrap estimates grow with the factors, not the samples: they are left out.
  return samples * (16 * dim + 8 * (2 * dim + 2) * (dim + k + 3) + 8);
}

/** The most samples of a method whose analysis stays within MEMORY_BUDGET (see sensitivityBytes). */
export function maxSensitivitySamples(method: SensitivityMethod, factors: number, options: SensitivityBytesOptions = {}): number {
  return Math.floor(MEMORY_BUDGET / sensitivityBytes(method, 1, factors, options));
}

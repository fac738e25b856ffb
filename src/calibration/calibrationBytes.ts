import { MEMORY_BUDGET } from '../montecarlo/memoryBudget.js';

/**
 * Estimates the bytes a calibration holds at its peak for `draws` draws: each target's value and each
 * uncertain parameter's in every draw (the kept draws are found among all of them), with the distances,
 * weights and orderings of the draws.
 */
export function calibrationBytes(draws: number, targets: number, parameters: number): number {
  // Per draw: a double per target and parameter; its distance and weight (16), the sort of the draws by
  // distance (a JS array and its merge buffer, ~24), the posterior's quantiles (the kept draws sorted, ~24)
  // and the garbage collector's slack (measured: 0.87 GB for a million draws of 73 targets and 39 parameters).
  return draws * (8 * (targets + parameters) + 96);
}

/** The most draws whose calibration stays within MEMORY_BUDGET (see calibrationBytes). */
export function maxCalibrationDraws(targets: number, parameters: number): number {
  return Math.floor(MEMORY_BUDGET / calibrationBytes(1, targets, parameters));
}

import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import type { ParameterFile } from '../scenario/schema.js';
import { arbNumberIn } from './arbFraction.js';

/** A distribution as a scenario writes it, without its `source`. */
export type DistributionFile = ParameterFile extends infer P ? (P extends unknown ? Omit<P, 'source'> : never) : never;

/**
 * A distribution of any kind (fixed, uniform, triangular, normal, lognormal, beta, pert, discrete) that can
 * only draw values in [a, b]; `shareLike` allows a bare beta (support [0, 1]) when [a, b] is [0, 1].
 */
export function arbDistribution(a: number, b: number, shareLike = false): Arbitrary<DistributionFile> {
  const point = arbNumberIn(a, b);
  const kinds: Arbitrary<DistributionFile>[] = [
    point.map((value) => ({ dist: 'fixed', value })),
    fc.constant({ dist: 'uniform', min: a, max: b }),
    point.map((mode) => ({ dist: 'triangular', min: a, mode, max: b })),
    fc
      .tuple(point, fc.double({ min: 0.01, max: 3, noNaN: true }))
      // The median and mean lie in [a, b], never far out in a tail the loader refuses.
      .map(([mean, s]) => ({ dist: 'normal', mean, sd: Math.max((b - a) * s, 1e-6), min: a, max: b })),
    fc
      .tuple(point, fc.double({ min: 0.01, max: 2, noNaN: true }))
      .map(([median, sigma]) => ({ dist: 'lognormal', median: median > 0 ? median : b > 0 ? b : 1e-3, sigma, min: a, max: b })),
    fc
      .tuple(fc.double({ min: 0.2, max: 10, noNaN: true }), fc.double({ min: 0.2, max: 10, noNaN: true }), fc.boolean())
      .map(([alpha, beta, bare]): DistributionFile => (shareLike && bare && a === 0 && b === 1 ? { dist: 'beta', alpha, beta } : { dist: 'beta', alpha, beta, min: a, max: b })),
    fc
      .tuple(point, fc.option(fc.double({ min: 0.5, max: 10, noNaN: true }), { nil: undefined }))
      .map(([mode, lambda]): DistributionFile => (lambda === undefined ? { dist: 'pert', min: a, mode, max: b } : { dist: 'pert', min: a, mode, max: b, lambda })),
    fc.array(point, { minLength: 1, maxLength: 5 }).chain((values) =>
      fc.oneof(
        fc.constant<DistributionFile>({ dist: 'discrete', values }),
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: values.length, maxLength: values.length })
          // At least one weight must be positive.
          .map((w) => (w.some((x) => x > 0) ? w : w.map((_, i) => (i === 0 ? 1 : 0))))
          .map((weights): DistributionFile => ({ dist: 'discrete', values, weights })),
      ),
    ),
  ];
  return fc.oneof(...kinds);
}

import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import { arbFraction } from './arbFraction.js';
import type { MonthSpan } from './arbHorizon.js';
import { arbSchedule } from './arbSchedule.js';
import { maybe } from './maybe.js';

/**
 * A host programme over a horizon: random initial workers, demand, payments (often none), retention (0 and 1
 * likely), behaviour; `helper` names a share parameter that its values may use in expressions.
 */
export function arbHost(span: MonthSpan, helper: string): Arbitrary<Record<string, unknown>> {
  const share = fc.oneof(arbFraction, fc.constant(helper));
  return fc
    .record({
      initialWorkers: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
      demand: arbSchedule(span, 0, 30_000, { helper }),
      doctorShare: share,
      paymentUSD: fc.oneof(fc.constant(0), arbSchedule(span, 0, 20_000, { cents: true, helper })),
      retention: maybe(share),
      defectionFactor: maybe(arbSchedule(span, 0, 5, { helper })),
      stayShareOnEnd: maybe(share),
      pressureHazard: maybe(share),
      pressureCutShare: maybe(share),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)));
}

import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import { arbFraction } from './arbFraction.js';
import type { MonthSpan } from './arbHorizon.js';
import { arbSchedule } from './arbSchedule.js';
import { maybe } from './maybe.js';

/**
 * A host programme over a horizon: random initial workers, demand, payments in cash (often none) or oil, a booked
 * price, retention (0 and 1 likely), behaviour; `helper` names a share parameter that its values may use in expressions.
 */
export function arbHost(span: MonthSpan, helper: string): Arbitrary<Record<string, unknown>> {
  const share = fc.oneof(arbFraction, fc.constant(helper));
  return fc
    .record({
      initialWorkers: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
      demand: arbSchedule(span, 0, 30_000, { helper }),
      doctorShare: share,
      paymentUSD: fc.oneof(fc.constant(0), arbSchedule(span, 0, 20_000, { cents: true, helper })),
      // Paid in oil sometimes (the scenario then always has an oil price), booked at a price of its own sometimes.
      // Oil in whole hundredths of a barrel and shares in millionths: like cash in cents, so a value per
      // worker-month times a tiny retention does not underflow to 0.
      oilBarrelsPerDay: maybe(arbSchedule(span, 0, 200_000, { cents: true, helper })),
      oilValueShare: maybe(fc.integer({ min: 0, max: 1_000_000 }).map((i) => i / 1_000_000)),
      bookedPriceUSD: maybe(arbSchedule(span, 0, 30_000, { cents: true, helper })),
      retention: maybe(share),
      defectionFactor: maybe(arbSchedule(span, 0, 5, { helper })),
      stayShareOnEnd: maybe(share),
      pressureHazard: maybe(fc.oneof(share, fc.double({ min: 0, max: 100, noNaN: true }))),
      pressureCutShare: maybe(share),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)));
}

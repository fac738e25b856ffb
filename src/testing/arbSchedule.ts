import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import { monthText } from '../scenario/month.js';
import type { Schedule, Value } from '../scenario/schema.js';
import { arbNumberIn } from './arbFraction.js';
import type { MonthSpan } from './arbHorizon.js';

/** How a generated schedule's values are drawn. */
export interface ScheduleOptions {
  /** A switch: values are true/false or 0/1, and the schedule only steps. */
  readonly boolean?: boolean;
  /** Values must stay > 0 (a 0 drawn becomes the high end). */
  readonly positive?: boolean;
  /** Values are whole cents (money). */
  readonly cents?: boolean;
  /** A declared parameter in [0, 1] that values may use in expressions; without it, values are plain numbers. */
  readonly helper?: string;
}

/**
 * A schedule of values in [lo, hi] over a horizon: a constant, an expression over the helper share, or step
 * or linear points at random months (the first at or before the start, none after the end).
 */
export function arbSchedule(span: MonthSpan, lo: number, hi: number, opts: ScheduleOptions = {}): Arbitrary<Schedule> {
  const { start, months } = span;
  // Money is whole cents: a payment of 1e-320 USD underflows to 0 once multiplied by a retention.
  const round = (x: number) => (opts.cents ? Math.round(x * 100) / 100 : x);
  const numbers = arbNumberIn(lo, hi).map((x) => round(opts.positive && x === 0 ? hi : x));
  // hi * helper (+ 1 where the value must stay positive) stays in range for every draw of a share.
  const expression =
    opts.helper === undefined
      ? undefined
      : opts.positive
        ? `${hi - 1} * ${opts.helper} + 1`
        : lo !== 0
          ? `${lo}`
          : opts.cents
            ? `round(${hi * 100} * ${opts.helper}) / 100`
            : `${hi} * ${opts.helper}`;
  const value: Arbitrary<Value> = opts.boolean
    ? fc.oneof(fc.boolean(), fc.constantFrom(0, 1))
    : expression === undefined
      ? numbers
      : fc.oneof({ weight: 4, arbitrary: numbers }, { weight: 1, arbitrary: fc.constant(expression) });
  const points = fc
    .tuple(
      value,
      fc.constantFrom(0, 0, 0, -1, -30),
      fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, months - 1) }), { maxLength: Math.min(5, months - 1) }),
      fc.array(value, { minLength: 5, maxLength: 5 }),
    )
    .map(([first, firstOffset, offsets, values]) => {
      const out: Record<string, Value> = { [monthText(start + firstOffset)]: first };
      offsets.forEach((o, i) => {
        out[monthText(start + o)] = values[i];
      });
      return out;
    });
  // A switch only steps; other schedules may also be linear.
  if (opts.boolean) return fc.oneof(value, points);
  return fc.oneof({ weight: 2, arbitrary: value }, { weight: 2, arbitrary: points }, { weight: 1, arbitrary: points.map((linear) => ({ linear })) });
}

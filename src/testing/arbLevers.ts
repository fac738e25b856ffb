import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';
import type { Lever } from '../model/spec.js';
import { monthText } from '../scenario/month.js';
import type { Schedule } from '../scenario/schema.js';
import { monthSpan, type Horizon } from './arbHorizon.js';
import { arbSchedule } from './arbSchedule.js';
import { maybe } from './maybe.js';

/** The levers section of a scenario: a schedule per lever it sets (the others keep their defaults). */
export type Levers = Partial<Record<Lever, Schedule>>;

/** Choices the generated levers must respect. */
export interface LeverOptions {
  /** Keep parole closed over the whole horizon (written as closed, or left to its default). */
  readonly paroleClosed?: boolean;
  /** A share parameter (in [0, 1]) the scenario declares, which values may use in expressions. */
  readonly helper?: string;
}

/**
 * Policy levers over a horizon (a scenario's `start` and `end`, so `arbLevers(scenario)` fits it): each left
 * out, constant, or switching at random months between legal values, ends included (retention cap 0 or 1).
 */
export function arbLevers(horizon: Horizon, options: LeverOptions = {}): Arbitrary<Levers> {
  const span = monthSpan(horizon);
  const helper = options.helper;
  const schedule = (lo: number, hi: number) => maybe(arbSchedule(span, lo, hi, { helper }));
  return fc
    .record({
      paroleOpen: options.paroleClosed
        ? fc.constantFrom<Schedule | undefined>(undefined, false, 0, { [monthText(span.start)]: false })
        : fc.oneof(fc.constant(undefined), fc.constant(false), arbSchedule(span, 0, 1, { boolean: true })),
      travelPermissionCoverage: schedule(0, 1),
      domesticSalaryUSD: schedule(0, 500),
      reentryBanYears: schedule(0, 30),
      usPressure: schedule(0, 5),
      retentionCap: schedule(0, 1),
      minDoctorsPer1000AtHome: schedule(0, 10),
      hostPriceFactor: schedule(0.2, 5),
    })
    .map((levers) => Object.fromEntries(Object.entries(levers).filter(([, v]) => v !== undefined)) as Levers);
}

import type { Arbitrary } from 'fast-check';
import fc from './fastCheck.js';

/** An optional field: left out (so its default applies) about one time in four, else drawn from `arb`. */
export const maybe = <T>(arb: Arbitrary<T>): Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

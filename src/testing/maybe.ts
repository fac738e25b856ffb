import fc from 'fast-check';

/** An optional field: left out (so its default applies) about one time in four, else drawn from `arb`. */
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

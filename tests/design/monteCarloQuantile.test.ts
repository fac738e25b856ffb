import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterQuantile } from '../../src/design/parameterQuantile.js';
import { streamFor } from '../../src/random/rng.js';

const seed = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));
const name = fc.string({ minLength: 1, maxLength: 30 });

describe('the mc design', () => {
  it("is exactly the engine's draw before designs: the first number of the stream (seed, run, 'param:' + name)", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 1e7 }), fc.nat(), fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), (s, runs, r, names) => {
        const run = r % runs;
        const plan = { kind: 'mc' as const, runs, seed: s, names };
        names.forEach((n, i) => expect(Object.is(parameterQuantile(plan, run, i), streamFor(s, run, `param:${n}`)())).toBe(true));
      }),
      { seed: 20260101, numRuns: 300 },
    );
  });

  it('does not depend on the number of runs or on the other parameters', () => {
    const a = { kind: 'mc' as const, runs: 10, seed: 7, names: ['x', 'y'] };
    const b = { kind: 'mc' as const, runs: 1000, seed: 7, names: ['w', 'y', 'z'] };
    for (let run = 0; run < 10; run++) expect(parameterQuantile(b, run, 1)).toBe(parameterQuantile(a, run, 1));
  });
});

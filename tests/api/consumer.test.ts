// A test suite as another project would write it: it imports brigadas only as a package (through the
// package.json exports map, so `npm run build` must have built dist/ first; `npm test` does).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from 'brigadas';
import { arbScenario, checkInvariants, scenarioToYaml } from 'brigadas/testing';

describe('brigadas used as a package by another test suite', () => {
  it('simulates 300 generated scenarios, 20 runs each, and every invariant holds, within a minute', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario(), async (s) => {
        const r = await simulate(s, { runs: 20, seed: 1 });
        expect(checkInvariants(r)).toEqual([]);
        expect(checkInvariants(r, s)).toEqual([]);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('replays a generated scenario from its YAML with the same result, as `brigadas run` would', async () => {
    const [s] = fc.sample(arbScenario(), { numRuns: 1, seed: 2 });
    const yaml = scenarioToYaml(s);
    const replayed = parseScenario(yaml, s.file);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(await simulate(replayed.value, { runs: 5, seed: 9 })).toEqual(await simulate(s, { runs: 5, seed: 9 }));
  });
});

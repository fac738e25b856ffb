// The library's functions given the wrong arguments: each says which argument, what it got and what it
// expected, as a documented TypeError or RangeError (a rejection for the async ones), never a raw TypeError
// from deep inside; loadScenario and parseScenario still never throw for bad scenario files or text.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { repoPath } from '../cli/harness.js';

const { compare, loadScenario, loadScenarioWith, parseScenario, simulate } = api;

const loaded = loadScenario(repoPath('scenarios/baseline.yaml'));
if (!loaded.ok) throw new Error('the baseline must load');
const baseline = loaded.value;

describe('simulate and compare with wrong arguments', () => {
  it('a load result instead of its value says to pass result.value', async () => {
    await expect(simulate(loaded as never, { runs: 2, seed: 1 })).rejects.toThrow(
      new TypeError('simulate: the scenario is the result of loadScenario or parseScenario, not a scenario; pass result.value after checking result.ok'),
    );
    const failed = loadScenario('nosuch.yaml');
    await expect(simulate(failed as never, { runs: 2, seed: 1 })).rejects.toThrow(
      'simulate: the scenario is the result of loadScenario or parseScenario, not a scenario; pass result.value after checking result.ok (this one failed: cannot read nosuch.yaml: no such file)',
    );
    await expect(compare(baseline, [loaded as never], { runs: 2, seed: 1 })).rejects.toThrow(/^compare: alternatives\[0\] is the result of loadScenario or parseScenario, not a scenario; pass result\.value/);
  });

  it('something that is no scenario at all', async () => {
    for (const [x, got] of [
      [undefined, 'undefined'],
      [null, 'null'],
      ['scenarios/baseline.yaml', 'the string "scenarios/baseline.yaml"'],
      [{ name: 'x' }, 'an object with keys name'],
    ] as const) {
      await expect(simulate(x as never, { runs: 2, seed: 1 })).rejects.toThrow(
        new TypeError(`simulate: the scenario must be a compiled scenario, the value of loadScenario or parseScenario (got ${got})`),
      );
    }
    await expect(compare(undefined as never, [], { runs: 2, seed: 1 })).rejects.toThrow(/^compare: the baseline must be a compiled scenario/);
    await expect(compare(baseline, baseline as never, { runs: 2, seed: 1 })).rejects.toThrow(
      /^compare: alternatives must be an array of compiled scenarios \(got an object with keys [^)]*\); wrap a single scenario in \[ \]$/,
    );
  });

  it('options: missing, unknown, of the wrong kind or out of range', async () => {
    await expect(simulate(baseline, undefined as never)).rejects.toThrow(new TypeError('simulate: options must be an object such as { runs: 1000, seed: 1 } (got undefined)'));
    await expect(simulate(baseline, { runs: 2, seed: 1, run: 3 } as never)).rejects.toThrow(
      new TypeError("simulate: unknown option 'run'; did you mean 'runs'? (the options are runs, seed, workers)"),
    );
    await expect(simulate(baseline, { runs: '10', seed: 1 } as never)).rejects.toThrow(
      new TypeError('simulate: runs must be a number, a whole number from 1 to 10000000 (got the string "10")'),
    );
    await expect(simulate(baseline, { runs: 2 } as never)).rejects.toThrow(new TypeError('simulate: seed must be a number, a safe integer such as 1 or 20261125 (got undefined)'));
    await expect(simulate(baseline, { runs: 0, seed: 1 })).rejects.toThrow(new RangeError('runs must be a whole number from 1 to 10000000 (got 0)'));
    await expect(simulate(baseline, { runs: 1e8, seed: 1 })).rejects.toThrow(RangeError);
    await expect(simulate(baseline, { runs: 2, seed: 2 ** 60 })).rejects.toThrow(new RangeError(`seed must be a safe integer such as 1 or 20261125 (got ${2 ** 60})`));
    await expect(simulate(baseline, { runs: 2, seed: 1, workers: 1000 })).rejects.toThrow(new RangeError('workers must be a whole number from 1 to 256 (got 1000)'));
    await expect(compare(baseline, [], { runs: 2, seed: 1, threads: 2 } as never)).rejects.toThrow(/^compare: unknown option 'threads'/);
  });

  it('a scenario spread into a new object with another name is still a scenario', async () => {
    const renamed = { ...baseline, name: 'renamed' };
    const r = await compare(baseline, [renamed], { runs: 2, seed: 1 });
    expect(r.alternatives).toEqual(['renamed']);
  });
});

describe('loadScenario and parseScenario with wrong arguments', () => {
  it('throw a TypeError for arguments of the wrong kind', () => {
    expect(() => parseScenario(undefined as never, 'x.yaml')).toThrow(new TypeError("parseScenario: text must be a string, the scenario's YAML (got undefined)"));
    expect(() => parseScenario('name: x' as string, undefined as never)).toThrow(
      new TypeError("parseScenario: file must be a string, the name messages give the scenario, such as 'my-scenario.yaml' (got undefined)"),
    );
    expect(() => parseScenario('name: x', 'x.yaml', {} as never)).toThrow(
      new TypeError('parseScenario: port must be a FilePort with functions read, resolve and identity (got an empty object)'),
    );
    expect(() => loadScenario(undefined as never)).toThrow(
      new TypeError("loadScenario: path must be a string, the scenario file's path such as 'scenarios/baseline.yaml' (got undefined)"),
    );
    expect(() => loadScenario({ path: 'x' } as never)).toThrow(/^loadScenario: path must be a string/);
    expect(() => loadScenario('')).toThrow(new TypeError("loadScenario: path must not be empty; expected a scenario file's path such as 'scenarios/baseline.yaml'"));
    expect(() => loadScenarioWith('x.yaml', undefined as never)).toThrow(/^loadScenarioWith: port must be a FilePort/);
  });

  it('return {ok: false} for any text, however bad, and never throw for it', () => {
    for (const text of ['', '\u0000', '[', 'a: *b', `name: ${'['.repeat(10_000)}`, `levers: {usPressure: '${'1+'.repeat(5000)}1'}`]) {
      const r = parseScenario(text, 'bad.yaml');
      expect(r.ok).toBe(false);
    }
  });
});

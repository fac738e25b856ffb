import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/model/layout.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { streamFor } from '../../src/random/rng.js';
import { host, inputs } from './runInputs.js';

const streams = (component: string) => streamFor(7, 0, component);

describe('month probes', () => {
  // A host that grows by 10 workers a month from an empty start: its stock at the end of month t is 10 (t + 1).
  const growing = inputs({ months: 24, hosts: [host(24, { id: 'a', demand: Array.from({ length: 24 }, (_, t) => 10 * (t + 1)) })] });
  const layout = modelLayout(['a']);
  const m = (name: string) => layout.index[name];

  it('reads a stock at the end of the month asked, and agrees with the year end in December', () => {
    const probes = { months: Int32Array.of(0, 4, 11, 11, 17), metrics: Int32Array.of(m('doctorsAbroad.a'), m('doctorsAbroad.a'), m('doctorsAbroad.a'), m('domesticDoctors'), m('healthWorkersAbroad')), out: new Float64Array(5) };
    const out = simulateRun(growing, layout, 2, streams, undefined, probes);
    expect(Array.from(probes.out)).toEqual([10, 50, 120, 1000 - 120, 180]);
    expect(probes.out[2]).toBe(out[m('doctorsAbroad.a') * 2]);
  });

  it("leaves the run's yearly values as they are without probes", () => {
    const probes = { months: Int32Array.of(3), metrics: Int32Array.of(m('totalDoctors')), out: new Float64Array(1) };
    expect(simulateRun(growing, layout, 2, streams, undefined, probes)).toEqual(simulateRun(growing, layout, 2, streams));
  });

  it('refuses a total over a year, a month outside the run and months out of order', () => {
    const ask = (months: number[], metric: string) => () =>
      simulateRun(growing, layout, 2, streams, undefined, { months: Int32Array.from(months), metrics: Int32Array.from(months.map(() => m(metric))), out: new Float64Array(months.length) });
    expect(ask([3], 'deployDoctors.a')).toThrow(/a total over a year.*expected a value at a moment/);
    expect(ask([24], 'domesticDoctors')).toThrow(/month 24: expected ascending months in 0-23/);
    expect(ask([5, 2], 'domesticDoctors')).toThrow(/month 2/);
  });
});

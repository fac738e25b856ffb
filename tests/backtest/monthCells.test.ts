// Targets dated in a month or a US fiscal year, resolved against a hand-made scenario and computed from its
// runs' cells: each is the model's value at the end of its month, or its running total's rise over the fiscal
// year; the flow and running-total pairs agree; calibration sees parameters that move only such targets.
import { describe, expect, it } from 'vitest';
import { fillTargetSamples } from '../../src/backtest/fillTargetSamples.js';
import { resolveTargets } from '../../src/backtest/resolveTargets.js';
import { targetCells } from '../../src/backtest/targetCells.js';
import { informedParameters } from '../../src/calibration/informedParameters.js';
import { monthCell } from '../../src/montecarlo/cellReader.js';
import { simulateCells } from '../../src/montecarlo/simulateCells.js';
import { allCells } from '../montecarlo/allCells.js';
import { monthScenario } from '../montecarlo/monthScenario.js';
import { parseOk, targetsFile } from './targetsText.js';

const c = monthScenario(); // April 2010 to September 2012
const at = (name: string) => c.layout.index[name];

function resolved(...rows: string[]) {
  const r = resolveTargets(parseOk(targetsFile(...rows)), c);
  if (!r.ok) expect.fail(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

describe('targets read at their months', () => {
  it("take the model's value at the end of the month, and a fiscal year's flow from its running total", () => {
    const targets = resolved(
      'A,s,healthWorkersAbroad.grow,2011-05,point,1,,,u,src,X001,fit,none,scholarly,',
      'B,s,paroleApplicants,2012-02,point,1,,,u,src,X001,fit,none,scholarly,',
      'C,s,population / totalDoctors,2010-07,point,1,,,u,src,X001,fit,none,scholarly,',
      'D,s,paroleApprovals,FY2012,point,1,,,u,src,X001,fit,none,scholarly,',
      'E,s,cumulativeParoleApprovals,FY2011,point,1,,,u,src,X001,fit,none,scholarly,',
      'F,s,defections,FY2011,point,1,,,u,src,X001,fit,none,scholarly,',
    );
    const tc = targetCells(targets);
    const runs = 6;
    const samples = targets.map(() => new Float64Array(runs));
    fillTargetSamples(c, tc, 3, 0, runs, samples);
    // Month indices from April 2010: May 2011 is 13, February 2012 22, July 2010 3, September 2010, 2011, 2012 5, 17, 29.
    for (let run = 0; run < runs; run++) {
      const full = allCells(c, 3, run);
      const cell = (name: string, t: number) => full[monthCell(c, at(name), t)];
      expect([0, 1, 2, 3, 4, 5].map((k) => samples[k][run]), `run ${run}`).toEqual([
        cell('healthWorkersAbroad.grow', 13),
        cell('paroleApplicants', 22),
        cell('population', 3) / cell('totalDoctors', 3),
        cell('cumulativeParoleApprovals', 29) - cell('cumulativeParoleApprovals', 17),
        cell('cumulativeParoleApprovals', 17),
        cell('cumulativeDefections', 17) - cell('cumulativeDefections', 5),
      ]);
    }
    // Parole opens in 2011, so FY2012 has approvals to count.
    expect(samples[3].some((v) => v > 0)).toBe(true);
  });

  it('refuse a fiscal year whose months the scenario does not all run, at the period cell', () => {
    const r = resolveTargets(parseOk(targetsFile('A,s,paroleApprovals,FY2010,point,1,,,u,src,X001,fit,none,scholarly,', 'B,s,healthWorkersAbroad,2010-03,point,1,,,u,src,X001,fit,none,scholarly,')), c);
    expect(r.ok ? [] : r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([
      "targets.csv:2:21: period FY2010 needs the model's value at the end of 2009-09, before the scenario's start 2010-04",
      "targets.csv:3:25: period 2010-03 needs the model's value at the end of 2010-03, before the scenario's start 2010-04",
    ]);
  });

  it("pair each flow with a running total that rises by the flow's total over every calendar year", () => {
    const paired = c.layout.metrics.filter((m) => m.runningTotal !== undefined);
    expect(paired.map((m) => [m.name, m.runningTotal])).toEqual([
      ['paroleApprovals', 'cumulativeParoleApprovals'],
      ['defections', 'cumulativeDefections'],
    ]);
    const Y = c.years.length;
    const cells = paired.flatMap((m) => [0, 1, 2].flatMap((y) => [at(m.name) * Y + y, at(m.runningTotal as string) * Y + y]));
    const values = simulateCells(c, 4, 0, 5, Int32Array.from(cells));
    for (let run = 0; run < 5; run++) {
      paired.forEach((m, p) => {
        const v = (y: number, which: 0 | 1) => values[run * cells.length + p * 6 + y * 2 + which];
        for (let y = 0; y < 3; y++) expect(v(y, 0), `${m.name}, ${c.years[y]}, run ${run}`).toBe(v(y, 1) - (y === 0 ? 0 : v(y - 1, 1)));
      });
    }
  });

  it('let calibration find a parameter that moves only targets read at months', () => {
    const targets = resolved('A,s,cumulativeDefections,2011-03,point,1,,,u,src,X001,fit,none,scholarly,');
    expect(informedParameters(c, targets, 1)).toContain('defectionBaseRate');
  });
});

// simulateCells with month cells: each the model's value at the end of its month, the December one equal to
// the year's, in any order and with repeats, the same bytes on any number of worker threads, and refused
// where no such value exists.
import { describe, expect, it } from 'vitest';
import { monthCell } from '../../src/montecarlo/cellReader.js';
import { collectCells } from '../../src/montecarlo/cellsJob.js';
import { simulateCells } from '../../src/montecarlo/simulateCells.js';
import { allCells } from './allCells.js';
import { monthScenario } from './monthScenario.js';

const c = monthScenario();
const { layout, years, months } = c;
const at = (name: string) => layout.index[name];
const yearCell = (name: string, year: number) => at(name) * years.length + years.indexOf(year);
// Month indices: the scenario starts in April 2010.
const DEC_2010 = 8;
const DEC_2011 = 20;
const LAST = months - 1;

// Month cells out of month order, a repeat, and yearly cells among them.
const CELLS = Int32Array.of(
  monthCell(c, at('healthWorkersAbroad.grow'), 17),
  yearCell('paroleApprovals', 2011),
  monthCell(c, at('cumulativeParoleApprovals'), 5),
  monthCell(c, at('healthWorkersAbroad.grow'), 3),
  monthCell(c, at('patientsPerDoctor'), LAST),
  yearCell('healthWorkersAbroad.grow', 2011),
  monthCell(c, at('healthWorkersAbroad.grow'), 17),
  monthCell(c, at('paroleApplicants'), 0),
);

describe('simulateCells with month cells', () => {
  it("gives each cell the run's value there, read straight from the model", () => {
    const first = 3;
    const count = 4;
    const values = simulateCells(c, 5, first, count, CELLS);
    for (let i = 0; i < count; i++) {
      const full = allCells(c, 5, first + i);
      CELLS.forEach((cell, k) => expect(values[i * CELLS.length + k], `run ${first + i}, cell ${cell}`).toBe(full[cell]));
    }
  });

  it("reads in December the year's value of every value at a moment, and in the last month the last year's", () => {
    const moments = layout.metrics.flatMap((m, i) => (m.moment ? [i] : []));
    const yearly = moments.flatMap((i) => [0, 1, 2].map((y) => i * years.length + y));
    const monthly = moments.flatMap((i) => [DEC_2010, DEC_2011, LAST].map((t) => monthCell(c, i, t)));
    const values = simulateCells(c, 9, 0, 3, Int32Array.from([...yearly, ...monthly]));
    const n = yearly.length;
    for (let r = 0; r < 3; r++) {
      const row = values.subarray(r * 2 * n, (r + 1) * 2 * n);
      expect(Array.from(row.subarray(n))).toEqual(Array.from(row.subarray(0, n)));
    }
    // Values that change within a year, so reading the year end for a month would show.
    expect(values[yearly.length + moments.indexOf(at('healthWorkersAbroad.grow')) * 3]).not.toBe(allCells(c, 9, 0)[monthCell(c, at('healthWorkersAbroad.grow'), 7)]);
  });

  it('gives the same bytes in this thread and on 1 or 3 worker threads', async () => {
    const runs = 620; // three chunks, the last one short
    const reference = simulateCells(c, 13, 0, runs, CELLS);
    for (const workers of [1, 3]) {
      const got = new Float64Array(runs * CELLS.length);
      await collectCells(c, { runs, seed: 13, cells: CELLS, workers, onChunk: (first, _count, values) => got.set(values, first * CELLS.length) });
      expect(Buffer.from(got.buffer).equals(Buffer.from(reference.buffer)), `${workers} workers`).toBe(true);
    }
  });

  it('refuses a cell past the last month cell, a negative one and a month cell of a value worked out over each year', () => {
    const ask = (...cells: number[]) => () => simulateCells(c, 1, 0, 1, Int32Array.from(cells));
    const end = layout.metrics.length * (years.length + months);
    const lastMoment = layout.metrics.map((m) => m.moment).lastIndexOf(true);
    expect(ask(0, monthCell(c, lastMoment, LAST))).not.toThrow();
    expect(ask(end - 1)).toThrow(/'paroleOpenMonths' at the end of month 29/);
    expect(ask(end)).toThrow(RangeError);
    expect(ask(-1)).toThrow(RangeError);
    expect(ask(monthCell(c, at('paroleApprovals'), 4))).toThrow(/'paroleApprovals' at the end of month 4: only a value at a moment has month cells/);
  });
});

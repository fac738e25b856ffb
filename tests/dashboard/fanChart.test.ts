import { describe, expect, it } from 'vitest';
import { dataRange, fanChart, plotFan, rowOf, valueAt, yearAxis, type Quantiles } from '../../src/dashboard/fanChart.js';
import { niceScale, niceStep } from '../../src/dashboard/niceScale.js';
import { joinCells, lineText } from '../../src/dashboard/segments.js';
import { columnToYear, yearToColumn } from '../../src/dashboard/yearColumns.js';

const flat = (n: number, v: number | null) => Array.from({ length: n }, () => v);
const quantiles = (n: number, p5: number, p25: number, p50: number, p75: number, p95: number): Quantiles => ({
  p5: flat(n, p5),
  p25: flat(n, p25),
  p50: flat(n, p50),
  p75: flat(n, p75),
  p95: flat(n, p95),
});
const text = (rows: { ch: string }[][]) => rows.map((r) => r.map((c) => c.ch).join(''));

describe('plotFan', () => {
  it('puts the median in the row of its value and shades the bands over the rows whose middle they cover', () => {
    // Ten rows over 0-10: row r holds values (9-r, 10-r]; its middle is 9.5 - r.
    const rows = text(plotFan({ series: [{ quantiles: quantiles(3, 2, 4, 5, 6, 8), style: 'fan' }], width: 3, height: 10, min: 0, max: 10 }));
    expect(rows).toEqual(['   ', '   ', '░░░', '░░░', '▒▒▒', '━━━', '░░░', '░░░', '   ', '   ']);
  });

  it('draws straight lines between years: a column between two years shows the values between them', () => {
    const q: Quantiles = { p5: [0, 8], p25: [0, 8], p50: [0, 8], p75: [0, 8], p95: [0, 8] };
    const rows = text(plotFan({ series: [{ quantiles: q, style: 'fan' }], width: 5, height: 8, min: 0, max: 8 }));
    // Columns 0..4 stand for years 0, 0.25, 0.5, 0.75, 1: medians 0, 2, 4, 6, 8. Row r holds (7 - r, 8 - r],
    // and 0, the bottom of the range, the bottom row: rows 7, 6, 4, 2, 0.
    const medianRow = (x: number) => rows.findIndex((r) => r[x] === '━');
    expect([0, 1, 2, 3, 4].map(medianRow)).toEqual([7, 6, 4, 2, 0]);
    // A median that moves more than a row between columns is joined by ┃, so the line never breaks.
    expect(rows[5][2]).toBe('┃');
    expect(rows[3][3]).toBe('┃');
    expect(rows[1][4]).toBe('┃');
  });

  it('outlines a second series: ╌ at its p5 and p95, • at its median, on top of the first one\'s bands', () => {
    const rows = text(
      plotFan({
        series: [
          { quantiles: quantiles(2, 2, 4, 5, 6, 8), style: 'fan' },
          { quantiles: quantiles(2, 1, 3, 7, 8, 9), style: 'outline' },
        ],
        width: 2,
        height: 10,
        min: 0,
        max: 10,
      }),
    );
    // Row r holds (9 - r, 10 - r].
    expect(rows[0]).toBe('  ');
    expect(rows[1]).toBe('╌╌'); // p95 9
    expect(rows[3]).toBe('••'); // median 7, over the first series' band
    expect(rows[5]).toBe('━━'); // the first median stays
    expect(rows[8]).toBe('  ');
    expect(rows[9]).toBe('╌╌'); // p5 1
  });

  it('marks the cursor year with │ where nothing else is, and zero with ┈ when the range spans it', () => {
    const rows = text(plotFan({ series: [{ quantiles: quantiles(5, 2, 2, 2, 2, 2), style: 'fan' }], width: 5, height: 6, min: -3, max: 3, cursor: 2, zeroLine: true }));
    // Row r holds (2 - r, 3 - r]: the median 2 is in row 1, zero in row 3.
    expect(rows.map((r) => r[2])).toEqual(['│', '━', '│', '┈', '│', '│']);
    expect(rows[3]).toBe('┈┈┈┈┈');
  });

  it('leaves a column empty where a year has no value', () => {
    const q: Quantiles = { p5: [null, null], p25: [null, null], p50: [null, null], p75: [null, null], p95: [null, null] };
    expect(text(plotFan({ series: [{ quantiles: q, style: 'fan' }], width: 2, height: 2, min: 0, max: 1 }))).toEqual(['  ', '  ']);
  });
});

describe('chart geometry', () => {
  it('maps values to rows from the top, holding values outside the range at the edges', () => {
    expect(rowOf(10, 0, 10, 5)).toBe(0);
    expect(rowOf(0, 0, 10, 5)).toBe(4);
    expect(rowOf(5, 0, 10, 5)).toBe(2);
    expect(rowOf(99, 0, 10, 5)).toBe(0);
    expect(rowOf(-99, 0, 10, 5)).toBe(4);
  });

  it('maps columns to years and back, the first and last year at the edges', () => {
    expect(columnToYear(0, 11, 6)).toBe(0);
    expect(columnToYear(10, 11, 6)).toBe(5);
    expect(columnToYear(5, 11, 6)).toBe(2.5);
    expect(yearToColumn(5, 11, 6)).toBe(10);
    expect(yearToColumn(2, 11, 6)).toBe(4);
  });

  it('interpolates a yearly series and does not bridge a missing year', () => {
    expect(valueAt([0, 10], 0.25)).toBe(2.5);
    expect(valueAt([0, null], 0.25)).toBe(0);
    expect(valueAt([0, null], 0.75)).toBe(null);
  });

  it('starts the value range at zero when the data come near it, and includes zero for differences', () => {
    expect(dataRange([{ quantiles: quantiles(2, 10, 20, 30, 40, 50), style: 'fan' }])).toEqual([0, 50]);
    expect(dataRange([{ quantiles: quantiles(2, 100, 110, 120, 130, 140), style: 'fan' }])).toEqual([100, 140]);
    expect(dataRange([{ quantiles: quantiles(2, 100, 110, 120, 130, 140), style: 'fan' }], true)).toEqual([0, 140]);
  });

  it('chooses round axis values that hold the data', () => {
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(23)).toBe(25);
    expect(niceStep(7000)).toBe(10000);
    const s = niceScale(0, 53_400, 8);
    expect(s).toMatchObject({ min: 0, max: 60_000, step: 10_000 });
    expect(s.ticks).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(niceScale(0.12, 0.93, 4).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceScale(5, 5, 4).max).toBeGreaterThan(5);
  });
});

describe('fanChart', () => {
  const years = Array.from({ length: 11 }, (_, i) => 2030 + i);

  it('labels the value axis with formatted round values and the year axis with round years', () => {
    const lines = fanChart({ series: [{ quantiles: quantiles(11, 1e8, 2e8, 3e8, 4e8, 9.2e8), style: 'fan' }], years, unit: 'USD/year', width: 40, height: 12, labelWidth: 8, cursor: 3 });
    const out = lines.map(lineText);
    expect(out).toHaveLength(12);
    expect(out[0]).toMatch(/^ +\$1\.00bn┤/);
    expect(out[9]).toMatch(/^ +\$0┤/);
    expect(out.every((l) => [...l].length === 40)).toBe(true);
    expect(out[10]).toMatch(/^ {8}└.*▲/);
    expect(out[11]).toContain('2030');
    expect(out[11]).toContain('2040');
    expect(out[11]).toContain('2033'); // the cursor's year
    // The cursor's ▲ stands under its year's column of the plot.
    expect(out[10].indexOf('▲')).toBe(9 + yearToColumn(3, 31, 11));
  });

  it('formats shares as percentages and counts in thousands', () => {
    const share = fanChart({ series: [{ quantiles: quantiles(11, 0.7, 0.8, 0.85, 0.9, 0.95), style: 'fan' }], years, unit: 'share', width: 30, height: 10, labelWidth: 7 }).map(lineText);
    expect(share.join('\n')).toContain('100.0%┤');
    const counts = fanChart({ series: [{ quantiles: quantiles(11, 5000, 9000, 12_000, 15_000, 24_800), style: 'fan' }], years, unit: 'doctors', width: 30, height: 10, labelWidth: 7 }).map(lineText);
    expect(counts.join('\n')).toMatch(/20\.0k┤/);
  });

  it('spaces the year labels so they never run together', () => {
    const axis = lineText(yearAxis(Array.from({ length: 38 }, (_, i) => 2003 + i), 30, 0)[1]);
    expect(axis).not.toMatch(/\d{5}/);
    expect(axis).not.toMatch(/\d \d/);
  });

  it('joins cells of one tone into one segment', () => {
    expect(joinCells([{ ch: 'a', tone: 'outer' }, { ch: 'b', tone: 'outer' }, { ch: 'c', tone: 'median' }])).toEqual([
      { text: 'ab', tone: 'outer' },
      { text: 'c', tone: 'median' },
    ]);
  });
});

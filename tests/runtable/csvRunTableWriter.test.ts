import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvFloat, csvRunTableWriter } from '../../src/runtable/csvRunTableWriter.js';
import { floatText } from '../../src/runtable/floatText.js';
import type { RowBatch } from '../../src/runtable/rowBatch.js';
import type { RunTableColumn, RunTableSchema } from '../../src/runtable/runTableSchema.js';
import { parseCsv } from './csvRecords.js';
import { collectingSink } from './sinkFixture.js';

const col = (name: string, type: RunTableColumn['type']): RunTableColumn => ({ name, type, role: 'parameter', source: name });
const schema: RunTableSchema = { columns: [col('run', 'int'), col('policy', 'string'), col('x', 'float'), col('n', 'int'), col('ok', 'bool')], renamed: [] };

function csvOf(s: RunTableSchema, batches: readonly RowBatch[]): string {
  const sink = collectingSink();
  const w = csvRunTableWriter(s, sink);
  w.begin();
  for (const b of batches) w.write(b);
  w.end();
  return sink.text();
}

// How pandas.read_csv and readr::read_csv infer a column from its text: all ints, all floats (or empty), else text.
const INT = /^-?\d+$/;
const FLOAT = /^(-?(\d+\.\d*|\d+(\.\d*)?e[-+]?\d+|Inf))?$/;

describe('floatText and csvFloat', () => {
  it('always writes a decimal point or an exponent, with the shortest digits that round-trip', () => {
    expect([1234, 0, -0, 1e21, 0.1, -2.5, 5e-324, 1.7976931348623157e308, 123456789012345680000].map(floatText)).toEqual([
      '1234.0',
      '0.0',
      '-0.0',
      '1e+21',
      '0.1',
      '-2.5',
      '5e-324',
      '1.7976931348623157e+308',
      '123456789012345680000.0',
    ]);
    expect([NaN, Infinity, -Infinity].map(csvFloat)).toEqual(['', 'Inf', '-Inf']);
  });

  it('reads back as the same double, and as a float', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const t = csvFloat(x);
        expect(t).toMatch(FLOAT);
        if (Number.isNaN(x)) expect(t).toBe('');
        else expect(Object.is(t === 'Inf' ? Infinity : t === '-Inf' ? -Infinity : Number(t), x)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('csvField', () => {
  it('quotes only a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '', ' spaced ', 'ünïcode €'].map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '',
      ' spaced ',
      'ünïcode €',
    ]);
  });
});

describe('csvRunTableWriter', () => {
  it('writes a header, one line per row, \\n line ends and no BOM', () => {
    const text = csvOf(schema, [
      { count: 2, columns: [Int32Array.of(0, 1), ['base', 'cap, 50%'], Float64Array.of(1234, NaN), Float64Array.of(7, -3), Uint8Array.of(1, 0)] },
    ]);
    expect(text).toBe('run,policy,x,n,ok\n0,base,1234.0,7,true\n1,"cap, 50%",,-3,false\n');
    expect(csvOf(schema, [])).toBe('run,policy,x,n,ok\n');
  });

  it('reads back every value as written: floats exactly, NaN empty, ints plain, strings unquoted', () => {
    const row = fc.record({ x: fc.double(), n: fc.integer(), s: fc.string({ unit: 'grapheme' }), ok: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 20 }), { maxLength: 5 }), (chunks) => {
        let run = 0;
        const batches = chunks.map((rows) => ({
          count: rows.length,
          columns: [Int32Array.from(rows, () => run++), rows.map((r) => r.s), Float64Array.from(rows, (r) => r.x), Int32Array.from(rows, (r) => r.n), Uint8Array.from(rows, (r) => (r.ok ? 1 : 0))],
        }));
        const [header, ...records] = parseCsv(csvOf(schema, batches));
        expect(header).toEqual(['run', 'policy', 'x', 'n', 'ok']);
        const rows = chunks.flat();
        expect(records).toHaveLength(rows.length);
        records.forEach((f, i) => {
          const r = rows[i];
          expect(f[0]).toBe(String(i));
          expect(f[1]).toBe(r.s);
          expect(f[2]).toMatch(FLOAT);
          expect(Object.is(f[2] === '' ? NaN : f[2] === 'Inf' ? Infinity : f[2] === '-Inf' ? -Infinity : Number(f[2]), r.x)).toBe(true);
          if (Number.isInteger(r.x) && r.x !== 0) expect(f[2].endsWith('.0') || f[2].includes('e')).toBe(true);
          expect(f[3]).toMatch(INT);
          expect(Number(f[3])).toBe(r.n);
          expect(f[4]).toBe(r.ok ? 'true' : 'false');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives 100,000 rows whose every column parses uniformly as its declared type, in bounded writes', () => {
    const columns: RunTableColumn[] = [
      col('run', 'int'),
      col('policy', 'string'),
      col('paroleOpen', 'float'),
      col('initialDomesticDoctors', 'int'),
      col('missionLengthYears', 'float'),
      col('healthWorkersAbroad_2030', 'float'),
      col('stateRevenueUSD_sum_2030_2035', 'float'),
      col('retentionShare_mean_2030_2035', 'float'),
    ];
    const wide: RunTableSchema = { columns, renamed: [] };
    const sink = collectingSink();
    const w = csvRunTableWriter(wide, sink);
    w.begin();
    const total = 100_000;
    const size = 250;
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
    for (let first = 0; first < total; first += size) {
      const n = Math.min(size, total - first);
      const runs = Int32Array.from({ length: n }, (_, i) => first + i);
      w.write({
        count: n,
        columns: [
          runs,
          Array.from(runs, (r) => (r % 3 === 0 ? 'baseline' : r % 3 === 1 ? 'parole reinstated, 2027' : 'cap "50"')),
          Float64Array.from(runs, (r) => r % 2), // a lever swept over whole values: still float
          Int32Array.from(runs, () => 60000 + Math.floor(random() * 7000)),
          Float64Array.from(runs, () => 2 + random() * 0.4),
          Float64Array.from(runs, () => Math.round(20000 + random() * 10000)), // whole counts, float column
          Float64Array.from(runs, () => random() * 1e10),
          Float64Array.from(runs, (r) => (r % 97 === 0 ? NaN : random())),
        ],
      });
    }
    w.end();
    // Each write is one batch of 250 rows here (at most 1024 rows): memory does not grow with the table.
    expect(Math.max(...sink.chunks.map((c) => c.length))).toBeLessThan(250 * 200);
    const [header, ...records] = parseCsv(sink.text());
    expect(header).toEqual(columns.map((c) => c.name));
    expect(records).toHaveLength(total);
    columns.forEach((c, k) => {
      const values = records.map((f) => f[k]);
      if (c.type === 'int') expect(values.every((v) => INT.test(v)), c.name).toBe(true);
      if (c.type === 'float') {
        expect(values.every((v) => FLOAT.test(v)), c.name).toBe(true);
        // Some field of a float column must not read as an int, or pandas would make it int64.
        expect(values.some((v) => !INT.test(v)), c.name).toBe(true);
      }
      if (c.type === 'string') expect(values.some((v) => !INT.test(v) && !FLOAT.test(v)), c.name).toBe(true);
    });
    expect(records.filter((f) => f[7] === '')).toHaveLength(Math.ceil(total / 97));
    expect(records[3][5]).toMatch(/^\d+\.0$/);
  });

  it('refuses a batch that does not fit the schema, and steps out of order', () => {
    const w = csvRunTableWriter(schema, collectingSink());
    expect(() => w.write({ count: 0, columns: [] })).toThrow('CSV run table: write() before begin()');
    w.begin();
    expect(() => w.write({ count: 1, columns: [Int32Array.of(0), ['a'], Float64Array.of(1)] })).toThrow('a batch has 3 columns; the schema has 5');
    expect(() => w.write({ count: 1, columns: [Int32Array.of(0), ['a'], Int32Array.of(1), Int32Array.of(1), Uint8Array.of(1)] })).toThrow('column x (float): expected a Float64Array');
    expect(() => w.write({ count: 1, columns: [Int32Array.of(0), ['a'], Float64Array.of(1), Float64Array.of(1.5), Uint8Array.of(1)] })).toThrow('column n (int): 1.5 is not a whole number');
    expect(() => w.write({ count: 2, columns: [Int32Array.of(0), ['a'], Float64Array.of(1), Int32Array.of(1), Uint8Array.of(1)] })).toThrow('column run holds 1 values in a batch of 2 rows');
    w.end();
    expect(() => w.end()).toThrow('CSV run table: end() after end()');
  });
});

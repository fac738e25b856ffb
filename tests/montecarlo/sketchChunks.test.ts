import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAccumulator } from '../../src/montecarlo/accumulator.js';
import { encodeChunk, type ChunkResult, type SummaryMode } from '../../src/montecarlo/chunkResult.js';
import { summarizeRuns } from '../../src/montecarlo/summarizeRuns.js';
import { ExactSums, exactTotal } from '../../src/stats/exactSum.js';
import { NAN_KEY, SKETCH_ALPHA, sketchKey } from '../../src/stats/logSketch.js';
import { PERCENTILES } from '../../src/stats/summarize.js';

// ---------------------------------------------------------------------------------------------------------
// Matrices of a chunk's raw values, `[run][cell]`. fast-check picks the shape, each cell's kind of values and
// a seed; the values come from a small seeded generator (cheaper than drawing up to 1440 values one by one).
// ---------------------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIXED_KINDS = ['mixed', 'wide', 'counts', 'hugeCounts', 'constant', 'zeros', 'nan', 'mostlyNaN'] as const;
const POSITIVE_KINDS = ['positive', 'positiveWide', 'positiveCounts', 'positiveConstant', 'positiveWithNaN'] as const;
type Kind = (typeof MIXED_KINDS)[number] | (typeof POSITIVE_KINDS)[number];

/** One value of a cell of the given kind; `previous` lets whole counts repeat from run to run. */
function draw(kind: Kind, u: () => number, previous: number, negativeZero: boolean): number {
  const sign = u() < 0.5 ? -1 : 1;
  switch (kind) {
    case 'mixed': {
      const p = u();
      if (p < 0.1) return negativeZero && u() < 0.5 ? -0 : 0;
      if (p < 0.2) return NaN;
      if (p < 0.45) return Math.floor(u() * 5) + 1;
      return sign * (u() - 0.5) * 10 ** (u() * 12 - 4);
    }
    case 'wide':
      // Doubles of both signs from about 1e-40 to 1e40, with their own rounding noise.
      return u() < 0.1 ? NaN : sign * (1 + u()) * 10 ** (u() * 80 - 40);
    case 'counts':
      return u() < 0.8 && !Number.isNaN(previous) ? previous : Math.floor(u() * 4);
    case 'hugeCounts':
      // Whole numbers of both signs up to 2^60: their running sums cross 2^53, where doubles stop being exact.
      return sign * Math.floor(u() * 2 ** (40 + u() * 20));
    case 'constant':
      return 7;
    case 'zeros':
      return negativeZero && u() < 0.3 ? -0 : 0;
    case 'nan':
      return NaN;
    case 'mostlyNaN':
      return u() < 0.9 ? NaN : sign * u() * 100;
    case 'positive':
      return 1e-3 + u() * 1e6;
    case 'positiveWide':
      return (1 + u()) * 10 ** (u() * 200 - 100);
    case 'positiveCounts':
      return u() < 0.7 && !Number.isNaN(previous) ? previous : Math.floor(u() * 6) + 1;
    case 'positiveConstant':
      return 0.1;
    case 'positiveWithNaN':
      return u() < 0.3 ? NaN : 1 + u() * 99;
  }
}

interface Matrix {
  readonly runs: number;
  readonly metrics: number;
  readonly years: number;
  readonly cells: number;
  readonly values: Float64Array;
  readonly kinds: readonly Kind[];
  readonly seed: number;
}

function matrix(runs: number, metrics: number, years: number, kinds: readonly Kind[], seed: number, negativeZero: boolean): Matrix {
  const cells = metrics * years;
  const u = mulberry32(seed);
  const values = new Float64Array(runs * cells);
  for (let cell = 0; cell < cells; cell++) {
    let previous = NaN;
    for (let r = 0; r < runs; r++) {
      previous = draw(kinds[cell], u, previous, negativeZero);
      values[r * cells + cell] = previous;
    }
  }
  return { runs, metrics, years, cells, values, kinds, seed };
}

/** Runs 1..120 (past the encoder's blocks of 32), 1..12 cells as metrics x years, each cell of one kind. */
function matrices(kinds: readonly Kind[], negativeZero: boolean): fc.Arbitrary<Matrix> {
  return fc
    .record({ runs: fc.integer({ min: 1, max: 120 }), metrics: fc.integer({ min: 1, max: 4 }), years: fc.integer({ min: 1, max: 3 }), seed: fc.integer() })
    .chain(({ runs, metrics, years, seed }) =>
      fc
        .array(fc.constantFrom(...kinds), { minLength: metrics * years, maxLength: metrics * years })
        .map((cellKinds) => matrix(runs, metrics, years, cellKinds, seed, negativeZero)),
    );
}

/** A matrix with random split points into chunks (runs [first, first + count)) and a seed for their order. */
function splitMatrices(kinds: readonly Kind[], negativeZero: boolean) {
  return matrices(kinds, negativeZero).chain((m) =>
    fc.tuple(
      fc.constant(m),
      m.runs === 1 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 1, max: m.runs - 1 }), { maxLength: Math.min(12, m.runs - 1) }),
      fc.integer(),
    ),
  );
}

function describeMatrix(m: Matrix): string {
  return `runs ${m.runs}, ${m.metrics} metrics x ${m.years} years, kinds ${m.kinds.join(',')}, seed ${m.seed}`;
}

/** The chunks of a matrix cut at the given runs, encoded for a mode, in an order shuffled by `orderSeed`. */
function shuffledChunks(m: Matrix, cuts: readonly number[], orderSeed: number, mode: SummaryMode): ChunkResult[] {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), m.runs];
  const chunks: ChunkResult[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const first = bounds[i];
    const count = bounds[i + 1] - first;
    chunks.push(encodeChunk(m.values.slice(first * m.cells, (first + count) * m.cells), first, count, m.cells, mode));
  }
  const u = mulberry32(orderSeed);
  for (let i = chunks.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [chunks[i], chunks[j]] = [chunks[j], chunks[i]];
  }
  return chunks;
}

function summariesOf(m: Matrix, chunks: readonly ChunkResult[], mode: SummaryMode) {
  const acc = makeAccumulator(m.runs, m.metrics, m.years, mode);
  for (const chunk of chunks) acc.add(chunk);
  return acc.summaries();
}

/** The non-NaN values of one cell, in run order. */
function column(m: Matrix, cell: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < m.runs; r++) {
    const v = m.values[r * m.cells + cell];
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

/** Reference exact total: the values added in order to a separate exact sum, then exactTotal. */
function referenceTotal(xs: readonly number[]): number {
  const sums = new ExactSums(1);
  for (const x of xs) sums.add(0, x);
  return exactTotal(sums.partials(0));
}

// Compares doubles as numbers: equal, with 0 and -0 the same (x + 0 turns -0 into 0 and leaves the rest).
const num = (x: number) => x + 0;

const PROPERTY = { seed: 42, numRuns: 300 };

describe('encodeChunk in sketch mode', () => {
  it('gives each run and cell the sketch key of its value, cell by cell, and each cell the min and max of its non-NaN values and partials holding their exact total', () => {
    fc.assert(
      fc.property(matrices(MIXED_KINDS, true), fc.integer({ min: 0, max: 10_000 }), (m, first) => {
        const chunk = encodeChunk(m.values, first, m.runs, m.cells, 'sketch');
        if (chunk.type !== 'sketch') throw new Error(`expected a sketch chunk (${describeMatrix(m)})`);
        expect(chunk.first).toBe(first);
        expect(chunk.count).toBe(m.runs);
        expect(chunk.keys.length).toBe(m.runs * m.cells);
        expect(chunk.extremes.length).toBe(2 * m.cells);

        const wrongKeys: string[] = [];
        for (let cell = 0; cell < m.cells; cell++) {
          for (let r = 0; r < m.runs; r++) {
            const v = m.values[r * m.cells + cell];
            const key = chunk.keys[cell * m.runs + r];
            if (key !== sketchKey(v) || (Number.isNaN(v) && key !== NAN_KEY)) wrongKeys.push(`run ${r} cell ${cell}: ${v} -> ${key}`);
          }
        }
        expect(wrongKeys, describeMatrix(m)).toEqual([]);

        let at = 0;
        for (let cell = 0; cell < m.cells; cell++) {
          const xs = column(m, cell);
          const where = `cell ${cell} (${m.kinds[cell]}) of ${describeMatrix(m)}`;
          expect(num(chunk.extremes[2 * cell]), where).toBe(xs.length ? num(Math.min(...xs)) : Infinity);
          expect(num(chunk.extremes[2 * cell + 1]), where).toBe(xs.length ? num(Math.max(...xs)) : -Infinity);

          const n = chunk.sums[at++];
          expect(Number.isInteger(n) && n >= 0 && n <= xs.length, where).toBe(true);
          const partials = chunk.sums.subarray(at, at + n);
          at += n;
          expect(partials.every(Number.isFinite), where).toBe(true);
          expect(num(exactTotal(partials)), where).toBe(num(referenceTotal(xs)));
        }
        // Nothing left over: the count-then-partials layout covers the whole array.
        expect(at).toBe(chunk.sums.length);
      }),
      PROPERTY,
    );
  });
});

describe('sketch accumulator', () => {
  // Without -0: see the last test of this block for a cell holding zeros of both signs.
  it('gives the same summaries for chunks of any sizes added in any order as for one chunk of all runs', () => {
    fc.assert(
      fc.property(splitMatrices(MIXED_KINDS, false), ([m, cuts, orderSeed]) => {
        const whole = summariesOf(m, [encodeChunk(m.values, 0, m.runs, m.cells, 'sketch')], 'sketch');
        const split = summariesOf(m, shuffledChunks(m, cuts, orderSeed, 'sketch'), 'sketch');
        expect(split, `${describeMatrix(m)}, cut at ${cuts.join(',')}`).toEqual(whole);
      }),
      PROPERTY,
    );
  });

  it('gives the same summaries, mean included, when a cell\'s zeros of both signs are split between chunks', () => {
    // One cell, two runs: -0 then 0. In one chunk the extremes are [-0, -0] (-0 comes first; 0 < -0 is false)
    // and the mean, 0 / 2 clamped into them, is -0; in two chunks the maximum is Math.max(-0, 0) = 0 and
    // the mean 0. The exact summaries of these runs give -0, as the single chunk does.
    const m = matrix(2, 1, 1, ['zeros'], 0, false);
    m.values.set([-0, 0]);
    const whole = summariesOf(m, [encodeChunk(m.values, 0, 2, 1, 'sketch')], 'sketch');
    const split = summariesOf(m, [encodeChunk(m.values.slice(0, 1), 0, 1, 1, 'sketch'), encodeChunk(m.values.slice(1, 2), 1, 1, 1, 'sketch')], 'sketch');
    expect(split).toEqual(whole);
  });
});

describe('encodeChunk and the exact accumulator in values mode', () => {
  it('returns the transpose of the chunk, cell by cell, NaN and -0 included', () => {
    fc.assert(
      fc.property(matrices(MIXED_KINDS, true), fc.integer({ min: 0, max: 10_000 }), (m, first) => {
        const chunk = encodeChunk(m.values, first, m.runs, m.cells, 'values');
        if (chunk.type !== 'values') throw new Error(`expected a values chunk (${describeMatrix(m)})`);
        expect(chunk.first).toBe(first);
        expect(chunk.count).toBe(m.runs);
        expect(chunk.values.length).toBe(m.runs * m.cells);
        const wrong: string[] = [];
        for (let cell = 0; cell < m.cells; cell++) {
          for (let r = 0; r < m.runs; r++) {
            if (!Object.is(chunk.values[cell * m.runs + r], m.values[r * m.cells + cell])) wrong.push(`run ${r} cell ${cell}`);
          }
        }
        expect(wrong, describeMatrix(m)).toEqual([]);
      }),
      PROPERTY,
    );
  });

  it('gives the same summaries for chunks of any sizes added in any order as for one chunk, and as summarizeRuns', () => {
    fc.assert(
      fc.property(splitMatrices(MIXED_KINDS, true), ([m, cuts, orderSeed]) => {
        const whole = summariesOf(m, [encodeChunk(m.values, 0, m.runs, m.cells, 'values')], 'values');
        const split = summariesOf(m, shuffledChunks(m, cuts, orderSeed, 'values'), 'values');
        const where = `${describeMatrix(m)}, cut at ${cuts.join(',')}`;
        expect(split, where).toEqual(whole);
        expect(whole, where).toEqual(summarizeRuns(m.values, m.runs, m.metrics, m.years));
      }),
      PROPERTY,
    );
  });

  it('refuses to summarize when runs are missing or came twice, rather than summarize the wrong runs', () => {
    const values = Float64Array.from({ length: 6 * 2 }, (_, i) => i);
    const chunk = (first: number, count: number) => encodeChunk(values.slice(first * 2, (first + count) * 2), first, count, 2, 'values');
    const missing = makeAccumulator(6, 1, 2, 'values');
    missing.add(chunk(0, 2));
    missing.add(chunk(4, 2));
    expect(() => missing.summaries()).toThrow('runs 2 to 3 never reached the accumulator');
    const short = makeAccumulator(6, 1, 2, 'values');
    short.add(chunk(0, 4));
    expect(() => short.summaries()).toThrow('the accumulator got 4 runs of 6');
    const twice = makeAccumulator(6, 1, 2, 'values');
    for (const [first, count] of [[0, 4], [2, 2], [4, 2]]) twice.add(chunk(first, count));
    expect(() => twice.summaries()).toThrow('run 2 reached the accumulator twice');
    const sketch = makeAccumulator(6, 1, 2, 'sketch');
    sketch.add(encodeChunk(values.slice(0, 8), 0, 4, 2, 'sketch'));
    expect(() => sketch.summaries()).toThrow('the accumulator got 4 runs of 6');
  });
});

describe('sketch summaries against exact summaries', () => {
  it('keeps every percentile of positive data within SKETCH_ALPHA (relative) of the exact R-7 one, and the mean at the exact total over n', () => {
    let checked = 0;
    fc.assert(
      fc.property(splitMatrices(POSITIVE_KINDS, false), ([m, cuts, orderSeed]) => {
        const exact = summariesOf(m, shuffledChunks(m, cuts, orderSeed, 'values'), 'values');
        const sketch = summariesOf(m, shuffledChunks(m, cuts, orderSeed, 'sketch'), 'sketch');
        for (let metric = 0; metric < m.metrics; metric++) {
          for (let year = 0; year < m.years; year++) {
            const cell = metric * m.years + year;
            const where = `metric ${metric} year ${year} (${m.kinds[cell]}) of ${describeMatrix(m)}`;
            const e = exact[metric][year];
            const s = sketch[metric][year];
            const xs = column(m, cell);
            if (xs.length === 0) {
              expect(s, where).toEqual({ mean: null, p5: null, p25: null, p50: null, p75: null, p95: null });
              expect(e, where).toEqual(s);
              continue;
            }
            // The mean: the exact total, rounded once, divided by n, kept within the extremes.
            const expectedMean = Math.min(Math.max(referenceTotal(xs) / xs.length, Math.min(...xs)), Math.max(...xs));
            expect(s.mean, where).toBe(expectedMean);
            for (const p of PERCENTILES) {
              const k = `p${p}` as 'p5' | 'p25' | 'p50' | 'p75' | 'p95';
              const ev = e[k] as number;
              const sv = s[k] as number;
              // Each order statistic is within alpha; R-7 interpolates between two of them (a convex
              // combination of positive values), so the interpolated value is too, up to float rounding.
              expect(Math.abs(sv - ev), `${k}: sketch ${sv}, exact ${ev}, ${where}`).toBeLessThanOrEqual(SKETCH_ALPHA * ev * (1 + 1e-9));
              checked++;
            }
          }
        }
      }),
      PROPERTY,
    );
    expect(checked).toBeGreaterThan(1000);
  });
});

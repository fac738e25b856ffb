import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addExactAt, EXACT_PARTIALS, ExactSums, exactTotal } from '../../src/stats/exactSum.js';

// Room for any sum these tests build from at most 64 values (a sum has at most one partial per value added);
// longer sums go through ExactSums, which moves a sum to a bigger buffer when it needs one.
const ROOM = 64;

// ---------------------------------------------------------------------------------------------------------
// Reference: exact arithmetic on BigInt. Every finite double is an integer multiple of 2^-1074, so a sum of
// doubles is exactly an integer once everything is scaled by 2^1074.
// ---------------------------------------------------------------------------------------------------------

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double times 2^1074, as an integer. */
function scaled(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (exponent === 0x7ff) throw new Error(`not a finite double: ${x}`);
  // Subnormal: fraction * 2^-1074. Normal: (2^52 + fraction) * 2^(exponent - 1075).
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return bits >> 63n === 1n ? -magnitude : magnitude;
}

function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

/** The double nearest to s * 2^-1074, ties to even; Infinity when it rounds beyond the largest double. */
function nearestDouble(s: bigint): number {
  if (s === 0n) return 0;
  const a = s < 0n ? -s : s;
  const shift = Math.max(0, bitLength(a) - 53);
  let q = a >> BigInt(shift);
  if (shift > 0) {
    const rest = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  }
  // q < 2^54 and the scale is a power of two >= 2^-1074: the product is exact unless it overflows.
  const magnitude = Number(q) * 2 ** (shift - 1074);
  return s < 0n ? -magnitude : magnitude;
}

/** The correctly rounded sum of doubles (-0 only when every value is -0, as IEEE addition gives). */
function referenceSum(xs: readonly number[]): number {
  let s = 0n;
  for (const x of xs) s += scaled(x);
  if (s === 0n) return xs.length > 0 && xs.every((x) => Object.is(x, -0)) ? -0 : 0;
  return nearestDouble(s);
}

/** Adds values in order into fresh partials; returns them (a copy, trimmed to their length). */
function partialsOf(xs: readonly number[]): Float64Array {
  const buf = new Float64Array(ROOM);
  let length = 0;
  for (const x of xs) length = addExactAt(buf, 0, ROOM, length, x);
  return buf.slice(0, length);
}

function total(xs: readonly number[]): number {
  return exactTotal(partialsOf(xs));
}

function show(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Parses a C99 hex float 0x1.<13 hex digits>p<exponent> (as Python's float.fromhex) exactly. */
function hexFloat(sign: 1 | -1, digits: string, exponent: number): number {
  return sign * parseInt(`1${digits}`, 16) * 2 ** (exponent - 4 * digits.length);
}

// ---------------------------------------------------------------------------------------------------------
// Generators. At most 64 values per sum: each addition adds at most one partial, so these sums cannot run out
// of room whatever their magnitudes (see the last describe block for what happens beyond that).
// ---------------------------------------------------------------------------------------------------------

const anyModerateDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
// Sign x [1, 2) x 2^e over the whole range from about 1e-300 to 1e300.
const anyMagnitude = fc
  .tuple(fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }), fc.integer({ min: -997, max: 996 }), fc.boolean())
  .map(([m, e, negative]) => (negative ? -1 : 1) * m * 2 ** e);
// Tiny and subnormal values: an integer mantissa times 2^e is exact for e >= -1074.
const tiny = fc
  .tuple(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: -1074, max: -1000 }))
  .map(([m, e]) => m * 2 ** e);
const familiar = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0.1, 0.2, 0.3, -0.1, 1e-16, 1e16, 2 ** 53, -0, 0));
const value = fc.oneof(anyModerateDouble, anyMagnitude, tiny, familiar);
// One pair of values near the largest double that cancel: the others (|x| <= 1e300, at most 62 of them)
// cannot push any running sum past the largest double.
const huge = fc.double({ min: 1e307, max: 1.79e308, noNaN: true });

/**
 * Up to 64 doubles of every magnitude, with cancellations (some values are followed, somewhere, by their
 * negation, sometimes around a huge pair), in random order.
 */
const values = fc
  .tuple(fc.array(value, { maxLength: 31 }), fc.option(huge, { freq: 3 }))
  .chain(([xs, h]) =>
    fc.subarray(xs).map((cancelled) => {
      const all = [...xs, ...cancelled.map((x) => -x)];
      return h === null ? all : [h, ...all, -h];
    }),
  )
  .chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }));

const withPermutation = values.chain((xs) =>
  fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
);

const PROPERTY = { seed: 42, numRuns: 500 };

describe('reference exact sum (BigInt)', () => {
  it('agrees with IEEE addition of two doubles, which is correctly rounded', () => {
    fc.assert(
      fc.property(value, value, (x, y) => {
        expect(show(referenceSum([x, y]))).toBe(show(x + y));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('rounds ties to even and overflows to Infinity past the largest double', () => {
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even wins; 2^53 + 3 is a tie won by 2^53 + 4.
    expect(referenceSum([2 ** 53, 1])).toBe(2 ** 53);
    expect(referenceSum([2 ** 53, 3])).toBe(2 ** 53 + 4);
    expect(referenceSum([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Infinity);
    expect(referenceSum([Number.MIN_VALUE, -Number.MIN_VALUE])).toBe(0);
  });
});

describe('exactTotal over addExactAt partials', () => {
  it('returns the correctly rounded exact sum of doubles of any magnitude added in order', () => {
    fc.assert(
      fc.property(values, (xs) => {
        expect(show(total(xs))).toBe(show(referenceSum(xs)));
      }),
      PROPERTY,
    );
  });

  it('keeps after every addition non-overlapping partials, increasing in magnitude, that hold the running sum exactly', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const buf = new Float64Array(ROOM);
        let length = 0;
        let exact = 0n;
        for (const x of xs) {
          length = addExactAt(buf, 0, ROOM, length, x);
          exact += scaled(x);
          let held = 0n;
          for (let j = 0; j < length; j++) {
            const p = scaled(buf[j]);
            held += p;
            if (j + 1 < length) {
              // Shewchuk's non-overlapping: the next partial's lowest set bit is above this one's highest.
              // The top one may be 0, after a cancellation that left the lower ones (as in CPython).
              const next = scaled(buf[j + 1]);
              const a = p < 0n ? -p : p;
              const b = next < 0n ? -next : next;
              expect(a).not.toBe(0n);
              if (b === 0n) expect(j + 1).toBe(length - 1);
              else expect(bitLength(b & -b) - 1).toBeGreaterThan(bitLength(a) - 1);
            }
          }
          expect(held).toBe(exact);
        }
      }),
      PROPERTY,
    );
  });

  it('returns the correctly rounded sum of hundreds of tiny and subnormal values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tiny, fc.double({ min: -1e-290, max: 1e-290, noNaN: true })), { minLength: 100, maxLength: 400 }), (xs) => {
        expect(show(total(xs))).toBe(show(referenceSum(xs)));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('returns bit-identical totals whatever the order of addition', () => {
    fc.assert(
      fc.property(withPermutation, ([xs, shuffled]) => {
        expect(show(total(shuffled))).toBe(show(total(xs)));
      }),
      PROPERTY,
    );
  });

  it('gives the same total when two groups are summed apart and one group\'s partials are added into the other\'s', () => {
    fc.assert(
      fc.property(
        values.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }))),
        ([xs, inFirst]) => {
          const a = xs.filter((_, i) => inFirst[i]);
          const b = xs.filter((_, i) => !inFirst[i]);
          const expected = referenceSum(xs);
          // Both directions of the merge, as chunks of a Monte Carlo reach the main thread in any order.
          for (const [into, from] of [
            [a, b],
            [b, a],
          ]) {
            const buf = new Float64Array(ROOM);
            let length = 0;
            for (const x of into) length = addExactAt(buf, 0, ROOM, length, x);
            for (const p of partialsOf(from)) length = addExactAt(buf, 0, ROOM, length, p);
            expect(show(exactTotal(buf.subarray(0, length)))).toBe(show(expected));
          }
        },
      ),
      PROPERTY,
    );
  });

  it('returns 0 for no partials', () => {
    expect(exactTotal([])).toBe(0);
    expect(exactTotal(new Float64Array(0))).toBe(0);
  });
});

describe('addExactAt buffer regions', () => {
  const SENTINEL = -123456.789;

  it('keeps two interleaved sums in their own regions, each at most its capacity long, and writes nothing past them', () => {
    fc.assert(
      fc.property(values, values, fc.array(fc.boolean(), { minLength: 128, maxLength: 128 }), (xs, ys, order) => {
        // Regions [0, P) and [P, 2P), then a guard region [2P, 3P): a typed array drops writes past its
        // end silently, so the guard is what shows a write beyond the second region.
        const P = ROOM;
        const buf = new Float64Array(3 * P).fill(SENTINEL);
        let lx = 0;
        let ly = 0;
        let i = 0;
        let j = 0;
        for (let step = 0; i < xs.length || j < ys.length; step++) {
          const first = j >= ys.length || (i < xs.length && order[step % order.length]);
          // Everything outside the region written to this step, to compare after it.
          const before = buf.slice();
          const [from, to] = first ? [0, P] : [P, 2 * P];
          if (first) lx = addExactAt(buf, 0, P, lx, xs[i++]);
          else ly = addExactAt(buf, P, P, ly, ys[j++]);
          expect(lx).toBeLessThanOrEqual(P);
          expect(ly).toBeLessThanOrEqual(P);
          const touched: number[] = [];
          for (let k = 0; k < 3 * P; k++) if ((k < from || k >= to) && !Object.is(buf[k], before[k])) touched.push(k);
          expect(touched, `slots written outside [${from}, ${to})`).toEqual([]);
        }
        for (let k = 2 * P; k < 3 * P; k++) expect(buf[k]).toBe(SENTINEL);
        expect(show(exactTotal(buf.subarray(0, lx)))).toBe(show(referenceSum(xs)));
        expect(show(exactTotal(buf.subarray(P, P + ly)))).toBe(show(referenceSum(ys)));
      }),
      PROPERTY,
    );
  });

  // Powers of two (times a small odd mantissa) climbing the exponent range 27 to 32 bits at a time: each
  // leaves a narrow partial behind, so these sums come close to, or run out of, EXACT_PARTIALS partials.
  const climbing = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 27, max: 32 }), fc.constantFrom(1, 3, 5, -1)), { minLength: 55, maxLength: 75 }))
    .map(([start, steps]) => {
      const xs: number[] = [];
      let e = -1074 + start;
      for (const [gap, m] of steps) {
        if (e > 960) break;
        xs.push(m * 2 ** e);
        e += gap;
      }
      return xs;
    });

  it('never writes outside its region, even on a long sum of every magnitude that may run out of partials', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(anyMagnitude, tiny), { minLength: 60, maxLength: 200 }), climbing), (xs) => {
        const P = EXACT_PARTIALS;
        const buf = new Float64Array(3 * P).fill(SENTINEL);
        let length = 0;
        try {
          for (const x of xs) {
            length = addExactAt(buf, P, P, length, x);
            expect(length).toBeGreaterThanOrEqual(1);
            expect(length).toBeLessThanOrEqual(P);
          }
        } catch (e) {
          // Running out of room is reported as a RangeError (see below), never as a write past the region.
          expect(e).toBeInstanceOf(RangeError);
        }
        for (let k = 0; k < P; k++) expect(buf[k]).toBe(SENTINEL);
        for (let k = 2 * P; k < 3 * P; k++) expect(buf[k]).toBe(SENTINEL);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('exactTotal on classic fsum cases (CPython test_math.testFsum)', () => {
  const cases: [string, number[], number][] = [
    ['[] is 0', [], 0],
    ['[0.0] is 0', [0], 0],
    ['[0.1, 0.2, 0.3] is 0.6', [0.1, 0.2, 0.3], 0.6],
    ['[0.1] * 10 is 1.0 exactly', Array<number>(10).fill(0.1), 1],
    ['[1e100, 1.0, -1e100] is 1.0', [1e100, 1, -1e100], 1],
    ['[1e308, 1, -1e308] is 1', [1e308, 1, -1e308], 1],
    ['[2**53, 1, 1] is 2**53 + 2', [2 ** 53, 1, 1], 2 ** 53 + 2],
    ['[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50] is 1e-100', [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
    ['[2**53, -0.5, -2**-54] is 2**53 - 1 (half-even correction)', [2 ** 53, -0.5, -(2 ** -54)], 2 ** 53 - 1],
    ['[2**53, 1.0, 2**-100] is 2**53 + 2 (half-even correction)', [2 ** 53, 1.0, 2 ** -100], 2 ** 53 + 2],
    ['[2**53 + 10, 1.0, 2**-100] is 2**53 + 12', [2 ** 53 + 10, 1.0, 2 ** -100], 2 ** 53 + 12],
    ['[2**53 - 4, 0.5, 2**-54] is 2**53 - 3', [2 ** 53 - 4, 0.5, 2 ** -54], 2 ** 53 - 3],
    ['[1e16, 1., 1e-16] is 10000000000000002', [1e16, 1, 1e-16], 10000000000000002],
    ['[1e16 - 2, 1 - 2**-53, -(1e16 - 2), -(1 - 2**-53)] is 0', [1e16 - 2, 1 - 2 ** -53, -(1e16 - 2), -(1 - 2 ** -53)], 0],
    ['1/n for n in 1..1000 is 0x1.df11f45f4e61ap+2', Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)), hexFloat(1, 'df11f45f4e61a', 2)],
    [
      '(-1)**n/n for n in 1..1000 is -0x1.62a2af1bd3624p-1',
      Array.from({ length: 1000 }, (_, i) => (-1) ** (i + 1) / (i + 1)),
      hexFloat(-1, '62a2af1bd3624', -1),
    ],
  ];
  for (const [name, xs, expected] of cases) {
    it(`sums ${name}`, () => {
      expect(show(total(xs))).toBe(show(expected));
      expect(show(referenceSum(xs))).toBe(show(expected));
    });
  }

  it('sums a telescoping series of exact differences 1.7**(i+1) - 1.7**i and -1.7**1000 to -1', () => {
    const terms = Array.from({ length: 1001 }, (_, i) => 1.7 ** i);
    const xs = [...Array.from({ length: 1000 }, (_, i) => terms[i + 1] - terms[i]), -terms[1000]];
    expect(total(xs)).toBe(-terms[0]);
  });
});

describe('ExactSums: room for any number of partials', () => {
  // Shewchuk's non-overlapping partials can be a few bits wide each, so far more of them than the usual
  // one to three fit in the exponent range: a sum that needs them moves to a buffer of its own.
  const sumOf = (xs: readonly number[]): number => {
    const sums = new ExactSums(3);
    for (const x of xs) {
      sums.add(1, x);
      sums.add(0, 1);
    }
    expect(exactTotal(sums.partials(0))).toBe(xs.length);
    expect(exactTotal(sums.partials(2))).toBe(0);
    return exactTotal(sums.partials(1));
  };

  it('sums CPython fsum\'s partial-resizing case (2**n - 2**(n+50) + 2**(n+52), n = -1074, -1072 .. 970, then -2**1022) to 0x1.5555555555555p+970', () => {
    const xs: number[] = [];
    for (let n = -1074; n < 972; n += 2) xs.push(2 ** n - 2 ** (n + 50) + 2 ** (n + 52));
    xs.push(-(2 ** 1022));
    const expected = hexFloat(1, '5555555555555', 970);
    expect(referenceSum(xs)).toBe(expected);
    expect(sumOf(xs)).toBe(expected);
  });

  it('sums powers of two 27 bits apart, from 2**-996 (about 1e-300) up, without running out of partials', () => {
    // Each new power leaves the one two below it as a one-bit partial: one partial per value.
    const xs: number[] = [];
    for (let e = -996; e <= 996; e += 27) xs.push(2 ** e);
    expect(sumOf(xs)).toBe(referenceSum(xs));
  });

  it('gives the correctly rounded exact sum of values of any magnitude, like a single sum with room to spare', () => {
    fc.assert(
      fc.property(values, (xs) => {
        expect(show(sumOf(xs))).toBe(show(exactTotal(partialsOf(xs))));
      }),
      PROPERTY,
    );
  });
});

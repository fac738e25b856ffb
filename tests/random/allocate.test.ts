import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, splitShare, splitWhole } from '../../src/random/allocate.js';
import { streamFor } from '../../src/random/rng.js';

// Uniforms as the samplers see them: anywhere in [0, 1), with both ends of the range always tried.
const uniform = fc.oneof(
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  fc.constantFrom(0, 2 ** -32, 0.5, 1 - 2 ** -32, 1 - 2 ** -53),
);

// Whole-number weights up to 1e6, a good share of them 0 (empty categories).
const weight = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5 }));
const weightList = fc.array(weight, { minLength: 1, maxLength: 20 });

function sumOf(ws: readonly number[]): number {
  return ws.reduce((s, w) => s + w, 0);
}

/** Runs `allocate` with a constant uniform into an `out` pre-filled with NaN, so an unwritten count shows. */
function allocateWith(u: number, total: number, ws: readonly number[]): number[] {
  const out = new Float64Array(ws.length).fill(NaN);
  allocate(() => u, total, Float64Array.from(ws), ws.length, out);
  return Array.from(out);
}

describe('allocate (systematic sampling of whole counts)', () => {
  it('gives whole, non-negative counts that sum exactly to total, each its share rounded down or up and at most its weight (total <= sum of weights)', () => {
    fc.assert(
      fc.property(
        weightList
          .filter((ws) => sumOf(ws) > 0)
          .chain((ws) => fc.tuple(fc.constant(ws), fc.integer({ min: 0, max: sumOf(ws) }), uniform)),
        ([ws, total, u]) => {
          const sum = sumOf(ws);
          const out = allocateWith(u, total, ws);
          let allocated = 0;
          for (let i = 0; i < ws.length; i++) {
            const c = out[i];
            expect(Number.isInteger(c), `count ${i} = ${c} is whole`).toBe(true);
            expect(c).toBeGreaterThanOrEqual(0);
            // c is floor or ceil of total * w / sum  <=>  |c * sum - total * w| < sum (exact: all below 2^53).
            expect(Math.abs(c * sum - total * ws[i]), `count ${i} = ${c} vs share ${(total * ws[i]) / sum}`).toBeLessThan(sum);
            expect(c).toBeLessThanOrEqual(ws[i]);
            if (ws[i] === 0) expect(c).toBe(0);
            allocated += c;
          }
          expect(allocated).toBe(total);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('still sums exactly to total with each count its share rounded down or up when total exceeds the sum of weights', () => {
    fc.assert(
      fc.property(
        weightList
          .filter((ws) => sumOf(ws) > 0)
          .chain((ws) => fc.tuple(fc.constant(ws), fc.integer({ min: sumOf(ws), max: 3 * sumOf(ws) }), uniform)),
        ([ws, total, u]) => {
          const sum = sumOf(ws);
          const out = allocateWith(u, total, ws);
          for (let i = 0; i < ws.length; i++) {
            expect(Number.isInteger(out[i])).toBe(true);
            expect(Math.abs(out[i] * sum - total * ws[i])).toBeLessThan(sum);
            if (ws[i] === 0) expect(out[i]).toBe(0);
          }
          expect(sumOf(out)).toBe(total);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('gives every category 0 when total is 0 or every weight is 0', () => {
    expect(allocateWith(0.7, 0, [3, 0, 5])).toEqual([0, 0, 0]);
    expect(allocateWith(0.7, 12, [0, 0, 0])).toEqual([0, 0, 0]);
    expect(allocateWith(0.7, -4, [3, 1])).toEqual([0, 0]);
  });

  it('reads only weights[0 .. count) and writes only out[0 .. count)', () => {
    const out = new Float64Array([-1, -1, -1, -1, -1]);
    allocate(() => 0.3, 10, Float64Array.from([2, 3, 5, 1000, 1000]), 3, out);
    expect(Array.from(out.subarray(3))).toEqual([-1, -1]);
    expect(out[0] + out[1] + out[2]).toBe(10);
    // Shares 2, 3 and 5 are whole: systematic sampling gives exactly them at any uniform.
    expect(Array.from(out.subarray(0, 3))).toEqual([2, 3, 5]);
  });

  it('has mean count equal to the expected share total * w / sum within 4 standard errors over 100,000 seeded allocations', () => {
    const ws = [3, 0, 7, 1, 12, 5, 1000, 250_000];
    const total = 51_723;
    const sum = sumOf(ws);
    const weights = Float64Array.from(ws);
    const out = new Float64Array(ws.length);
    const sums = new Float64Array(ws.length);
    const rng = streamFor(42, 0, 'test:allocate:mean');
    const N = 100_000;
    for (let r = 0; r < N; r++) {
      allocate(rng, total, weights, ws.length, out);
      for (let i = 0; i < ws.length; i++) sums[i] += out[i];
    }
    for (let i = 0; i < ws.length; i++) {
      const share = (total * ws[i]) / sum;
      // Each count is floor(share) plus a Bernoulli(frac(share)) draw: standard error sqrt(f (1 - f) / N),
      // and exactly the share when it is whole (f = 0), hence the 1e-9 for rounding of the mean only.
      const f = share - Math.floor(share);
      const mean = sums[i] / N;
      expect(Math.abs(mean - share), `category ${i}: mean ${mean}, share ${share}`).toBeLessThanOrEqual(4 * Math.sqrt((f * (1 - f)) / N) + 1e-9);
    }
  });
});

describe('allocate and splitWhole beyond exact doubles (weights x total >= 2^53)', () => {
  it('still sum to the total and keep every count within its weight and its rounded share', () => {
    const top = () => 1 - 2 ** -32;
    const out = new Float64Array(2);
    allocate(top, 1e8, Float64Array.of(49_999_999, 50_000_001), 2, out);
    expect([...out]).toEqual([49_999_999, 50_000_001]);
    const weights = Float64Array.of(3e9, 0, 7e9 + 1, 5e9);
    const total = 9e9;
    for (const u of [0, 0.3, 0.999999, 1 - 2 ** -32]) {
      const counts = new Float64Array(4);
      allocate(() => u, total, weights, 4, counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      counts.forEach((k, i) => {
        expect(k).toBeLessThanOrEqual(weights[i]);
        const share = (total * weights[i]) / (3e9 + 7e9 + 1 + 5e9);
        expect(Math.abs(k - share)).toBeLessThanOrEqual(1);
      });
    }
    expect(splitWhole(top, 1e8, 50_000_001, 1e8)).toBe(50_000_001);
    expect(splitWhole(() => 0, 1e8, 50_000_001, 1e8 + 5)).toBeGreaterThanOrEqual(1e8 - (1e8 + 5 - 50_000_001));
  });
});

describe('splitWhole (two-category allocate)', () => {
  const args = fc
    .integer({ min: 1, max: 1_000_000 })
    .chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.integer({ min: 0, max: whole }), fc.constant(whole), uniform));

  it('never exceeds part nor falls below total - (whole - part), and is whole', () => {
    fc.assert(
      fc.property(args, ([total, part, whole, u]) => {
        const k = splitWhole(() => u, total, part, whole);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeLessThanOrEqual(part);
        expect(k).toBeLessThanOrEqual(total);
        expect(k).toBeGreaterThanOrEqual(Math.max(0, total - (whole - part)));
        // Its share total * part / whole rounded down or up.
        expect(Math.abs(k * whole - total * part)).toBeLessThan(whole);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('equals allocate over the weights [part, whole - part] at the same uniform', () => {
    fc.assert(
      fc.property(args, ([total, part, whole, u]) => {
        expect(splitWhole(() => u, total, part, whole)).toBe(allocateWith(u, total, [part, whole - part])[0]);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('has mean total * part / whole within 4 standard errors over 100,000 seeded draws', () => {
    const rng = streamFor(42, 0, 'test:splitWhole:mean');
    const [total, part, whole] = [37, 123, 1000];
    const share = (total * part) / whole; // 4.551
    const f = share - Math.floor(share);
    const N = 100_000;
    let s = 0;
    for (let i = 0; i < N; i++) s += splitWhole(rng, total, part, whole);
    expect(Math.abs(s / N - share)).toBeLessThan(4 * Math.sqrt((f * (1 - f)) / N));
  });
});

describe('splitShare', () => {
  it('returns a whole number in [0, total], the share total * share rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1e-300, 0.5, 1 - 2 ** -53, 1)),
        // Alea's uniforms: multiples of 2^-32 in [0, 1).
        fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((i) => i / 2 ** 32),
        (total, share, u) => {
          const k = splitShare(() => u, total, share);
          expect(Number.isInteger(k)).toBe(true);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThanOrEqual(total);
          const x = total * share;
          expect([Math.floor(x), Math.ceil(x)]).toContain(k);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('stays in [0, total] for any uniform in [0, 1) and totals up to 1e12', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1e-300, 1 - 2 ** -53, 1)),
        uniform,
        (total, share, u) => {
          const k = splitShare(() => u, total, share);
          return Number.isInteger(k) && k >= 0 && k <= total;
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('has mean total * share within 4 standard errors over 100,000 seeded draws', () => {
    const rng = streamFor(42, 0, 'test:splitShare:mean');
    const [total, share] = [1234, 0.0371];
    const x = total * share; // 45.7814
    const f = x - Math.floor(x);
    const N = 100_000;
    let s = 0;
    for (let i = 0; i < N; i++) s += splitShare(rng, total, share);
    expect(Math.abs(s / N - x)).toBeLessThan(4 * Math.sqrt((f * (1 - f)) / N));
  });
});

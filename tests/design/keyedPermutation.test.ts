import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permuteIndex } from '../../src/design/keyedPermutation.js';

function image(size: number, key: number): number[] {
  return Array.from({ length: size }, (_, i) => permuteIndex(i, size, key));
}

describe('permuteIndex', () => {
  it('is a permutation of [0, size) for every size and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 0xffffffff }), (size, key) => {
        const seen = new Uint8Array(size);
        let outside = 0;
        for (const j of image(size, key)) {
          if (Number.isInteger(j) && j >= 0 && j < size) seen[j]++;
          else outside++;
        }
        expect(outside).toBe(0);
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('is a permutation at powers of two and one past them, where the widths of the halves change', () => {
    for (let b = 0; b <= 16; b++) {
      for (const size of [2 ** b, 2 ** b + 1]) {
        expect(new Set(image(size, 0x1234567 + b)).size).toBe(size);
      }
    }
  });

  it('stays inside [0, size) for the largest sizes, up to 2^32', () => {
    for (const size of [2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32]) {
      for (const i of [0, 1, 12345, size - 2, size - 1]) {
        const j = permuteIndex(i, size, 99);
        expect(Number.isInteger(j) && j >= 0 && j < size).toBe(true);
      }
    }
  });

  it('gives different permutations for different keys', () => {
    for (const size of [5, 100, 4096]) {
      const images = new Set([1, 2, 3, 4, 5].map((k) => image(size, k).join(',')));
      expect(images.size).toBe(5);
    }
  });
});

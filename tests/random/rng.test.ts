import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/rng.js';

const take = (rng: () => number, n = 100) => Array.from({ length: n }, () => rng());

describe('streamFor', () => {
  it('gives the same sequence for the same seed, run and component', () => {
    expect(take(streamFor(42, 3, 'host:a:defection'))).toEqual(take(streamFor(42, 3, 'host:a:defection')));
  });

  it('gives different sequences for different components, runs or seeds', () => {
    const base = take(streamFor(42, 3, 'host:a:defection'));
    expect(take(streamFor(42, 3, 'host:a:return'))).not.toEqual(base);
    expect(take(streamFor(42, 4, 'host:a:defection'))).not.toEqual(base);
    expect(take(streamFor(43, 3, 'host:a:defection'))).not.toEqual(base);
    // Run and seed are not interchangeable: (1, 23) and (12, 3) must not collide.
    expect(take(streamFor(1, 23, 'x'))).not.toEqual(take(streamFor(12, 3, 'x')));
  });

  it('does not depend on what other streams have drawn', () => {
    const alone = take(streamFor(9, 0, 'domestic:graduation'));
    const other = streamFor(9, 0, 'domestic:retirement');
    take(other, 1000);
    expect(take(streamFor(9, 0, 'domestic:graduation'))).toEqual(alone);
  });

  it('draws uniforms in [0, 1) with mean 1/2 within 4 standard errors of 100,000 draws', () => {
    const rng = streamFor(1, 0, 'test:uniform');
    const n = 100_000;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside += 1;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });
});

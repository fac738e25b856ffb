import { describe, expect, it } from 'vitest';
import { DESIGN_KINDS, isDesignKind } from '../../src/design/designKind.js';
import { designAdvice, designProblem } from '../../src/design/designProblem.js';

describe('designProblem', () => {
  it('accepts every design for ordinary runs and parameter counts', () => {
    for (const kind of DESIGN_KINDS) {
      expect(designProblem(kind, 1, 0)).toBeUndefined();
      expect(designProblem(kind, 1000, 60)).toBeUndefined();
      expect(designProblem(kind, 2 ** 32, 1024)).toBeUndefined();
    }
  });

  it('refuses an unknown design by name', () => {
    expect(designProblem('halton', 10, 3)).toBe("unknown sampling design 'halton': expected one of mc, lhs, sobol");
  });

  it('refuses fewer than one run, or a fractional number, under every design', () => {
    for (const kind of DESIGN_KINDS) {
      expect(designProblem(kind, 0, 3)).toBe('a sampling design needs a whole number of runs, at least 1 (got 0)');
      expect(designProblem(kind, 2.5, 3)).toBe('a sampling design needs a whole number of runs, at least 1 (got 2.5)');
    }
    expect(designProblem('mc', 10, -1)).toBe('a sampling design needs a whole number of uncertain parameters, 0 or more (got -1)');
  });

  it('refuses lhs and sobol beyond 2^32 runs, but not mc', () => {
    expect(designProblem('lhs', 2 ** 32 + 1, 3)).toBe(
      'the lhs design numbers its runs with 32-bit words, so it allows at most 4,294,967,296 runs (got 4,294,967,297); use fewer runs or the mc design',
    );
    expect(designProblem('sobol', 2 ** 33, 3)).toMatch(/^the sobol design numbers its runs with 32-bit words/);
    expect(designProblem('mc', 2 ** 40, 3)).toBeUndefined();
  });

  it('refuses sobol beyond the 1,024 dimensions of the direction table, but not lhs or mc', () => {
    expect(designProblem('sobol', 1024, 1025)).toBe(
      'the sobol design has direction numbers for at most 1,024 uncertain parameters and this scenario has 1,025; use the lhs or mc design',
    );
    expect(designProblem('lhs', 1024, 5000)).toBeUndefined();
    expect(designProblem('mc', 1024, 5000)).toBeUndefined();
  });
});

describe('designAdvice', () => {
  it('advises a power of two of runs for sobol only', () => {
    expect(designAdvice('sobol', 1000)).toBe(
      'the sobol design is balanced only when the number of runs is a power of two: of 1,000 runs only the first 512 are (try 512 or 1,024)',
    );
    expect(designAdvice('sobol', 1024)).toBeUndefined();
    expect(designAdvice('sobol', 1)).toBeUndefined();
    expect(designAdvice('lhs', 1000)).toBeUndefined();
    expect(designAdvice('mc', 1000)).toBeUndefined();
  });
});

describe('isDesignKind', () => {
  it('knows the three designs and nothing else', () => {
    expect(DESIGN_KINDS.every(isDesignKind)).toBe(true);
    expect(isDesignKind('MC')).toBe(false);
    expect(isDesignKind('')).toBe(false);
  });
});

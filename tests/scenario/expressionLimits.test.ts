// Expressions have a length, a bracket nesting and a number of terms they may not pass: within them they are
// evaluated correctly, past them refused with a located diagnostic, never a stack overflow or a throw.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { compileExpression, EXPRESSION_LIMITS, reservedNameProblem } from '../../src/scenario/expression.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { repoPath } from '../cli/harness.js';

const none = new Set<string>();

function value(text: string, names: ReadonlySet<string> = none, params: Record<string, number> = {}): number {
  const c = compileExpression(text, names);
  if (!c.ok) throw new Error(c.message);
  return c.evaluate(params);
}

function refusal(text: string): { message: string; index: number } {
  const c = compileExpression(text, none);
  if (c.ok) throw new Error(`accepted: ${text.slice(0, 40)}`);
  return { message: c.message, index: c.index };
}

// A scenario beside the fixtures (so `extends` finds the baseline) whose usPressure is `expression`.
function withPressure(expression: string) {
  const file = repoPath('tests/fixtures/bad/generated.yaml');
  const text = `extends: ../../../scenarios/baseline.yaml\nname: generated\nlevers:\n  usPressure: '${expression}'\n`;
  return { file, result: parseScenario(text, file, nodeFilePort) };
}

describe('expression limits', () => {
  it('are the documented ones', () => {
    expect(EXPRESSION_LIMITS).toEqual({ length: 1000, nesting: 20, terms: 200 });
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/at most 1,000 characters, 200 terms \(numbers and names\) and 20 levels of brackets/);
  });

  it('within them: 200 terms, 20 levels of brackets, 1,000 characters, 998 signs in a row', () => {
    expect(value(Array(200).fill('1').join('+'))).toBe(200);
    expect(value(`${'('.repeat(20)}2${')'.repeat(20)} * 3`)).toBe(6);
    expect(value(`${'min('.repeat(10)}${'1'}${', 2)'.repeat(10)}`)).toBe(1);
    const long = `1${' '.repeat(EXPRESSION_LIMITS.length - 5)}+ 1`;
    expect(long).toHaveLength(EXPRESSION_LIMITS.length - 1);
    expect(value(long)).toBe(2);
    expect(value(`${'-'.repeat(998)}1`)).toBe(1);
    expect(value(`${'-'.repeat(997)}1`)).toBe(-1);
  });

  it('past them: located refusals', () => {
    expect(refusal(Array(201).fill('1').join('+'))).toEqual({ message: 'the expression has 201 terms (numbers and names); expected at most 200', index: 0 });
    expect(refusal(`${'('.repeat(21)}1${')'.repeat(21)}`)).toEqual({ message: 'brackets nested over 20 levels deep; expected at most 20', index: 20 });
    expect(refusal('1'.repeat(1001))).toEqual({ message: 'the expression is 1,001 characters long; expected at most 1,000', index: 0 });
    // 500 nested brackets overflow mathjs's parser: refused before it reads them.
    expect(refusal(`${'('.repeat(490)}1${')'.repeat(490)}`).message).toMatch(/^brackets nested over 20/);
  });

  it('a 2,000-term expression and a 100,000-character one give located diagnostics, and loading returns, not throws', () => {
    for (const [expression, message] of [
      [Array(2000).fill('1').join('+'), 'the expression is 3,999 characters long; expected at most 1,000'],
      ['1'.repeat(100_000), 'the expression is 100,000 characters long; expected at most 1,000'],
    ]) {
      const { file, result } = withPressure(expression);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map(formatDiagnostic)).toEqual([`${file}:4:16: levers.usPressure: ${message}`]);
    }
  });

  it('names Object.prototype gives every object are no constants or functions of expressions', () => {
    expect(refusal('toString').message).toMatch(/^unknown name 'toString'/);
    expect(refusal('hasOwnProperty(1)').message).toMatch(/^calling 'hasOwnProperty' is not allowed/);
    expect(value('toString * 2', new Set(['toString']), { toString: 3 })).toBe(6);
  });

  it('a parameter name that would hide a constant or function, or that expressions cannot write, is refused', () => {
    for (const name of ['pi', 'e', 'true', 'false']) expect(reservedNameProblem(name)).toMatch(new RegExp(`^'${name}' is a (constant|switch value) of expressions`));
    for (const name of ['min', 'max', 'exp', 'log', 'pow']) expect(reservedNameProblem(name)).toMatch(new RegExp(`^'${name}' is a function of expressions`));
    for (const name of ['mod', 'and', 'or', 'not', 'xor', 'to', 'in', 'Infinity', 'NaN', 'null', 'undefined']) {
      expect(reservedNameProblem(name), name).toMatch(/is a word of the expression language/);
    }
    for (const name of ['retentionShare', 'x', 'end', 'constructor', '_private']) expect(reservedNameProblem(name), name).toBeUndefined();
  });
});

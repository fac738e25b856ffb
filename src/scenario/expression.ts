import { createRequire } from 'node:module';
import type { MathNode, parse as mathjsParse } from 'mathjs';
import { nearest } from './nearest.js';

// mathjs's single-file bundle (an exported entry of the package, the same release and parser) loads in
// ~0.08 s where its ES module tree takes ~0.35 s: that was most of every command's and worker's start-up.
const parse = createRequire(import.meta.url)('mathjs/lib/browser/math.js').parse as typeof mathjsParse;

/** A checked expression turned into a plain function of the run's parameter values. */
export type Evaluator = (params: Readonly<Record<string, number>>) => number;

/** The outcome of checking an expression: a function, or what is wrong and where in the text (0-based). */
export type CompiledExpression =
  | { readonly ok: true; readonly evaluate: Evaluator; readonly symbols: readonly string[] }
  | { readonly ok: false; readonly message: string; readonly index: number };

/** The functions an expression may call. */
export const ALLOWED_FUNCTIONS: Readonly<Record<string, (...xs: number[]) => number>> = {
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  round: Math.round,
  floor: Math.floor,
  ceil: Math.ceil,
  pow: Math.pow,
};

/** The constants an expression may use by name. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, true: 1, false: 0 };

/**
 * How long and how nested an expression may be: mathjs parses recursively, and 500 nested brackets
 * already overflow the stack. Real expressions are a few dozen characters and terms.
 */
export const EXPRESSION_LIMITS = {
  /** Characters in one expression. */
  length: 1_000,
  /** Brackets (parentheses and function calls) inside one another. */
  nesting: 20,
  /** Numbers and names in one expression. */
  terms: 200,
} as const;

// Lookups by a name from the text must not reach Object.prototype (`toString`, `constructor`).
const has = (table: object, key: string): boolean => Object.hasOwn(table, key);

const OPERATORS: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
  mod: (a, b) => a % b,
  larger: (a, b) => +(a > b),
  smaller: (a, b) => +(a < b),
  largerEq: (a, b) => +(a >= b),
  smallerEq: (a, b) => +(a <= b),
  equal: (a, b) => +(a === b),
  unequal: (a, b) => +(a !== b),
  and: (a, b) => +(a !== 0 && b !== 0),
  or: (a, b) => +(a !== 0 || b !== 0),
};

const FORBIDDEN: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignment (=) is not allowed',
  FunctionAssignmentNode: 'defining functions is not allowed',
  AccessorNode: 'property access (a.b, a[b]) is not allowed',
  IndexNode: 'indexing is not allowed',
  ObjectNode: 'objects are not allowed',
  ArrayNode: 'lists and matrices are not allowed',
  BlockNode: 'several statements (; or newline) are not allowed',
  RangeNode: 'ranges (a:b) are not allowed',
  RelationalNode: 'chained comparisons are not allowed; use and',
};

class Rejected extends Error {
  constructor(
    message: string,
    readonly node: MathNode | undefined,
    readonly index?: number,
  ) {
    super(message);
  }
}

/**
 * Parses an expression once with mathjs, accepts only numbers, the given names, arithmetic, comparisons,
 * conditionals and `ALLOWED_FUNCTIONS`, and returns it as a plain JavaScript closure (never mathjs's
 * evaluator), so evaluating it is cheap and cannot reach anything outside the expression.
 */
export function compileExpression(text: string, names: ReadonlySet<string>): CompiledExpression {
  const tooBig = sizeProblem(text);
  if (tooBig) return tooBig;
  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    if (isStackOverflow(e)) return { ok: false, message: nestingMessage(), index: 0 };
    const msg = e instanceof Error ? e.message : String(e);
    const m = /char (\d+)/.exec(msg);
    return { ok: false, message: `cannot read the expression: ${msg.replace(/\s*\(char \d+\)/, '')}`, index: m ? Number(m[1]) - 1 : 0 };
  }
  let terms = 0;
  root.traverse((node, path) => {
    if ((node.type === 'ConstantNode' || node.type === 'SymbolNode') && path !== 'fn') terms += 1;
  });
  if (terms > EXPRESSION_LIMITS.terms) {
    return { ok: false, message: `the expression has ${terms} terms (numbers and names); expected at most ${EXPRESSION_LIMITS.terms}`, index: 0 };
  }
  const symbols = new Set<string>();
  try {
    const evaluate = build(root, names, symbols, text);
    return { ok: true, evaluate, symbols: [...symbols] };
  } catch (e) {
    // The limits keep expressions well inside the stack; this is a last guard, not a path expected to run.
    if (isStackOverflow(e)) return { ok: false, message: nestingMessage(), index: 0 };
    if (!(e instanceof Rejected)) throw e;
    return { ok: false, message: e.message, index: e.index ?? indexOf(text, e.node) };
  }
}

const nestingMessage = () => `brackets nested over ${EXPRESSION_LIMITS.nesting} levels deep; expected at most ${EXPRESSION_LIMITS.nesting}`;

// Checked on the text, before mathjs reads it: its length, then how deep its brackets go.
function sizeProblem(text: string): CompiledExpression | undefined {
  if (text.length > EXPRESSION_LIMITS.length) {
    return {
      ok: false,
      message: `the expression is ${text.length.toLocaleString('en-US')} characters long; expected at most ${EXPRESSION_LIMITS.length.toLocaleString('en-US')}`,
      index: 0,
    };
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    if (depth > EXPRESSION_LIMITS.nesting) return { ok: false, message: nestingMessage(), index: i };
  }
  return undefined;
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * Says why a parameter name cannot be used in expressions, or returns undefined when it can: a constant or
 * function of expressions would be hidden by it, and an operator word (`mod`, `and`) cannot be written as a name.
 */
export function reservedNameProblem(name: string): string | undefined {
  if (has(CONSTANTS, name)) return `'${name}' is ${name === 'true' || name === 'false' ? 'a switch value' : 'a constant'} of expressions (${name} = ${CONSTANTS[name]}), which a parameter of that name would hide`;
  if (has(ALLOWED_FUNCTIONS, name)) return `'${name}' is a function of expressions (${name}(x)), which a parameter of that name would hide`;
  if (OPERATOR_WORDS.includes(name) || !readsAsName(name)) {
    return `'${name}' is a word of the expression language (such as mod, and, not, Infinity), not a name an expression can use`;
  }
  return undefined;
}

// Words mathjs reads as operators between values (`a mod b`, `x to cm`), whatever else they may be elsewhere.
const OPERATOR_WORDS: readonly string[] = ['and', 'or', 'not', 'xor', 'mod', 'to', 'in'];

// Whether mathjs reads the name as a name where expressions write one (`Infinity` and `null` are constants).
function readsAsName(name: string): boolean {
  return [`${name} + 1`, `2 * ${name}`].every((t) => {
    try {
      let found = false;
      parse(t).traverse((node) => {
        if (node.type === 'SymbolNode' && (node as MathNode & { name?: string }).name === name) found = true;
      });
      return found;
    } catch {
      return false;
    }
  });
}

function build(node: MathNode, names: ReadonlySet<string>, symbols: Set<string>, text: string): Evaluator {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' && !Number.isFinite(v)) {
        const literal = infiniteLiteral(text);
        const written = literal?.text ?? 'a number of it';
        throw new Rejected(`${written} is out of range for a number (beyond ±1.8e308); expected a finite number`, node, literal?.index);
      }
      if (typeof v === 'number') return () => v;
      if (typeof v === 'boolean') return v ? () => 1 : () => 0;
      throw new Rejected(`only numbers may appear as constants (got ${JSON.stringify(v)})`, node);
    }
    case 'SymbolNode': {
      const name = n.name as string;
      if (names.has(name)) {
        symbols.add(name);
        return (p) => p[name];
      }
      if (has(CONSTANTS, name)) {
        const c = CONSTANTS[name];
        return () => c;
      }
      const guess = nearest(name, [...names]);
      throw new Rejected(`unknown name '${name}'${guess ? `; did you mean '${guess}'?` : ''} (an expression may use the scenario's parameters, pi and e)`, node);
    }
    case 'ParenthesisNode':
      return build(n.content as MathNode, names, symbols, text);
    case 'ConditionalNode': {
      const c = build(n.condition as MathNode, names, symbols, text);
      const a = build(n.trueExpr as MathNode, names, symbols, text);
      const b = build(n.falseExpr as MathNode, names, symbols, text);
      return (p) => (c(p) !== 0 ? a(p) : b(p));
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = (n.args as MathNode[]).map((a) => build(a, names, symbols, text));
      if (args.length === 1) {
        const [a] = args;
        if (fn === 'unaryMinus') return (p) => -a(p);
        if (fn === 'unaryPlus') return a;
        if (fn === 'not') return (p) => +(a(p) === 0);
      } else if (args.length === 2 && has(OPERATORS, fn)) {
        const op = OPERATORS[fn];
        const [a, b] = args;
        return (p) => op(a(p), b(p));
      }
      throw new Rejected(`the operator '${String(n.op)}' is not allowed`, node);
    }
    case 'FunctionNode': {
      const callee = n.fn as MathNode & { name?: string };
      const name = callee.type === 'SymbolNode' ? callee.name ?? '' : '';
      if (!has(ALLOWED_FUNCTIONS, name)) {
        const allowed = Object.keys(ALLOWED_FUNCTIONS).join(', ');
        // Name what was called as written (a method such as `a.b`), not only a plain name.
        throw new Rejected(`calling '${calleeText(callee)}' is not allowed: an expression may call only the functions ${allowed}`, node);
      }
      const f = ALLOWED_FUNCTIONS[name];
      const args = (n.args as MathNode[]).map((a) => build(a, names, symbols, text));
      if (args.length === 0) throw new Rejected(`${name}() needs at least one argument`, node);
      return (p) => f(...args.map((a) => a(p)));
    }
    default:
      throw new Rejected(has(FORBIDDEN, node.type) ? FORBIDDEN[node.type] : `${node.type} is not allowed in an expression`, node);
  }
}

function calleeText(callee: MathNode): string {
  try {
    return callee.toString();
  } catch {
    return callee.type;
  }
}

// The first number literal of the text too large for a double (mathjs reads it as Infinity).
function infiniteLiteral(text: string): { text: string; index: number } | undefined {
  for (const m of text.matchAll(/(?<![\w$.])(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi)) {
    if (!Number.isFinite(Number(m[0]))) return { text: m[0], index: m.index };
  }
  return undefined;
}

// mathjs keeps no source positions on nodes: find the node's own text in the expression instead.
function indexOf(text: string, node: MathNode | undefined): number {
  if (!node) return 0;
  const n = node as MathNode & { name?: string; fn?: MathNode & { name?: string } };
  const needle = n.type === 'SymbolNode' ? n.name : n.type === 'FunctionNode' && n.fn ? (n.fn.type === 'SymbolNode' ? n.fn.name : calleeText(n.fn)) : undefined;
  // Match the whole name, so `brazil` is not found inside an earlier `brazilPaymentUSD`.
  const escaped = needle?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = escaped ? new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).exec(text) : null;
  return match ? match.index : 0;
}

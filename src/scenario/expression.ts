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

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, true: 1, false: 0 };

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
  constructor(message: string, readonly node: MathNode | undefined) {
    super(message);
  }
}

/**
 * Parses an expression once with mathjs, accepts only numbers, the given names, arithmetic, comparisons,
 * conditionals and `ALLOWED_FUNCTIONS`, and returns it as a plain JavaScript closure (never mathjs's
 * evaluator), so evaluating it is cheap and cannot reach anything outside the expression.
 */
export function compileExpression(text: string, names: ReadonlySet<string>): CompiledExpression {
  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /char (\d+)/.exec(msg);
    return { ok: false, message: `cannot read the expression: ${msg.replace(/\s*\(char \d+\)/, '')}`, index: m ? Number(m[1]) - 1 : 0 };
  }
  const symbols = new Set<string>();
  try {
    const evaluate = build(root, names, symbols);
    return { ok: true, evaluate, symbols: [...symbols] };
  } catch (e) {
    if (!(e instanceof Rejected)) throw e;
    return { ok: false, message: e.message, index: indexOf(text, e.node) };
  }
}

function build(node: MathNode, names: ReadonlySet<string>, symbols: Set<string>): Evaluator {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
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
      if (name in CONSTANTS) {
        const c = CONSTANTS[name];
        return () => c;
      }
      const guess = nearest(name, [...names]);
      throw new Rejected(`unknown name '${name}'${guess ? `; did you mean '${guess}'?` : ''} (an expression may use the scenario's parameters, pi and e)`, node);
    }
    case 'ParenthesisNode':
      return build(n.content as MathNode, names, symbols);
    case 'ConditionalNode': {
      const c = build(n.condition as MathNode, names, symbols);
      const a = build(n.trueExpr as MathNode, names, symbols);
      const b = build(n.falseExpr as MathNode, names, symbols);
      return (p) => (c(p) !== 0 ? a(p) : b(p));
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = (n.args as MathNode[]).map((a) => build(a, names, symbols));
      if (args.length === 1) {
        const [a] = args;
        if (fn === 'unaryMinus') return (p) => -a(p);
        if (fn === 'unaryPlus') return a;
        if (fn === 'not') return (p) => +(a(p) === 0);
      } else if (args.length === 2 && fn in OPERATORS) {
        const op = OPERATORS[fn];
        const [a, b] = args;
        return (p) => op(a(p), b(p));
      }
      throw new Rejected(`the operator '${String(n.op)}' is not allowed`, node);
    }
    case 'FunctionNode': {
      const callee = n.fn as MathNode & { name?: string };
      const name = callee.type === 'SymbolNode' ? callee.name ?? '' : '';
      const f = ALLOWED_FUNCTIONS[name];
      if (!f) {
        const allowed = Object.keys(ALLOWED_FUNCTIONS).join(', ');
        throw new Rejected(`calling '${name || 'this'}' is not allowed; an expression may call: ${allowed}`, node);
      }
      const args = (n.args as MathNode[]).map((a) => build(a, names, symbols));
      if (args.length === 0) throw new Rejected(`${name}() needs at least one argument`, node);
      return (p) => f(...args.map((a) => a(p)));
    }
    default:
      throw new Rejected(FORBIDDEN[node.type] ?? `${node.type} is not allowed in an expression`, node);
  }
}

// mathjs keeps no source positions on nodes: find the node's own text in the expression instead.
function indexOf(text: string, node: MathNode | undefined): number {
  if (!node) return 0;
  const n = node as MathNode & { name?: string; fn?: { name?: string } };
  const needle = n.type === 'SymbolNode' ? n.name : n.type === 'FunctionNode' ? n.fn?.name : undefined;
  // Match the whole name, so `brazil` is not found inside an earlier `brazilPaymentUSD`.
  const escaped = needle?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = escaped ? new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).exec(text) : null;
  return match ? match.index : 0;
}

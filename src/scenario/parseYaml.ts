import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Result } from './diagnostic.js';

/** A parsed YAML file that still knows where each of its values was written. */
export interface SourceDoc {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** A path into a scenario: keys of mappings and indices of lists. */
export type Path = readonly (string | number)[];

/**
 * How big a YAML scenario may be, checked before anything walks it, so that no input can exhaust the stack
 * or memory: real scenarios nest about 6 levels and hold a few thousand nodes and no aliases.
 */
export const YAML_LIMITS = {
  /** Levels of lists and mappings inside one another (an alias counts as what it repeats). */
  depth: 64,
  /** Keys, values, lists and mappings, each alias counted as the nodes it repeats. */
  nodes: 100_000,
  /** Aliases (`*name`) in one file. */
  aliases: 1_000,
} as const;

/**
 * Parses YAML text, refusing binary or empty input, syntax errors, duplicate keys, oversized structures,
 * bad aliases, a `__proto__` key and non-mappings.
 */
export function parseYaml(text: string, file: string): Result<SourceDoc> {
  const at = (line: number, col: number, message: string): Result<SourceDoc> => ({ ok: false, errors: [{ file, line, col, message }] });
  if (text.includes('\u0000') || text.includes('\uFFFD')) return at(1, 1, 'file is not text (it holds binary bytes); expected a YAML scenario');
  if (text.trim() === '') return at(1, 1, 'file is empty; expected a YAML mapping with name, start, end, parameters, levers, hosts');
  // The yaml library composes nodes recursively, and deep nesting can crash the process outright (V8 runs
  // out of memory compiling a regular expression near the stack's end): measure its syntax tree first.
  const tooBig = measureSyntax(text);
  if (tooBig) return at(tooBig.line, tooBig.col, tooBig.message);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const errors: Diagnostic[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      return { file, line: pos.line, col: pos.col, message: yamlMessage(e.code, e.message, keyAt(text, e.pos[0])) };
    });
    return { ok: false, errors };
  }
  const aliasProblem = measureDocument(doc);
  if (aliasProblem) {
    const pos = aliasProblem.node.range ? lines.linePos(aliasProblem.node.range[0]) : { line: 1, col: 1 };
    return at(pos.line, pos.col, aliasProblem.message);
  }
  let data: unknown;
  try {
    // measureDocument bounds what aliases repeat, node by node; the library's own count (default 100 uses of
    // an anchor) would refuse files within that bound.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    return at(1, 1, `cannot expand the YAML aliases (${e instanceof Error ? e.message : String(e)}); expected a scenario without aliases`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = data === null ? 'nothing' : Array.isArray(data) ? 'a list' : `a single ${typeof data}`;
    const pos = doc.contents?.range ? lines.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    return at(pos.line, pos.col, `file holds ${what}; expected a mapping of keys such as name, start, end, parameters`);
  }
  return { ok: true, value: { file, text, data, doc, lines } };
}

const count = (n: number) => n.toLocaleString('en-US');

// Markers the lexer adds to its tokens that are not characters of the text.
const LEXER_MARKERS = new Set(['\u0002', '\u001f', '\u0018']);

// A streaming pass over the lexer's tokens, which hold nothing but a few counters, bounds the depth and size
// loosely before the yaml library composes anything: depth as the indentation levels open, plus compact
// `- `/`? ` on the line, plus open brackets; nodes as scalars, aliases, brackets and item marks. Each is at
// most twice the true figure, so twice the limit passed means the limit is passed; the exact figures, and
// the limits themselves, are checked on the composed document (measureDocument).
function measureSyntax(text: string): { line: number; col: number; message: string } | undefined {
  const indents: number[] = [];
  let offset = 0;
  let flow = 0;
  let compact = 0;
  let lineStart = true;
  let indent = 0;
  let nodes = 0;
  let nodesPassed = -1;
  let deepPassed = -1;
  for (const token of new Lexer().lex(text)) {
    const at = offset;
    if (!LEXER_MARKERS.has(token)) offset += token.length;
    if (LEXER_MARKERS.has(token) || token.startsWith('#')) continue;
    if (token === '\n') {
      lineStart = true;
      indent = 0;
      compact = 0;
      continue;
    }
    if (lineStart && /^ +$/.test(token)) {
      indent = token.length;
      continue;
    }
    if (token.trim() === '') continue;
    if (lineStart) {
      lineStart = false;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
      }
    }
    if (token === '[' || token === '{') flow += 1;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if ((token === '-' || token === '?') && flow === 0) compact += 1;
    else if (token === ':' || token === ',' || token.startsWith('&') || token.startsWith('!')) continue;
    nodes += 1;
    const depth = indents.length + compact + flow;
    // Say where the estimate first passed the limit: exact for brackets, near the place for the rest.
    if (nodes === YAML_LIMITS.nodes + 1) nodesPassed = at;
    if (depth > YAML_LIMITS.depth && deepPassed < 0) deepPassed = at;
    if (nodes > 2 * YAML_LIMITS.nodes) return { ...linePosition(text, nodesPassed), message: nodesMessage() };
    if (depth > 2 * YAML_LIMITS.depth) return { ...linePosition(text, deepPassed), message: depthMessage() };
  }
  return undefined;
}

const nodesMessage = () => `the file holds over ${count(YAML_LIMITS.nodes)} YAML nodes (keys, values, lists and mappings); a scenario needs a few thousand`;
const depthMessage = () => `lists and mappings nested over ${YAML_LIMITS.depth} levels deep; a scenario needs fewer than 10`;

function linePosition(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

// Of a node: the nodes it stands for and the levels of lists and mappings in it, aliases counted as what they repeat.
interface Extent {
  readonly nodes: number;
  readonly levels: number;
}

class Refused extends Error {
  constructor(readonly node: Node, message: string) {
    super(message);
  }
}

// Checks the limits exactly, at the node that passes one. Aliases repeat what they name without copying it,
// but everything that reads the data walks each repeat: an alias counts as the nodes and levels it repeats,
// so an alias bomb is refused at the alias that would pass a limit. Recursion is safe here: measureSyntax
// let through only documents at most 2 x YAML_LIMITS.depth deep.
function measureDocument(doc: Document): { node: Node; message: string } | undefined {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, Extent>();
  let aliases = 0;
  let total = 0;
  const measure = (node: unknown, level: number): Extent => {
    if (isAlias(node)) {
      if (++aliases > YAML_LIMITS.aliases) throw new Refused(node, `the file holds over ${count(YAML_LIMITS.aliases)} aliases (*name); a scenario needs few or none`);
      const target = anchors.get(node.source);
      if (!target) throw new Refused(node, `the alias *${node.source} names no anchor before it; expected &${node.source} on a value earlier in the file`);
      const extent = measured.get(target);
      if (!extent) throw new Refused(node, `the alias *${node.source} is inside the value it names, so it would repeat forever; an alias may name only a value that ends before it`);
      total += extent.nodes;
      if (total > YAML_LIMITS.nodes) {
        throw new Refused(node, `the alias *${node.source} repeats ${count(extent.nodes)} nodes, bringing the file over ${count(YAML_LIMITS.nodes)} YAML nodes; expected a scenario without alias bombs`);
      }
      if (level + extent.levels > YAML_LIMITS.depth) {
        throw new Refused(node, `the alias *${node.source} repeats lists and mappings that bring the nesting over ${YAML_LIMITS.depth} levels deep; a scenario needs fewer than 10`);
      }
      return extent;
    }
    if (!isNodeLike(node)) return { nodes: 0, levels: 0 };
    if (node.anchor) anchors.set(node.anchor, node);
    if (++total > YAML_LIMITS.nodes) throw new Refused(node, nodesMessage());
    let nodes = 1;
    let levels = 0;
    if (isMap(node) || isSeq(node)) {
      if (level + 1 > YAML_LIMITS.depth) throw new Refused(node, depthMessage());
      for (const item of node.items as unknown[]) {
        // Parsed into objects, this key would set their prototype and vanish from the data: refuse it by name.
        if (isPair(item) && isScalar(item.key) && item.key.value === '__proto__') {
          throw new Refused(item.key, `the key '__proto__' is not allowed (JavaScript gives it a meaning of its own); choose another name`);
        }
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          const e = measure(part, level + 1);
          nodes += e.nodes;
          levels = Math.max(levels, e.levels);
        }
      }
      levels += 1;
    }
    const extent = { nodes, levels };
    measured.set(node, extent);
    return extent;
  };
  try {
    measure(doc.contents, 0);
    return undefined;
  } catch (e) {
    if (e instanceof Refused) return { node: e.node, message: e.message };
    throw e;
  }
}

function yamlMessage(code: string, message: string, key: string): string {
  if (code === 'DUPLICATE_KEY') return `duplicate key '${key}'; each key may appear once in a mapping`;
  return `YAML syntax error: ${message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
}

// The yaml library's duplicate-key message does not name the key: read it from the text at the error.
function keyAt(text: string, offset: number): string {
  return /^[^:,{}\n]*/.exec(text.slice(offset))?.[0].trim() ?? '';
}

/**
 * Returns where a path was written: the key of its last step (for `key`) or its value.
 * A path that is not in the file is located at the deepest part of it that is.
 */
export function locate(src: SourceDoc, path: Path, which: 'key' | 'value' = 'value'): { line: number; col: number } | undefined {
  let node: unknown = src.doc.contents;
  let found: Node | undefined = isNodeLike(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      if (last && which === 'key' && isNodeLike(pair.key)) {
        found = pair.key;
        break;
      }
      node = pair.value;
      if (isNodeLike(node)) found = node;
      else if (isNodeLike(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!isNodeLike(node)) break;
      found = node;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : src.lines.linePos(offset);
}

/** Returns the text a scalar at a path was written as (`1e400`, `.inf`), or undefined when there is none. */
export function writtenAt(src: SourceDoc, path: Path): string | undefined {
  const node = src.doc.getIn(path as (string | number)[], true);
  if (!isScalar(node) || !node.range) return undefined;
  return src.text.slice(node.range[0], node.range[1]).trim();
}

/** Tells whether the file itself writes something at this path (not counting what it extends). */
export function hasPath(src: SourceDoc, path: Path): boolean {
  return src.doc.hasIn(path as (string | number)[]);
}

function isNodeLike(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

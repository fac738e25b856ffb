import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

// Aliases expand when read: a few legitimate ones are fine, thousands are an "exponential entity" attack.
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text, refusing binary or empty input, syntax errors, duplicate keys, alias bombs and non-mappings. */
export function parseYaml(text: string, file: string): Result<SourceDoc> {
  const at = (line: number, col: number, message: string): Result<SourceDoc> => ({ ok: false, errors: [{ file, line, col, message }] });
  if (text.includes('\u0000') || text.includes('\uFFFD')) return at(1, 1, 'file is not text (it holds binary bytes); expected a YAML scenario');
  if (text.trim() === '') return at(1, 1, 'file is empty; expected a YAML mapping with name, start, end, parameters, levers, hosts');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const errors: Diagnostic[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      return { file, line: pos.line, col: pos.col, message: yamlMessage(e.code, e.message, keyAt(text, e.pos[0])) };
    });
    return { ok: false, errors };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return at(1, 1, `too many YAML alias expansions (over ${MAX_ALIAS_COUNT}); expected a scenario without alias bombs`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = data === null ? 'nothing' : Array.isArray(data) ? 'a list' : `a single ${typeof data}`;
    const pos = doc.contents?.range ? lines.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    return at(pos.line, pos.col, `file holds ${what}; expected a mapping of keys such as name, start, end, parameters`);
  }
  return { ok: true, value: { file, text, data, doc, lines } };
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

/** Tells whether the file itself writes something at this path (not counting what it extends). */
export function hasPath(src: SourceDoc, path: Path): boolean {
  return src.doc.hasIn(path as (string | number)[]);
}

function isNodeLike(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

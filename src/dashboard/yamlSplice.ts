import { Document, isCollection, isMap, isScalar, isSeq, Scalar, stringify, type Node, type YAMLMap } from 'yaml';

// Editing a scenario's text in place rather than re-printing its document: the YAML library re-flows what
// it prints (a flow sequence written ten numbers a line comes back on one long line), so a re-printed file
// differs from the user's on hundreds of lines the edit never touched.

/** A replacement of the text from `from` to `to` (exclusive) by `insert`. */
export interface Splice {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** Applies splices that do not overlap, in any order; throws if two overlap. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.from < at) throw new Error('overlapping text edits');
    out += text.slice(at, s.from) + s.insert;
    at = s.to;
  }
  return out + text.slice(at);
}

/** The line ending a text uses: CRLF if it has one, else LF. */
export const lineEnding = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** The offset where the line holding `pos` starts. */
export const lineStart = (text: string, pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;

/** The offset just past the end (the newline included) of the line holding `pos`. */
export function lineAfter(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
}

/** The column (0-based) of an offset. */
export const columnOf = (text: string, pos: number): number => pos - lineStart(text, pos);

/**
 * Where a node's own text ends: a scalar's or flow collection's last character, a block collection's last
 * item's; a comment after it on the same line is not part of it, but `lineAfter` of this offset takes it.
 */
export function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as unknown;
    if (isSeq(node)) return contentEnd(last as Node);
    const pair = last as { key: Node; value: Node | null };
    return contentEnd(pair.value ?? pair.key);
  }
  return node.range![1];
}

/** A map key as text, as schedules and levers are looked up. */
export const keyString = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/** The pair of a map whose key reads `key`, if any. */
export const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => keyString(p.key) === key);

/** A scalar value as YAML writes it on one line (quoted if it must be). */
export const scalarText = (value: unknown): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** A comment as written after a value on its line (the library keeps a comment's text without its `#`). */
export const trailingComment = (comment: string | null | undefined): string => (comment ? ` #${comment.replace(/\r?\n/g, ' ')}` : '');

/** One `key: value # comment` line at a column. */
export function entryLine(key: string, value: Scalar, column: number, eol: string): string {
  return `${' '.repeat(column)}${scalarText(key)}: ${scalarText(value.value)}${trailingComment(value.comment)}${eol}`;
}

/**
 * A `key: node` pair as YAML prints it, each line moved to a column, with `indent` spaces a nesting level:
 * how a node that must be replaced whole is written in the style of the file around it.
 */
export function pairText(key: string, node: unknown, column: number, indent: number, eol: string): string {
  const doc = new Document();
  const map = doc.createNode({}) as YAMLMap;
  map.items.push(doc.createPair(new Scalar(key), isScalar(node) || isMap(node) || isSeq(node) ? node.clone() : node));
  doc.contents = map;
  const lines = doc.toString({ indent, lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((l) => (l === '' ? l : ' '.repeat(column) + l) + eol).join('');
}

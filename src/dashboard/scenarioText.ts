import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Lever } from '../model/spec.js';
import { documentText } from './editLever.js';
import {
  applySplices,
  columnOf,
  contentEnd,
  entryLine,
  keyString,
  lineAfter,
  lineEnding,
  lineStart,
  pairOf,
  pairText,
  scalarText,
  type Splice,
} from './yamlSplice.js';

type Entries = { readonly kind: 'step' | 'linear'; readonly map: YAMLMap };

// A lever's points as a block map of scalars, directly (step) or under `linear`; undefined for anything else.
function entriesOf(node: unknown): Entries | undefined {
  if (!isMap(node) || node.flow) return undefined;
  const linear = node.items.length === 1 && keyString(node.items[0].key) === 'linear' ? node.items[0].value : undefined;
  const map = linear === undefined ? node : linear;
  if (!isMap(map) || map.flow || map.items.length === 0 || !map.items.every((p) => isScalar(p.key) && isScalar(p.value))) return undefined;
  return { kind: linear === undefined ? 'step' : 'linear', map };
}

const sameScalar = (a: unknown, b: unknown) => isScalar(a) && isScalar(b) && a.value === b.value && (a.comment ?? '') === (b.comment ?? '');

// The lines of a pair in a block map: from its key's line to the end of its value's last line.
const pairSpan = (text: string, p: Pair<Node, Node | null>) => ({ from: lineStart(text, p.key.range![0]), to: lineAfter(text, contentEnd(p.value ?? p.key)) });

// The points of one schedule, point by point: a kept point keeps its line, a changed one gets a new line, a
// dropped one loses its line and a new one gets a line after the point before it.
function entrySplices(text: string, before: YAMLMap, after: YAMLMap, eol: string): Splice[] {
  const items = before.items as Pair<Node, Node>[];
  const column = columnOf(text, items[0].key.range![0]);
  const added = new Map<number, string>(); // after which item (-1: before the first), the new lines
  for (const p of after.items) {
    const key = keyString(p.key);
    if (pairOf(before, key)) continue;
    let anchor = -1;
    items.forEach((q, i) => {
      if (keyString(q.key) < key && (anchor < 0 || keyString(items[anchor].key) < keyString(q.key))) anchor = i;
    });
    added.set(anchor, (added.get(anchor) ?? '') + entryLine(key, p.value as never, column, eol));
  }
  const splices: Splice[] = [];
  items.forEach((p, i) => {
    const span = pairSpan(text, p);
    const old = text.slice(span.from, span.to);
    const now = pairOf(after, keyString(p.key))?.value;
    const line = now === undefined ? '' : sameScalar(p.value, now) ? old : entryLine(keyString(p.key), now as never, column, eol);
    const written = (i === 0 ? (added.get(-1) ?? '') : '') + line + (added.get(i) ?? '');
    if (written !== old) splices.push({ ...span, insert: written });
  });
  return splices;
}

// How far the file indents a nesting level: its levers under `levers`, or two spaces.
function indentStep(text: string, outer: Pair<Node, Node | null>): number {
  const inner = isMap(outer.value) && !outer.value.flow ? (outer.value.items[0]?.key as Node | undefined) : undefined;
  const step = inner?.range ? columnOf(text, inner.range[0]) - columnOf(text, outer.key.range![0]) : 0;
  return step > 0 ? step : 2;
}

function leverSplices(text: string, top: YAMLMap, edited: Document, lever: Lever, eol: string): Splice[] {
  const leversAfter = edited.get('levers', true) as YAMLMap;
  const node = leversAfter.get(lever, true);
  const topColumn = columnOf(text, (top.items[0].key as Node).range![0]);
  const leversPair = pairOf(top, 'levers') as Pair<Node, Node | null> | undefined;
  if (!leversPair) {
    // No levers yet (the parent sets them): a section at the end of the file, as the library would add it.
    const gap = text === '' || text.endsWith('\n') ? '' : eol;
    return [{ from: text.length, to: text.length, insert: gap + pairText('levers', leversAfter, topColumn, 2, eol) }];
  }
  const levers = leversPair.value;
  const step = indentStep(text, leversPair);
  if (!isMap(levers) || levers.flow || levers.items.length === 0) {
    // `levers:` empty or written in flow style: its one line (or few) written again.
    const to = lineAfter(text, isMap(levers) ? contentEnd(levers) : leversPair.key.range![1]);
    return [{ from: lineStart(text, leversPair.key.range![0]), to, insert: pairText('levers', leversAfter, topColumn, step, eol) }];
  }
  const leverColumn = columnOf(text, (levers.items[0].key as Node).range![0]);
  const pair = pairOf(levers, lever) as Pair<Node, Node | null> | undefined;
  if (!pair) {
    const at = lineAfter(text, contentEnd(levers));
    return [{ from: at, to: at, insert: pairText(lever, node, leverColumn, step, eol) }];
  }
  const before = entriesOf(pair.value);
  const after = entriesOf(node);
  if (before && after && before.kind === after.kind) return entrySplices(text, before.map, after.map, eol);
  // A constant becomes a schedule, a schedule a constant, or the lever is written some other way: the lever's
  // own lines are written again, the comments above it kept.
  return [{ ...pairSpan(text, pair), insert: pairText(lever, node, leverColumn, step, eol) }];
}

function nameSplices(text: string, top: YAMLMap, edited: Document, eol: string): Splice[] {
  const name = edited.get('name');
  const pair = pairOf(top, 'name') as Pair<Node, Node | null> | undefined;
  if (pair && isScalar(pair.value)) {
    if (pair.value.value === name) return [];
    return [{ from: pair.value.range![0], to: pair.value.range![1], insert: scalarText(name) }];
  }
  if (name === undefined || pair) throw new Error('a name the text cannot be edited for');
  // The name came from the parent: a line of its own, after `extends` (or first).
  const ext = pairOf(top, 'extends') as Pair<Node, Node | null> | undefined;
  const first = top.items[0].key as Node;
  const at = ext ? lineAfter(text, contentEnd(ext.value ?? ext.key)) : lineStart(text, first.range![0]);
  return [{ from: at, to: at, insert: `${' '.repeat(columnOf(text, first.range![0]))}name: ${scalarText(name)}${eol}` }];
}

/**
 * Returns the scenario text with the changes an edited copy of its document makes to its name and one lever,
 * changing only the lines those changes touch: every other byte stays as the user wrote it. Should the text
 * be laid out in a way these edits do not foresee, the copy is printed whole instead, so the saved file
 * always says what the dashboard shows.
 */
export function editedText(text: string, doc: Document, edited: Document, lever: Lever): string {
  const eol = lineEnding(text);
  try {
    const top = doc.contents;
    if (!isMap(top) || top.flow || top.items.length === 0) throw new Error('not a block mapping');
    const out = applySplices(text, [...nameSplices(text, top, edited, eol), ...leverSplices(text, top, edited, lever, eol)]);
    const check = parseDocument(out);
    if (check.errors.length === 0 && isDeepStrictEqual(check.toJS(), edited.toJS())) return out;
  } catch {
    // Fall through to the whole document.
  }
  return documentText(edited);
}

/** The comment put at the head of an edited file, so that what the original's comments say is not read as this file's. */
export const editedFromNote = (file: string) => ` Edited in the brigadas dashboard from ${file}; the comments and description are that file's.`;

const NOTED = ' Edited in the brigadas dashboard from ';
const GENERATED_HEADER = /^# Generated by brigadas calibrate[^\n]*\n[^\n]*\n[^\n]*to change it[^\n]*\n/m;

/**
 * Adds one comment line before the first line of content saying which file this one was edited from, once.
 * A file `brigadas calibrate` generated has its "do not edit by hand, regenerate with..." header replaced
 * instead: the edited copy is no longer what that command writes, and regenerating does not change it.
 */
export function withEditNote(text: string, file: string): string {
  const eol = lineEnding(text);
  const head = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text)![0];
  if (head.includes(NOTED)) return text;
  const generated = GENERATED_HEADER.exec(head);
  if (generated) {
    const note = [`#${NOTED}${file}, which brigadas calibrate generated: regenerating`, '# that file does not change this one; the comments and description are that file\'s.'];
    return text.slice(0, generated.index) + note.map((l) => l + eol).join('') + text.slice(generated.index + generated[0].length);
  }
  return `${head}#${editedFromNote(file)}${eol}${text.slice(head.length)}`;
}

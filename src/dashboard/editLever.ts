import { isMap, isScalar, Scalar, type Document } from 'yaml';
import type { Lever } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { LEVER_DEFAULTS } from '../scenario/compileScenario.js';
import { mergeSchedule } from '../scenario/merge.js';
import { monthIndex, monthText } from '../scenario/month.js';
import type { Schedule, Value } from '../scenario/schema.js';

/** The comment put on the points the dashboard writes, so a reader of the saved file sees what changed. */
export const EDIT_NOTE = ' changed in the brigadas dashboard';

type Points = [string, Value][];
type Shape = { readonly kind: 'constant'; readonly value: Value } | { readonly kind: 'step' | 'linear'; readonly points: Points };

const byMonth = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function shape(s: Schedule | undefined): Shape | undefined {
  if (s === undefined) return undefined;
  if (typeof s !== 'object') return { kind: 'constant', value: s };
  const linear = 'linear' in s;
  const points = Object.entries((linear ? s.linear : s) as Record<string, Value>).sort(byMonth);
  return { kind: linear ? 'linear' : 'step', points };
}

function leverIn(data: unknown, lever: Lever): Schedule | undefined {
  const levers = (data as { levers?: Record<string, Schedule> } | null)?.levers;
  return levers?.[lever];
}

/**
 * Returns a copy of the user's scenario document (the first file of the `extends` chain) in which `lever`
 * keeps its schedule before month `from` (YYYY-MM) and holds `value` from then to the end; comments and
 * untouched points stay as written.
 *
 * What the user's file must say depends on what it extends: schedules merge point by point, so when a parent
 * has a step schedule, its later points are overridden in the user's file; a constant or a schedule of
 * another kind is replaced whole. A linear schedule holds its old value until the month before `from`
 * (`heldBefore`, a number), so the change is a step there too.
 */
export function setLeverFrom(c: CompiledScenario, lever: Lever, from: string, value: number | boolean, heldBefore: number): Document {
  const doc = c.merged.sources[0].doc.clone();
  const userNode = doc.getIn(['levers', lever], true);
  if (monthIndex(from) <= monthIndex(c.start)) {
    const s = new Scalar(value);
    // A constant's comment (often its source) stays, but it spoke of the old value: the note follows it.
    s.comment = isScalar(userNode) && userNode.comment ? `${userNode.comment};${EDIT_NOTE}` : EDIT_NOTE;
    doc.setIn(['levers', lever], s);
    return doc;
  }
  const old = shape(c.merged.data.levers?.[lever] ?? LEVER_DEFAULTS[lever])!;
  const kind = old.kind === 'linear' ? 'linear' : 'step';
  const wanted: Points = old.kind === 'constant' ? [[c.start, old.value]] : old.points.filter(([m]) => m < from);
  const before = monthText(monthIndex(from) - 1);
  if (kind === 'linear' && wanted.length > 0 && wanted[wanted.length - 1][0] < before) wanted.push([before, heldBefore]);
  wanted.push([from, value]);
  const valueOn = (m: string) => [...wanted].reverse().find(([p]) => p <= m)?.[1] ?? wanted[0][1];

  const parent = shape(c.merged.sources.slice(1).reduceRight<Schedule | undefined>((acc, s) => mergeSchedule(acc, leverIn(s.data, lever)), undefined));
  const userMap = kind === 'linear' ? doc.getIn(['levers', lever, 'linear'], true) : userNode;
  const userWrote = (m: string) => isMap(userMap) && userMap.has(m);
  const want = new Map(wanted);
  if (parent !== undefined && parent.kind === kind) {
    // The parent's points come back through the merge: override those that would disagree, and leave out
    // those that already agree (unless the user's file wrote them).
    for (const [m] of parent.points) if (!want.has(m)) want.set(m, valueOn(m));
    for (const [m, v] of parent.points) if (want.get(m) === v && !userWrote(m)) want.delete(m);
  }
  const entries = [...want].sort(byMonth);
  const oldOn = (m: string) => (old.kind === 'constant' ? old.value : ([...old.points].reverse().find(([p]) => p <= m)?.[1] ?? old.points[0][1]));
  // Only points that change what the lever does carry the note; restated old values do not.
  const changed = (m: string, v: Value) => {
    const s = new Scalar(v);
    if (m >= from || oldOn(m) !== v) s.comment = EDIT_NOTE;
    return s;
  };

  if (isMap(userMap) && !(kind === 'step' && userMap.has('linear'))) {
    for (const pair of [...userMap.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!want.has(key)) userMap.delete(pair.key);
    }
    for (const [m, v] of entries) {
      const current = userMap.get(m, true);
      if (isScalar(current) && current.value === v) continue;
      userMap.set(m, changed(m, v));
    }
    userMap.items.sort((a, b) => byMonth([String(isScalar(a.key) ? a.key.value : a.key), 0], [String(isScalar(b.key) ? b.key.value : b.key), 0]));
    return doc;
  }
  const points = Object.fromEntries(entries.map(([m, v]) => [m, changed(m, v)]));
  const node = doc.createNode(kind === 'linear' ? { linear: points } : points);
  // A constant the user had commented keeps its comment on the point that carries its value on.
  if (isScalar(userNode) && userNode.comment && isScalar(points[c.start])) points[c.start].comment = userNode.comment;
  doc.setIn(['levers', lever], node);
  return doc;
}

/**
 * Writes an edited document back to YAML text. No line width: folding long strings at 80 columns, the
 * library's default, would rewrite every long `source:` line of a file the dashboard did not touch.
 */
export function documentText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

/**
 * Renames an edited scenario `<name> (edited)` once, so its results are never mistaken for the original's.
 * (The file's header says what it was edited from: see withEditNote.)
 */
export function renameEdited(doc: Document, name: string): void {
  if (!name.endsWith(' (edited)')) doc.set('name', `${name} (edited)`);
}

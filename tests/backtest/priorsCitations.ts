// What scenarios/priors.yaml cites: every evidence id in its text (source strings and # comments), each with
// the line and the anchor entry it sets there, and the names an anchor entry may use. Read as text on purpose:
// the comments carry most schedule citations, and a YAML parser drops them.
import { parse } from 'yaml';

/** One evidence id cited in the priors: where, and what it sets there (undefined outside any parameter, schedule, host or event). */
export interface Citation {
  readonly id: string;
  readonly line: number;
  readonly anchor: string | undefined;
}

/** The names anchor entries may use, by kind: parameters, drivers and levers, `host.field`, event months. */
export interface PriorsNames {
  readonly prior: ReadonlySet<string>;
  readonly schedule: ReadonlySet<string>;
  readonly host: ReadonlySet<string>;
  readonly event: ReadonlySet<string>;
}

const ID = /\b([SX])(\d{3})(?:-([SX])?(\d{3}))?\b/g;

/** The evidence ids a piece of text cites, ranges such as `X206-X212` or `S062-S063` expanded. */
export function citedIds(text: string): string[] {
  const out: string[] = [];
  for (const [, letter, from, toLetter, to] of text.matchAll(ID)) {
    const last = to !== undefined && (toLetter === undefined || toLetter === letter) ? Number(to) : Number(from);
    for (let n = Number(from); n <= Math.max(last, Number(from)); n++) out.push(`${letter}${String(n).padStart(3, '0')}`);
  }
  return out;
}

/**
 * Every id the priors cite, line by line, with the anchor entry of the key it sits under: `prior:<name>`
 * under parameters, `schedule:<name>` under drivers and levers, `host:<id>.<field>` under hosts and
 * `event:<date>` in an event.
 */
export function priorsCitations(text: string): Citation[] {
  const out: Citation[] = [];
  // The keys open at the current line, outermost first, with their indentation; an event item keeps its date.
  let stack: { indent: number; key: string; date?: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const item = /^(\s*)- (\w+):\s*([^#\s]*)/.exec(raw);
    const key = /^(\s*)([\w.-]+):/.exec(raw);
    if (item) {
      const indent = item[1].length;
      stack = [...stack.filter((s) => s.indent < indent), { indent, key: '-', date: item[2] === 'date' ? item[3] : undefined }];
    } else if (key) {
      const indent = key[1].length;
      stack = [...stack.filter((s) => s.indent < indent), { indent, key: key[2] }];
    }
    const comment = /^\s*#/.test(raw);
    for (const id of citedIds(raw)) out.push({ id, line: i + 1, anchor: comment ? undefined : anchorOf(stack) });
  });
  return out;
}

// The anchor entry of a path of keys, if it is one.
function anchorOf(stack: readonly { key: string; date?: string }[]): string | undefined {
  const [top, name, field] = stack.map((s) => s.key);
  if (top === 'parameters' && name) return `prior:${name}`;
  if ((top === 'drivers' || top === 'levers') && name) return `schedule:${name}`;
  if (top === 'hosts' && name && field) return `host:${name}.${field}`;
  const date = stack[1]?.date;
  if (top === 'events' && date) return `event:${date}`;
  return undefined;
}

/** The names the priors define, for checking anchor entries against them. */
export function priorsNames(text: string): PriorsNames {
  const doc = parse(text) as {
    parameters: Record<string, unknown>;
    drivers: Record<string, unknown>;
    levers: Record<string, unknown>;
    hosts: Record<string, Record<string, unknown>>;
    events: { date: unknown }[];
  };
  return {
    prior: new Set(Object.keys(doc.parameters)),
    schedule: new Set([...Object.keys(doc.drivers), ...Object.keys(doc.levers)]),
    host: new Set(Object.entries(doc.hosts).flatMap(([id, fields]) => Object.keys(fields).map((f) => `${id}.${f}`))),
    event: new Set(doc.events.map((e) => String(e.date))),
  };
}

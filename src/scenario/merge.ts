import type { Schedule, ScenarioFile } from './schema.js';

type Points = Record<string, unknown>;

const isPlainObject = (x: unknown): x is Points => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLinear = (s: unknown): s is { linear: Points } => isPlainObject(s) && 'linear' in s;
const isSteps = (s: unknown): s is Points => isPlainObject(s) && !('linear' in s);

/**
 * Merges a child schedule over its parent's: step schedules and linear ones merge point by point (so a
 * child adds `2027-01: true` to the parent's timeline); a constant or a change of kind replaces the parent's.
 */
export function mergeSchedule(parent: Schedule | undefined, child: Schedule | undefined): Schedule | undefined {
  if (child === undefined) return parent;
  if (isSteps(parent) && isSteps(child)) return { ...parent, ...child } as Schedule;
  if (isLinear(parent) && isLinear(child)) return { linear: { ...parent.linear, ...child.linear } } as Schedule;
  return child;
}

function mergeSchedules<T extends Record<string, Schedule | undefined>>(parent: T | undefined, child: T | undefined): T | undefined {
  if (!child) return parent;
  if (!parent) return child;
  const out: Record<string, Schedule | undefined> = { ...parent };
  for (const [k, v] of Object.entries(child)) out[k] = mergeSchedule(parent[k], v);
  return out as T;
}

/**
 * Applies a child scenario file over its parent: scalars and parameters are replaced whole, schedules merge
 * point by point, hosts merge field by field, and the child's events come after the parent's.
 */
export function mergeScenario(parent: ScenarioFile, child: ScenarioFile): ScenarioFile {
  const hosts: Record<string, Record<string, unknown>> = { ...(parent.hosts ?? {}) } as Record<string, Record<string, unknown>>;
  for (const [id, host] of Object.entries(child.hosts ?? {})) {
    const base = hosts[id] ?? {};
    const merged: Record<string, unknown> = { ...base };
    for (const [field, v] of Object.entries(host)) merged[field] = mergeSchedule(base[field] as Schedule, v as Schedule);
    hosts[id] = merged;
  }
  return {
    ...parent,
    ...withoutUndefined({ name: child.name, description: child.description, start: child.start, end: child.end }),
    extends: undefined,
    parameters: { ...(parent.parameters ?? {}), ...(child.parameters ?? {}) },
    drivers: mergeSchedules(parent.drivers, child.drivers),
    levers: mergeSchedules(parent.levers, child.levers),
    hosts: hosts as ScenarioFile['hosts'],
    events: [...(parent.events ?? []), ...(child.events ?? [])],
  };
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

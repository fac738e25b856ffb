import { LEVERS, type Lever } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { LEVER_LABELS, LEVER_ORDER } from './leverInfo.js';
import { scheduleAtMedians } from '../scenario/parameterMedians.js';
import type { Cell, Tone } from './segments.js';
import { columnToYear, yearToColumn } from './yearColumns.js';

/** One row of the policy timeline: a lever or a host programme across the chart's columns. */
export interface TimelineRow {
  readonly label: string;
  readonly cells: readonly Cell[];
}

/** The levers the timeline always shows: the policies the scenarios are about. */
const ALWAYS: readonly Lever[] = ['paroleOpen', 'travelPermissionCoverage', 'usPressure'];

/** Bars for a level: eighths of a cell, from nothing to full. */
const LEVELS = '▁▂▃▄▅▆▇█';

/** The glyphs of the timeline, each readable without colour. */
export const TIMELINE_GLYPHS = { on: '█', off: '·', running: '━', cut: '▾', end: '╳', cursor: '│' } as const;

/** Returns the month offset a timeline column shows: the middle of the (fractional) year it stands for. */
export function columnMonth(c: CompiledScenario, x: number, width: number): number {
  const f = columnToYear(x, width, c.years.length);
  return Math.max(0, Math.min(c.months - 1, Math.round(f * 12) + 6 - c.startMonth));
}

/**
 * Lays out which policies hold when, one row each across the same columns as the charts above it: switches
 * (█ on, · off), levels as bars scaled to the lever's range (shares) or its highest value (other levers),
 * and each host programme (━) from its first demand until an event ends it (╳), with partial cuts (▾).
 * Expressions are shown at the parameters' medians; the cursor year is a │ where a row is empty.
 */
export function policyTimeline(c: CompiledScenario, width: number, medians: Readonly<Record<string, number>>, cursor?: number): TimelineRow[] {
  const months = Array.from({ length: width }, (_, x) => columnMonth(c, x, width));
  const cursorX = cursor === undefined ? -1 : yearToColumn(cursor, width, c.years.length);
  const cell = (x: number, ch: string, tone: Tone): Cell => (ch === TIMELINE_GLYPHS.off && x === cursorX ? { ch: TIMELINE_GLYPHS.cursor, tone: 'cursor' } : { ch, tone });
  const rows: TimelineRow[] = [];
  for (const lever of LEVER_ORDER) {
    const values = scheduleAtMedians(c.levers[lever], medians, c.months);
    const varies = values.some((v) => v !== values[0]);
    if (!varies && !ALWAYS.includes(lever)) continue;
    const spec = LEVERS[lever];
    const top = spec.unit === 'share' || spec.boolean ? spec.max : Math.max(...values, 1e-9);
    const cells = months.map((m, x) => {
      const v = values[m];
      if (spec.boolean) return v >= 0.5 ? cell(x, TIMELINE_GLYPHS.on, 'on') : cell(x, TIMELINE_GLYPHS.off, 'dim');
      if (v <= 0) return cell(x, TIMELINE_GLYPHS.off, 'dim');
      const k = Math.max(0, Math.min(LEVELS.length - 1, Math.round((v / top) * LEVELS.length) - 1));
      return cell(x, LEVELS[k], 'level');
    });
    rows.push({ label: LEVER_LABELS[lever], cells });
  }
  c.hosts.forEach((h, hi) => {
    const demand = scheduleAtMedians(h.demand, medians, c.months);
    const events = c.events.filter((e) => e.host === hi).sort((a, b) => a.month - b.month);
    // What is left of the programme after the events up to a month: a share of 1 ends it.
    const left = (m: number) => events.filter((e) => e.month <= m).reduce((r, e) => r * (1 - e.share), 1);
    const cells = months.map((m, x) => (demand[m] > 0 && left(m) > 0 ? cell(x, TIMELINE_GLYPHS.running, 'on') : cell(x, TIMELINE_GLYPHS.off, 'dim')));
    for (const e of events) {
      const f = (e.month + c.startMonth - 6) / 12;
      const x = yearToColumn(Math.max(0, Math.min(c.years.length - 1, f)), width, c.years.length);
      cells[x] = { ch: e.share >= 1 ? TIMELINE_GLYPHS.end : TIMELINE_GLYPHS.cut, tone: 'event' };
    }
    rows.push({ label: h.id, cells });
  });
  return rows;
}

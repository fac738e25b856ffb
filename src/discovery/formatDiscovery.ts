import type { ChosenBox } from './chooseBox.js';
import type { PrimInspection } from './inspectBox.js';
import type { PrimBox, PrimLimit, PrimResult, PrimStop } from './primBox.js';

/** Why peeling stopped, in words. */
export const STOP_TEXT: Record<PrimStop, string> = {
  'no-rows': 'the table has no runs',
  'no-cases': 'no run is a case of interest',
  'all-cases': 'every run is a case of interest',
  'no-peel': 'no dimension can be peeled',
  'no-gain': 'no peel raises the density',
  'mass-min': 'the next peel would leave less than the minimum mass',
};

/**
 * Prints a PRIM run as plain text: the settings, the peeling and pasting trajectory as a table (the chosen
 * box marked), then the chosen box's restrictions with the data's and the prior's range and quasi-p-values.
 */
export function formatDiscovery(result: PrimResult, chosen: ChosenBox, inspection: PrimInspection): string {
  const s = result.settings;
  const share = result.rows > 0 ? ` (${percent(result.cases / result.rows)})` : '';
  const lines = [
    `PRIM: ${result.rows} runs, ${result.cases} cases of interest${share}, ${result.dimensions.length} dimensions`,
    `peel alpha ${s.peelAlpha}, paste alpha ${s.pasteAlpha}, minimum mass ${s.massMin}; peeling stopped: ${STOP_TEXT[result.stop]}`,
  ];
  if (result.ignored.length > 0) lines.push(`left out: ${result.ignored.map((c) => `${c.name} (${c.reason})`).join(', ')}`);
  lines.push('', ...table(['step', 'phase', 'coverage', 'density', 'mass', 'restricted', ''], 'rlrrrrl', result.trajectory.map((b) => [
    String(b.step),
    b.phase,
    fixed(b.coverage),
    fixed(b.density),
    fixed(b.mass),
    String(b.restrictedDims),
    b === chosen.box ? '<- chosen' : '',
  ])));

  const b = chosen.box;
  lines.push(
    '',
    `chosen box: step ${b.step}, ${chosen.rule}`,
    `coverage ${fixed(b.coverage)}, density ${fixed(b.density)}, mass ${fixed(b.mass)}: ${b.count} of ${result.rows} runs, ${b.cases} cases of interest`,
  );
  if (s.threshold > 0 && !chosen.meetsThreshold) lines.push(`its density is below the threshold ${s.threshold}: no box found`);
  if (inspection.length === 0) {
    lines.push('it restricts no dimension: the whole space');
    return finish(lines);
  }
  const missing = new Map(result.dimensions.map((d) => [d.name, d.missing]));
  lines.push(
    '',
    ...table(
      ['dimension', 'box', 'data', 'prior', 'quasi-p'],
      'lllll',
      inspection.map((r) => [
        r.name,
        limitText(r.limit) + (!r.limit.admitsMissing && (missing.get(r.name) ?? 0) > 0 ? ' (missing out)' : ''),
        r.dataRange !== undefined ? range(r.dataRange, r.kind === 'integer') : r.dataLevels!.join(', '),
        r.prior !== undefined ? range(r.prior, false) : '-',
        r.qpLower !== null && r.qpUpper !== null ? `${pValue(r.qpLower)} / ${pValue(r.qpUpper)}` : pValue(r.qp),
      ]),
    ),
    '',
    'quasi-p: one-sided binomial test of the box\'s density against the box with that one restriction set back to the',
    'data\'s (for a range limited at both ends: lower limit / upper limit); below 0.05 the restriction earns its place.',
  );
  return finish(lines);
}

/** The plain JSON form of a PRIM run for `--format json`: settings, trajectory and the chosen box. */
export function discoveryJson(result: PrimResult, chosen: ChosenBox, inspection: PrimInspection): object {
  const limitJson = (l: PrimLimit) =>
    l.kind === 'category' ? { name: l.name, levels: l.levels, admitsMissing: l.admitsMissing } : { name: l.name, lo: l.lo, hi: l.hi, admitsMissing: l.admitsMissing };
  const stats = (b: PrimBox) => ({
    step: b.step,
    phase: b.phase,
    coverage: b.coverage,
    density: b.density,
    mass: b.mass,
    restrictedDims: b.restrictedDims,
    count: b.count,
    cases: b.cases,
  });
  const restricted = (b: PrimBox) => b.limits.filter((l) => b.restricted.includes(l.name)).map(limitJson);
  return {
    rows: result.rows,
    cases: result.cases,
    settings: result.settings,
    stop: result.stop,
    stopText: STOP_TEXT[result.stop],
    dimensions: result.dimensions,
    ignored: result.ignored,
    lastPeel: result.lastPeel,
    trajectory: result.trajectory.map((b) => ({ ...stats(b), limits: restricted(b) })),
    chosen: {
      ...stats(chosen.box),
      rule: chosen.rule,
      metCoverage: chosen.metCoverage,
      meetsThreshold: chosen.meetsThreshold,
      restrictions: inspection.map((r) => ({
        ...limitJson(r.limit),
        kind: r.kind,
        ...(r.dataRange !== undefined ? { dataRange: r.dataRange } : { dataLevels: r.dataLevels }),
        ...(r.prior !== undefined ? { prior: r.prior } : {}),
        qpLower: r.qpLower,
        qpUpper: r.qpUpper,
        qp: r.qp,
      })),
    },
  };
}

function finish(lines: readonly string[]): string {
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

// Columns padded to their widest cell, 'l' left-aligned and 'r' right-aligned, two spaces apart.
function table(head: readonly string[], align: string, rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)];
}

function fixed(x: number): string {
  return x.toFixed(3);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A limit's value: whole numbers as they are, others to four significant digits without an exponent below 1e21. */
function number(x: number, integer: boolean): string {
  if (integer || Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 1e4 ? String(Math.round(x)) : String(Number(x.toPrecision(4)));
}

function range([lo, hi]: readonly [number, number], integer: boolean): string {
  return `${number(lo, integer)} .. ${number(hi, integer)}`;
}

function limitText(l: PrimLimit): string {
  return l.kind === 'category' ? l.levels.join(', ') : range([l.lo, l.hi], l.kind === 'integer');
}

// Below the smallest double a tail rounds to 0; say so rather than print an impossible certainty.
function pValue(p: number): string {
  if (p === 0) return '<1e-300';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

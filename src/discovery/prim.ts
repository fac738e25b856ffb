import { pasteBox } from './pasteBox.js';
import { peelBox } from './peelBox.js';
import type { PrimBox, PrimDimension, PrimLimit, PrimPhase, PrimResult, PrimSettings, PrimStop } from './primBox.js';
import { primSpace, type PrimSpace } from './primSpace.js';
import type { PrimTable } from './primTable.js';
import { isRestricted, limitOf, wholeSpace, type WorkingBox } from './workingBox.js';

/** PRIM's tuning: the shares peeled and pasted per step, the smallest box, and the density a box should reach. */
export interface PrimOptions {
  /** Share of the box's runs peeled from one edge per step, in (0, 0.5); default 0.05. */
  readonly peelAlpha?: number;
  /** Share of the runs beyond a limit pasted back per step, in (0, 0.5); default 0.05. */
  readonly pasteAlpha?: number;
  /** Peeling stops before the box holds less than this share of all runs, in [0, 1]; default 0.05. */
  readonly massMin?: number;
  /** The density a chosen box must reach to count as found (`chooseBox` reports it), in [0, 1]; default 0. */
  readonly threshold?: number;
}

/** The settings used when none are given, as in the EMA Workbench. */
export const PRIM_DEFAULTS: PrimSettings = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, threshold: 0 };

/**
 * Runs the Patient Rule Induction Method (Friedman and Fisher 1999) once, as the EMA Workbench does for
 * scenario discovery: peel the whole space down to a dense box of cases of interest, then paste it back
 * out where that raises the density, and return the whole trajectory.
 *
 * Degenerate tables give a trajectory of the whole space alone, with `stop` saying why: no rows, no cases,
 * only cases, or nothing to peel. Throws a RangeError for options out of range or a malformed table.
 */
export function prim(table: PrimTable, options: PrimOptions = {}): PrimResult {
  const settings = primSettings(options);
  const space = primSpace(table);
  const box = wholeSpace(space);
  const trajectory: PrimBox[] = [];
  const record = (phase: PrimPhase, count: number, cases: number, changed: number) => {
    trajectory.push(snapshot(space, box, trajectory.at(-1), phase, count, cases, changed));
  };
  record('start', space.n, space.totalCases, -1);

  let stop: PrimStop;
  if (space.n === 0) stop = 'no-rows';
  else if (space.totalCases === 0) stop = 'no-cases';
  else if (space.totalCases === space.n) stop = 'all-cases';
  else {
    const peeled = peelBox(space, box, settings.peelAlpha, settings.massMin, (count, cases, j) => record('peel', count, cases, j));
    stop = peeled.stop;
    pasteBox(space, box, settings.pasteAlpha, peeled, (count, cases, j) => record('paste', count, cases, j));
  }
  const lastPeel = trajectory.reduce((last, b, i) => (b.phase === 'paste' ? last : i), 0);
  return {
    rows: space.n,
    cases: space.totalCases,
    settings,
    dimensions: space.dims.map(describe),
    ignored: space.ignored,
    trajectory,
    lastPeel,
    stop,
  };
}

function primSettings(options: PrimOptions): PrimSettings {
  const s = { ...PRIM_DEFAULTS, ...dropUndefined(options) };
  const check = (name: keyof PrimSettings, ok: boolean, range: string) => {
    if (!ok) throw new RangeError(`PRIM: ${name} must be in ${range}, not ${s[name]}`);
  };
  check('peelAlpha', s.peelAlpha > 0 && s.peelAlpha < 0.5, '(0, 0.5)');
  check('pasteAlpha', s.pasteAlpha > 0 && s.pasteAlpha < 0.5, '(0, 0.5)');
  check('massMin', s.massMin >= 0 && s.massMin <= 1, '[0, 1]');
  check('threshold', s.threshold >= 0 && s.threshold <= 1, '[0, 1]');
  return s;
}

function dropUndefined(o: PrimOptions): Partial<PrimSettings> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

// Limits of dimensions that did not change are shared with the box before: a trajectory of sixty steps over
// sixty dimensions holds about one new limit per step, not sixty.
function snapshot(
  space: PrimSpace,
  box: WorkingBox,
  before: PrimBox | undefined,
  phase: PrimPhase,
  count: number,
  cases: number,
  changed: number,
): PrimBox {
  const limits: PrimLimit[] = space.dims.map((d, j) => (before === undefined || j === changed ? limitOf(d, box, j) : before.limits[j]));
  const restricted = space.dims.filter((d, j) => isRestricted(d, box, j)).map((d) => d.name);
  return {
    step: before === undefined ? 0 : before.step + 1,
    phase,
    limits,
    restricted,
    restrictedDims: restricted.length,
    count,
    cases,
    coverage: space.totalCases > 0 ? cases / space.totalCases : 0,
    density: count > 0 ? cases / count : 0,
    mass: space.n > 0 ? count / space.n : 0,
  };
}

function describe(d: PrimSpace['dims'][number]): PrimDimension {
  const base = { name: d.name, kind: d.kind, missing: d.missingRows.length, ...(d.prior === undefined ? {} : { prior: d.prior }) };
  return d.present === null ? { ...base, range: [d.lo, d.hi] } : { ...base, levels: d.levels.filter((_, c) => d.present![c] === 1) };
}

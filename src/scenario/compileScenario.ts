import { modelLayout } from '../model/layout.js';
import {
  DRIVERS,
  HOST_DEFAULTS,
  HOST_FIELDS,
  LEVERS,
  MODEL_PARAMETERS,
  type Driver,
  type HostField,
  type InputSpec,
  type Lever,
} from '../model/spec.js';
import type { Distribution } from '../random/distribution.js';
import { chainIndex } from './chainIndex.js';
import { clipPoints } from './clipPoints.js';
import type { CompiledHost, CompiledParameter, CompiledSchedule, CompiledScenario, CompiledValue } from './compiled.js';
import type { Diagnostic, Result } from './diagnostic.js';
import { describeValue, pathText, shorten } from './describe.js';
import { compileExpression, reservedNameProblem } from './expression.js';
import { locateMerged, type MergedScenario } from './loadChain.js';
import { monthIndex, monthText } from './month.js';
import { nearest } from './nearest.js';
import type { Path } from './parseYaml.js';
import type { Schedule, Value } from './schema.js';
import { rangeProblem, rangeText } from './rangeProblem.js';
import { distributionProblems, support } from './support.js';
import { fillSchedule } from './fillSchedule.js';

/** Lever values used when a scenario (and what it extends) does not set a lever. */
export const LEVER_DEFAULTS: Readonly<Record<Lever, number | string>> = {
  paroleOpen: 0,
  travelPermissionCoverage: 0,
  domesticSalaryUSD: 30,
  reentryBanYears: 8,
  usPressure: 0,
  retentionCap: 1,
  minDoctorsPer1000AtHome: 0,
  hostPriceFactor: 1,
  // The programme's own terms default to the parameters of its 2006-2017 practice.
  paroleProcessingMonths: 'paroleDelayMonths',
  paroleApproval: 'paroleApprovalRate',
  paroleEligibility: 1,
};

/** The longest horizon a scenario may span, in months (100 years): every run keeps a value per metric and month. */
export const MAX_HORIZON_MONTHS = 1200;

/**
 * How many hosts, parameters and events a merged scenario may hold: each host adds a score of metrics to
 * every run, each parameter a draw. Cuba's missions reach about 60 countries; the baseline has 4 hosts, 41
 * parameters and 3 events.
 */
export const SCENARIO_LIMITS = { hosts: 100, parameters: 1_000, events: 1_000 } as const;

// The switch words of YAML 1.1, plain text in YAML 1.2.
const YAML11_SWITCH = /^(y|yes|n|no|on|off)$/i;

/** Driver values used when a scenario does not set a driver; drivers without a default are required. */
export const DRIVER_DEFAULTS: Readonly<Partial<Record<Driver, number>>> = { emigrationPressure: 1, oilPriceUSD: 0, healthSalesAtHomeUSD: 0 };

/**
 * Checks a merged scenario's meaning (horizon, required parameters, ranges, dates, expressions, hosts named
 * by events) and compiles it for the Monte Carlo; every problem is located in the file that wrote it.
 */
export function compileScenario(m: MergedScenario): Result<CompiledScenario> {
  const errors: Diagnostic[] = [];
  const fail = (path: Path, message: string, which: 'key' | 'value' = 'value') => errors.push({ ...locateMerged(m, path, which), message });
  const s = m.data;

  // Horizon.
  if (s.name === undefined) fail([], 'the scenario has no name; expected a line such as `name: my scenario`');
  if (s.start === undefined) fail([], 'the scenario has no start; expected `start: YYYY-MM`');
  if (s.end === undefined) fail([], 'the scenario has no end; expected `end: YYYY-MM`');
  if (s.start === undefined || s.end === undefined) return { ok: false, errors };
  const start = monthIndex(s.start);
  const end = monthIndex(s.end);
  if (end < start) {
    // Blame the bound that the nearer file of the chain wrote: that is the change that broke the horizon.
    if (chainIndex(m, ['start']) < chainIndex(m, ['end'])) {
      fail(['start'], `start (${s.start}) is after end (${s.end}), the end it inherits; expected start <= end, or an end of its own`);
    } else fail(['end'], `end (${s.end}) is before start (${s.start}); expected end >= start`);
    return { ok: false, errors };
  }
  const months = end - start + 1;
  if (months > MAX_HORIZON_MONTHS) {
    fail(['end'], `the horizon ${s.start} to ${s.end} is ${Math.ceil(months / 12)} years long; expected at most ${MAX_HORIZON_MONTHS / 12} years`);
    return { ok: false, errors };
  }

  const counted = (section: 'hosts' | 'parameters' | 'events', what: string): boolean => {
    const items = s[section] ?? {};
    const keys = Object.keys(items);
    if (keys.length <= SCENARIO_LIMITS[section]) return true;
    const first = Array.isArray(items) ? SCENARIO_LIMITS[section] : keys[SCENARIO_LIMITS[section]];
    fail([section, first], `the scenario has ${keys.length.toLocaleString('en-US')} ${what}; expected at most ${SCENARIO_LIMITS[section].toLocaleString('en-US')}`, 'key');
    return false;
  };
  if (![counted('hosts', 'hosts'), counted('parameters', 'parameters'), counted('events', 'events')].every(Boolean)) return { ok: false, errors };

  // A point or an event that a file farther up the chain wrote, outside a horizon that a nearer file moved,
  // is clipped (the child only shortened or moved the horizon); one the same file wrote is a mistake.
  const inherited = (path: Path, bound: 'start' | 'end') => chainIndex(m, path) > chainIndex(m, [bound]);
  // Inherited schedules that begin after a start a nearer file moved earlier, reported once at that start.
  const uncovered: { path: Path; date: string }[] = [];

  // Parameters (X).
  const params = s.parameters ?? {};
  const names = new Set(Object.keys(params));
  const parameters: CompiledParameter[] = [];
  for (const [name, p] of Object.entries(params)) {
    const reserved = reservedNameProblem(name);
    if (reserved) fail(['parameters', name], `parameters.${name}: ${reserved}; rename the parameter`, 'key');
    const { source, ...dist } = p;
    const problems = distributionProblems(dist as Distribution);
    for (const [field, message] of problems) fail(['parameters', name, field], `parameters.${name}: ${message}`);
    const spec = (MODEL_PARAMETERS as Record<string, InputSpec>)[name];
    if (spec && problems.length === 0) {
      const [lo, hi] = support(dist as Distribution);
      if (lo < spec.min || hi > spec.max) {
        const unbounded = !Number.isFinite(lo) || !Number.isFinite(hi);
        const hint = unbounded ? `; a ${p.dist} distribution has no bounds: add min and max` : '';
        // Point at the parameter's name: the whole distribution is at fault, not its first field.
        fail(['parameters', name], `parameters.${name} can draw ${lo} to ${hi} ${spec.unit}, outside its legal range ${rangeText(spec)} ${spec.unit}${hint}`, 'key');
      }
    }
    parameters.push({ name, dist: dist as Distribution, source, integer: spec?.integer === true });
  }
  for (const [name, spec] of Object.entries(MODEL_PARAMETERS) as [string, InputSpec][]) {
    if (names.has(name)) continue;
    // A parameter with a neutral default switches its mechanism off when a scenario leaves it out.
    if (spec.default !== undefined) parameters.push({ name, dist: { dist: 'fixed', value: spec.default }, source: `default: ${spec.default} (not declared)`, integer: false });
    else fail(['parameters'], `missing parameter '${name}' (${spec.unit}: ${spec.doc}); add it under parameters with a distribution and a source`, 'key');
  }

  const value = (v: Value | undefined, path: Path, spec: InputSpec): CompiledValue | undefined => {
    if (v === undefined) return undefined;
    const label = pathText(path);
    if (typeof v === 'boolean' || typeof v === 'number') {
      if (typeof v === 'boolean' && !spec.boolean) {
        fail(path, `${label} must be a number in ${spec.unit} (got ${v})`);
        return undefined;
      }
      const x = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      const problem = rangeProblem(x, spec);
      if (problem) {
        fail(path, `${label} ${problem}`);
        return undefined;
      }
      return { constant: x, evaluate: () => x, symbols: [], path, spec };
    }
    // YAML 1.2 reads yes, no, on and off as text, not as switches: say so rather than "unknown name 'yes'".
    if (spec.boolean && YAML11_SWITCH.test(v)) {
      fail(path, `${label} must be true or false (got '${v}', which YAML reads as text)`);
      return undefined;
    }
    const compiled = compileExpression(v, names);
    if (!compiled.ok) {
      const where = locateMerged(m, path);
      // A plain scalar starts at its first character: point at the offending part of the expression.
      const quoted = /^['"]/.test(lineAt(m, where) ?? '') ? 1 : 0;
      errors.push({ ...where, col: where.col + quoted + compiled.index, message: `${label}: ${compiled.message}` });
      return undefined;
    }
    return { constant: undefined, evaluate: compiled.evaluate, symbols: compiled.symbols, path, spec };
  };

  const schedule = (sch: Schedule | undefined, path: Path, spec: InputSpec, fallback: number | string | undefined): CompiledSchedule | undefined => {
    if (sch === undefined) {
      if (fallback === undefined) {
        fail(path.slice(0, -1), `missing ${pathText(path)} (${spec.unit}: ${spec.doc}); expected a value or a schedule`, 'key');
        return undefined;
      }
      sch = fallback;
    }
    let kind: 'step' | 'linear' = 'step';
    let entries: [string, Value][];
    let pointPath = path;
    if (typeof sch === 'object' && sch !== null) {
      if ('linear' in sch && typeof sch.linear === 'object') {
        if (spec.boolean) {
          fail([...path, 'linear'], `${pathText(path)} is a switch: it cannot change linearly; write a step schedule of YYYY-MM: true/false`, 'key');
          return undefined;
        }
        kind = 'linear';
        entries = Object.entries(sch.linear as Record<string, Value>);
        pointPath = [...path, 'linear'];
      } else entries = Object.entries(sch as Record<string, Value>);
      if (entries.length === 0) {
        fail(path, `${pathText(path)} has no points; expected at least one YYYY-MM: value`);
        return undefined;
      }
    } else entries = [[s.start as string, sch as Value]];
    const constantSchedule = typeof sch !== 'object';
    const points = entries
      .map(([date, v]) => ({ date, t: monthIndex(date) - start, v }))
      .sort((a, b) => a.t - b.t);
    let ok = true;
    if (!constantSchedule) {
      const at = (p: { date: string }): Path => [...pointPath, p.date];
      if (points[0].t > 0) {
        if (inherited(at(points[0]), 'start')) uncovered.push({ path, date: points[0].date });
        else fail(at(points[0]), `${pathText(path)} starts at ${points[0].date}, after the scenario start ${s.start}; add its value for ${s.start}`, 'key');
        ok = false;
      }
      for (const p of points) {
        if (p.t >= months) {
          if (inherited(at(p), 'end')) continue;
          fail([...pointPath, p.date], `${pathText(path)} has a point at ${p.date}, after the scenario end ${s.end}; expected dates up to ${s.end}`, 'key');
          ok = false;
        } else if (p.t < 0 && p !== points[0] && !inherited(at(p), 'start')) {
          fail([...pointPath, p.date], `${pathText(path)} has a point at ${p.date}, before the scenario start ${s.start}; only its first point may come before the start`, 'key');
          ok = false;
        }
      }
    }
    const compiledPoints = points.map((p) => ({ t: p.t, value: value(p.v, constantSchedule ? path : [...pointPath, p.date], spec) }));
    if (!ok || compiledPoints.some((p) => p.value === undefined)) return undefined;
    const kept = clipPoints(kind, compiledPoints as { t: number; value: CompiledValue }[], months);
    const out = { kind, points: kept, path, spec, constant: undefined as Float64Array | undefined };
    if (out.points.every((p) => p.value.constant !== undefined)) out.constant = fillSchedule(out, {}, months);
    return out;
  };

  const drivers = {} as Record<Driver, CompiledSchedule>;
  for (const [name, spec] of Object.entries(DRIVERS) as [Driver, InputSpec][]) {
    const c = schedule(s.drivers?.[name] as Schedule | undefined, ['drivers', name], spec, DRIVER_DEFAULTS[name]);
    if (c) drivers[name] = c;
  }
  const levers = {} as Record<Lever, CompiledSchedule>;
  for (const [name, spec] of Object.entries(LEVERS) as [Lever, InputSpec][]) {
    const c = schedule(s.levers?.[name] as Schedule | undefined, ['levers', name], spec, LEVER_DEFAULTS[name]);
    if (c) levers[name] = c;
  }

  // Hosts.
  const hosts: CompiledHost[] = [];
  const hostIds = Object.keys(s.hosts ?? {});
  for (const id of hostIds) {
    const h = (s.hosts ?? {})[id] as Record<string, unknown>;
    const base: Path = ['hosts', id];
    const field = (f: HostField): CompiledValue | undefined => {
      const v = (h[f] ?? HOST_DEFAULTS[f]) as Value | undefined;
      if (v === undefined) {
        fail(base, `hosts.${id} has no ${f} (${HOST_FIELDS[f].unit}: ${HOST_FIELDS[f].doc})`, 'key');
        return undefined;
      }
      if (h[f] === undefined && f === 'retention' && !names.has('retentionShare')) {
        fail(base, `hosts.${id} has no retention, and there is no parameter 'retentionShare' to default to; add either`, 'key');
        return undefined;
      }
      return value(v, [...base, f], HOST_FIELDS[f]);
    };
    const sched = (f: 'demand' | 'doctorShare' | 'paymentUSD' | 'oilBarrelsPerDay' | 'bookedPriceUSD' | 'defectionFactor') =>
      schedule(h[f] as Schedule | undefined, [...base, f], HOST_FIELDS[f], HOST_DEFAULTS[f] as number | undefined);
    if (h.oilBarrelsPerDay !== undefined && s.drivers?.oilPriceUSD === undefined) {
      fail([...base, 'oilBarrelsPerDay'], `hosts.${id} pays in oil (oilBarrelsPerDay) but the scenario has no drivers.oilPriceUSD; add the oil price in USD a barrel`, 'key');
    }
    const compiled = {
      id,
      label: typeof h.label === 'string' ? h.label : id,
      initialWorkers: field('initialWorkers'),
      retention: field('retention'),
      deploymentSpeed: field('deploymentSpeed'),
      stayShareOnEnd: field('stayShareOnEnd'),
      pressureHazard: field('pressureHazard'),
      pressureCutShare: field('pressureCutShare'),
      missionLengthYears: field('missionLengthYears'),
      renewalShare: field('renewalShare'),
      demand: sched('demand'),
      doctorShare: sched('doctorShare'),
      paymentUSD: sched('paymentUSD'),
      oilBarrelsPerDay: sched('oilBarrelsPerDay'),
      oilValueShare: field('oilValueShare'),
      defectionFactor: sched('defectionFactor'),
    };
    // Booked at what is received unless the scenario says otherwise: optional, with no default value.
    const booked = h.bookedPriceUSD === undefined ? undefined : sched('bookedPriceUSD');
    if (Object.values(compiled).every((v) => v !== undefined) && (h.bookedPriceUSD === undefined || booked !== undefined)) {
      hosts.push({ ...compiled, bookedPriceUSD: booked } as CompiledHost);
    }
  }

  if (uncovered.length > 0) {
    const from = uncovered.map((u) => u.date).reduce((a, b) => (b > a ? b : a));
    const names = uncovered.map((u) => pathText(u.path));
    const listed = names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
    const which = names.length === 1 ? 'that schedule' : 'each of those schedules';
    fail(
      ['start'],
      `start ${s.start} is before ${from}, the first month that ${listed} cover in the scenario it extends; expected start on or after ${from}, or a value at or before ${s.start} for ${which}`,
    );
  }

  // Events.
  const events: { month: number; host: number; share: number }[] = [];
  (s.events ?? []).forEach((e, i) => {
    // Name the event by its place in the file that wrote it, not in the merged list the user never sees.
    const label = `events[${m.eventOrigins[i]?.index ?? i}]`;
    const hostIndex = hostIds.indexOf(e.host);
    if (hostIndex < 0) {
      const guess = nearest(e.host, hostIds);
      fail(['events', i, 'host'], `${label}.host names an unknown host '${shorten(e.host)}'${guess ? `; did you mean '${guess}'?` : ''} (hosts: ${hostIds.join(', ') || 'none'})`);
    }
    const t = monthIndex(e.date) - start;
    const outside = t < 0 ? 'start' : t >= months ? 'end' : undefined;
    // An inherited event outside the moved horizon is dropped: it comes before the first simulated month
    // (the state at the new start is the child's to give) or after the last.
    const dropped = outside !== undefined && inherited(['events', i], outside);
    if (outside !== undefined && !dropped) fail(['events', i, 'date'], `${label}.date ${e.date} is outside the horizon ${s.start} to ${s.end}`);
    const share = e.share ?? 1;
    if (!(share >= 0 && share <= 1)) fail(['events', i, 'share'], `${label}.share must be between 0 and 1 (got ${describeValue(share)})`);
    if (!dropped) events.push({ month: t, host: hostIndex, share });
  });
  events.sort((a, b) => a.month - b.month);

  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  const firstYear = Math.floor(start / 12);
  const lastYear = Math.floor(end / 12);
  return {
    ok: true,
    value: {
      name: s.name as string,
      description: s.description ?? '',
      file: m.file,
      text: m.text,
      start: monthText(start),
      end: monthText(end),
      startMonth: start - firstYear * 12,
      months,
      years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i),
      layout: modelLayout(hosts.map((h) => h.id)),
      parameters,
      drivers,
      levers,
      hosts,
      events,
      merged: m,
    },
  };
}

function lineAt(m: MergedScenario, d: { file: string; line: number; col: number }): string | undefined {
  const src = m.sources.find((x) => x.file === d.file);
  return src?.text.split('\n')[d.line - 1]?.slice(d.col - 1);
}

function dedupe(errors: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.col}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

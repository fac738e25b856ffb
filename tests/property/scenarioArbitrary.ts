// fast-check arbitraries of valid scenarios, written as YAML text the way a user would write them, and the
// plumbing that compiles one and simulates a run of it directly through `simulateRun`.
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { RunInputs } from '../../src/model/inputs.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { MODEL_PARAMETERS, type ModelParameter } from '../../src/model/spec.js';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { streamFor } from '../../src/random/rng.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { resolveRun } from '../../src/scenario/resolveRun.js';

/** A generated scenario: its YAML text and the horizon it was built on. */
export interface GeneratedScenario {
  readonly yaml: string;
  readonly startMonth: number;
  readonly months: number;
}

type Value = number | boolean | string;
type Schedule = Value | Record<string, Value> | { linear: Record<string, Value> };

const monthText = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

// Keeps a computed value inside [lo, hi] whatever the rounding of lo + (hi - lo) * f.
const within = (lo: number, hi: number, f: number) => Math.min(hi, Math.max(lo, lo + (hi - lo) * f));

/** A fraction in [0, 1] with the ends, tiny values and round values all likely. */
const fraction = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((i) => i / 1_000_000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((i) => i / 1e8) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5, 1e-9, 1 - 1e-9) },
  // fast-check's doubles favour extremes: denormals, 1 - ulp and the like.
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
);

/** A number in [lo, hi], often an end or near the low end (where realistic rates live). */
const numberIn = (lo: number, hi: number) => fraction.map((f) => within(lo, hi, f));

/** An interval inside [lo, hi]. */
const intervalIn = (lo: number, hi: number) =>
  fc.tuple(numberIn(lo, hi), numberIn(lo, hi)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

/** A distribution of every kind whose support lies in [a, b]. */
function distributionIn(a: number, b: number, shareLike: boolean): fc.Arbitrary<Record<string, unknown>> {
  const point = fraction.map((f) => within(a, b, f));
  const kinds: fc.Arbitrary<Record<string, unknown>>[] = [
    point.map((value) => ({ dist: 'fixed', value })),
    fc.constant({ dist: 'uniform', min: a, max: b }),
    point.map((mode) => ({ dist: 'triangular', min: a, mode, max: b })),
    fc
      .tuple(point, fc.double({ min: 0.01, max: 3, noNaN: true }))
      .map(([mean, s]) => ({ dist: 'normal', mean, sd: Math.max((b - a) * s, 1e-6), min: a, max: b })),
    fc
      .tuple(point, fc.double({ min: 0.01, max: 2, noNaN: true }))
      .map(([median, sigma]) => ({ dist: 'lognormal', median: median > 0 ? median : 1e-3, sigma, min: a, max: b })),
    fc
      .tuple(fc.double({ min: 0.2, max: 10, noNaN: true }), fc.double({ min: 0.2, max: 10, noNaN: true }), fc.boolean())
      .map(([alpha, beta, bare]) => (shareLike && bare && a === 0 && b === 1 ? { dist: 'beta', alpha, beta } : { dist: 'beta', alpha, beta, min: a, max: b })),
    fc
      .tuple(point, fc.option(fc.double({ min: 0.5, max: 10, noNaN: true }), { nil: undefined }))
      .map(([mode, lambda]) => (lambda === undefined ? { dist: 'pert', min: a, mode, max: b } : { dist: 'pert', min: a, mode, max: b, lambda })),
    fc.array(point, { minLength: 1, maxLength: 5 }).chain((values) =>
      fc.oneof(
        fc.constant({ dist: 'discrete', values }),
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: values.length, maxLength: values.length })
          .map((w) => (w.some((x) => x > 0) ? w : w.map((_, i) => (i === 0 ? 1 : 0))))
          .map((weights) => ({ dist: 'discrete', values, weights })),
      ),
    ),
  ];
  return fc.oneof(...kinds);
}

// Practical ranges inside each parameter's legal range (some legal maxima, like 1e6 USD, only slow nothing down
// but make every run degenerate), with the legal ends kept where they are interesting.
const PARAMETER_RANGES: Record<ModelParameter, [number, number]> = {
  initialDomesticDoctors: [0, 200_000],
  missionLengthYears: [MODEL_PARAMETERS.missionLengthYears.min, 50],
  deploymentSpeed: [0, 1],
  defectionBaseRate: [0, 1],
  paroleDefectionMultiplier: [0, 100],
  paroleAwarenessYears: [MODEL_PARAMETERS.paroleAwarenessYears.min, 100],
  paroleApplyShare: [0, 1],
  paroleDelayMonths: [1, 120],
  paroleApprovalRate: [0, 1],
  payElasticity: [0, 10],
  takeHomeReferenceUSD: [1, 10_000],
  missionStipendUSD: [0, 2000],
  banDeterrence: [0, 10],
  retirementRate: [0, 1],
  emigrationBaseRate: [0, 1],
  permissionEmigrationFactor: [0, 1],
  salaryElasticity: [0, 10],
  salaryReferenceUSD: [1, 1000],
};

const parameterArb = (lo: number, hi: number, shareLike: boolean) =>
  intervalIn(lo, hi).chain(([a, b]) => distributionIn(a, b, shareLike)).map((d) => ({ ...d, source: 'property test' }));

const parametersArb = fc.record({
  ...Object.fromEntries(
    (Object.keys(PARAMETER_RANGES) as ModelParameter[]).map((k) => [k, parameterArb(PARAMETER_RANGES[k][0], PARAMETER_RANGES[k][1], PARAMETER_RANGES[k][1] === 1)]),
  ),
  // Helpers for expressions and the default host retention.
  helperShare: parameterArb(0, 1, true),
  retentionShare: parameterArb(0, 1, true),
});

/**
 * A schedule of values in [lo, hi] over a horizon of `months` months: a constant, an expression over the
 * helper share, or step or linear points at random months (the first at or before the start).
 */
function scheduleArb(
  start: number,
  months: number,
  lo: number,
  hi: number,
  opts: { boolean?: boolean; positive?: boolean; cents?: boolean } = {},
): fc.Arbitrary<Schedule> {
  // Money is whole cents: a payment of 1e-320 USD underflows to 0 once multiplied by a retention (see the report).
  const round = (x: number) => (opts.cents ? Math.round(x * 100) / 100 : x);
  const value: fc.Arbitrary<Value> = opts.boolean
    ? fc.oneof(fc.boolean(), fc.constantFrom(0, 1))
    : fc.oneof(
        { weight: 4, arbitrary: numberIn(lo, hi).map((x) => round(opts.positive && x === 0 ? hi : x)) },
        // hi * helperShare (+ 1 where the value must stay positive) stays in range for every draw.
        { weight: 1, arbitrary: fc.constant(opts.positive ? `${hi - 1} * helperShare + 1` : lo === 0 ? `${hi} * helperShare` : `${lo}`) },
      );
  const points = fc
    .tuple(
      value,
      fc.constantFrom(0, 0, 0, -1, -30),
      fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, months - 1) }), { maxLength: Math.min(5, months - 1) }),
      fc.array(value, { minLength: 5, maxLength: 5 }),
    )
    .map(([first, firstOffset, offsets, values]) => {
      const out: Record<string, Value> = { [monthText(start + firstOffset)]: first };
      offsets.forEach((o, i) => {
        out[monthText(start + o)] = values[i];
      });
      return out;
    });
  // A switch only steps; other schedules may also be linear.
  if (opts.boolean) return fc.oneof(value, points);
  return fc.oneof({ weight: 2, arbitrary: value }, { weight: 2, arbitrary: points }, { weight: 1, arbitrary: points.map((linear) => ({ linear })) });
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

function hostArb(start: number, months: number): fc.Arbitrary<Record<string, unknown>> {
  const share = fc.oneof(fraction, fc.constant('helperShare'));
  return fc
    .record({
      initialWorkers: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
      demand: scheduleArb(start, months, 0, 30_000),
      doctorShare: share,
      paymentUSD: fc.oneof(fc.constant(0), scheduleArb(start, months, 0, 20_000, { cents: true })),
      retention: maybe(share),
      defectionFactor: maybe(scheduleArb(start, months, 0, 5)),
      stayShareOnEnd: maybe(share),
      pressureHazard: maybe(share),
      pressureCutShare: maybe(share),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)));
}

/** A horizon: one month, a December start (a first year of one month) or anything up to 20 years. */
export const horizonArb = fc.oneof(
  fc.record({ start: fc.integer({ min: 1990 * 12, max: 2050 * 12 + 11 }), months: fc.constant(1) }),
  fc.record({ start: fc.integer({ min: 1990, max: 2050 }).map((y) => y * 12 + 11), months: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ start: fc.integer({ min: 1990 * 12, max: 2050 * 12 + 11 }), months: fc.integer({ min: 1, max: 240 }) }),
);

/** Choices a property may force on the generated scenarios. */
export interface ScenarioOptions {
  /** Write `paroleOpen: false` for the whole horizon (or leave it to its default, also closed). */
  readonly paroleClosed?: boolean;
}

/** A valid scenario over the given horizons: random parameters, drivers, levers, 0-4 hosts and cut events. */
export function scenarioArb(horizon: fc.Arbitrary<{ start: number; months: number }> = horizonArb, options: ScenarioOptions = {}): fc.Arbitrary<GeneratedScenario> {
  return horizon.chain(({ start, months }) =>
    fc
      .record({
        parameters: parametersArb,
        population: scheduleArb(start, months, 1, 2e7, { positive: true }),
        graduatesPerYear: fc.oneof(fc.constant(0), scheduleArb(start, months, 0, 10_000)),
        emigrationPressure: maybe(scheduleArb(start, months, 0, 50)),
        paroleOpen: options.paroleClosed
          ? fc.constantFrom(undefined, false, 0, { [monthText(start)]: false })
          : fc.oneof(fc.constant(undefined), fc.constant(false), scheduleArb(start, months, 0, 1, { boolean: true })),
        travelPermissionCoverage: maybe(scheduleArb(start, months, 0, 1)),
        domesticSalaryUSD: maybe(scheduleArb(start, months, 0, 500)),
        reentryBanYears: maybe(scheduleArb(start, months, 0, 30)),
        usPressure: maybe(scheduleArb(start, months, 0, 5)),
        retentionCap: maybe(scheduleArb(start, months, 0, 1)),
        minDoctorsPer1000AtHome: maybe(scheduleArb(start, months, 0, 10)),
        hosts: fc.array(hostArb(start, months), { maxLength: 4 }),
        eventSeeds: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: months - 1 }), fc.option(fraction, { nil: undefined })), { maxLength: 4 }),
      })
      .map((g) => {
        const hosts = Object.fromEntries(g.hosts.map((h, i) => [`h${i}`, h]));
        const events =
          g.hosts.length === 0
            ? []
            : g.eventSeeds.map(([h, t, share]) => ({ date: monthText(start + t), host: `h${h % g.hosts.length}`, ...(share === undefined ? {} : { share }) }));
        const levers = Object.fromEntries(
          (['paroleOpen', 'travelPermissionCoverage', 'domesticSalaryUSD', 'reentryBanYears', 'usPressure', 'retentionCap', 'minDoctorsPer1000AtHome'] as const)
            .map((k) => [k, g[k]])
            .filter(([, v]) => v !== undefined),
        );
        const scenario = {
          name: 'property',
          start: monthText(start),
          end: monthText(start + months - 1),
          parameters: g.parameters,
          drivers: {
            population: g.population,
            graduatesPerYear: g.graduatesPerYear,
            ...(g.emigrationPressure === undefined ? {} : { emigrationPressure: g.emigrationPressure }),
          },
          levers,
          hosts,
          events,
        };
        return { yaml: stringify(scenario), startMonth: start % 12, months };
      }),
  );
}

/** Compiles a generated scenario, failing loudly (with the text) if the compiler rejects it. */
export function compile(g: GeneratedScenario): CompiledScenario {
  const r = parseScenario(g.yaml, 'property.yaml');
  if (!r.ok) throw new Error(`a generated scenario was rejected:\n${r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n')}\n---\n${g.yaml}`);
  return r.value;
}

/** One run of a compiled scenario, straight through `simulateRun` with the run's own streams. */
export function simulate(c: CompiledScenario, seed: number, run: number): { inputs: RunInputs; out: Float64Array } {
  const inputs = resolveRun(c, drawParameters(c.parameters, seed, run));
  const out = simulateRun(inputs, c.layout, c.years.length, (component) => streamFor(seed, run, component));
  return { inputs, out };
}

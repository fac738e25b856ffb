// One run of a scenario and the invariants it must satisfy: the kit's report invariants (the run written as a
// report of one run, with everything its inputs fix), plus what only a single run can show.
import type { RunInputs } from '../../src/model/inputs.js';
import type { ModelLayout } from '../../src/model/layout.js';
import { simulateRun } from '../../src/model/simulateRun.js';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { summarizeRuns } from '../../src/montecarlo/summarizeRuns.js';
import { streamFor } from '../../src/random/rng.js';
import { runReport } from '../../src/report/runReport.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { resolveRun } from '../../src/scenario/resolveRun.js';
import { monthsOfYear, retentionRange, type KnownFacts } from '../../src/testing/knownFacts.js';
import { reportViolations } from '../../src/testing/reportViolations.js';

/** A broken invariant of one run: the kit's, or `wholeNumbers` and `inputs`, which only a run can show. */
export interface RunViolation {
  readonly invariant: string;
  readonly metric: string;
  readonly year: number | null;
  readonly message: string;
}

/** One run of a compiled scenario, straight through `simulateRun` with the run's own streams. */
export function runOnce(c: CompiledScenario, seed: number, run: number): { inputs: RunInputs; out: Float64Array } {
  const inputs = resolveRun(c, drawParameters(c.parameters, seed, run));
  const out = simulateRun(inputs, c.layout, c.years.length, (component) => streamFor(seed, run, component));
  return { inputs, out };
}

/** Reads one metric of one year (an index) from a run's output. */
export type Reader = (metric: string, year: number) => number;

/** Returns a reader of a run's output laid out `[metric * years + year]`. */
export function reader(layout: ModelLayout, years: number, out: Float64Array): Reader {
  return (metric, year) => {
    const row = layout.index[metric];
    if (row === undefined) throw new Error(`no metric ${metric}`);
    return out[row * years + year];
  };
}

/** The value of every stock before the first month: the inputs' doctors at home and host workers, nobody else. */
export function initialStocks(inputs: RunInputs): Record<string, number> {
  const s: Record<string, number> = { domesticDoctors: inputs.initialDomesticDoctors, paroleApplicants: 0, paroleAdmitted: 0, stayedAbroad: 0, emigrated: 0, retired: 0 };
  for (const h of inputs.hosts) {
    const docs = Math.round(h.initialWorkers * h.doctorShare[0]);
    s[`doctorsAbroad.${h.id}`] = docs;
    s[`otherWorkersAbroad.${h.id}`] = h.initialWorkers - docs;
  }
  return s;
}

/** Number of calendar years a run of these inputs reports. */
export const yearsOf = (inputs: RunInputs) => Math.floor((inputs.startMonth + inputs.months - 1) / 12) + 1;

/** What a run's inputs fix: every initial stock, and each year's exact range of min(retention, cap) over paying hosts. */
function factsOfRun(inputs: RunInputs): KnownFacts {
  const hosts = inputs.hosts.map((h) => ({ retention: h.retention, paid: (t: number) => h.paymentUSD[t] > 0 || h.oilBarrelsPerDay[t] > 0 }));
  return {
    initial: initialStocks(inputs),
    retention: (y) => retentionRange(monthsOfYear(inputs.startMonth, inputs.months, y), hosts, (t) => inputs.retentionCap[t]),
  };
}

/** Checks every invariant of one run (of `c` or a prefix of it) against its inputs; returns what is violated. */
export function runViolations(c: CompiledScenario, inputs: RunInputs, out: Float64Array): RunViolation[] {
  const years = yearsOf(inputs);
  const metrics = c.layout.metrics.length;
  if (out.length !== metrics * years) return [{ invariant: 'shape', metric: 'output', year: null, message: `${out.length} values for ${metrics} metrics x ${years} years` }];
  const asReport = runReport({ ...c, years: c.years.slice(0, years) }, 0, 1, summarizeRuns(out, 1, metrics, years));
  const errors: RunViolation[] = [...reportViolations(asReport, factsOfRun(inputs))];
  const get = reader(c.layout, years, out);
  const fail = (invariant: string, metric: string, y: number, message: string) => errors.push({ invariant, metric, year: c.years[y], message });

  for (let y = 0; y < years; y++) {
    // People move whole: every stock and flow is a whole number.
    for (const m of c.layout.metrics) {
      const v = get(m.name, y);
      if (m.kind !== 'derived' && !(Number.isInteger(v) && v >= 0)) fail('wholeNumbers', m.name, y, `${v}, not a whole number >= 0`);
    }
    // Derived values follow the inputs of the run.
    const ts = monthsOfYear(inputs.startMonth, inputs.months, y);
    const last = ts[ts.length - 1];
    const openMonths = ts.filter((t) => inputs.paroleOpen[t] >= 0.5).length;
    if (get('paroleOpenMonths', y) !== openMonths) fail('inputs', 'paroleOpenMonths', y, `${get('paroleOpenMonths', y)}, the lever is open ${openMonths} months`);
    if (get('population', y) !== inputs.population[last]) fail('inputs', 'population', y, `not the population of the year's last month`);
    const ppd = get('patientsPerDoctor', y);
    if (!(ppd > 0) || ppd !== inputs.population[last] / Math.max(get('domesticDoctors', y), 1)) fail('inputs', 'patientsPerDoctor', y, `${ppd}, not population / doctors at home (at least 1)`);
  }
  return errors;
}

/** The inputs of the first `months` months of a run: its schedules and events cut at that month. */
export function prefixInputs(inputs: RunInputs, months: number): RunInputs {
  const cut = (a: Float64Array) => a.slice(0, months);
  return {
    ...inputs,
    months,
    population: cut(inputs.population),
    graduatesPerYear: cut(inputs.graduatesPerYear),
    emigrationPressure: cut(inputs.emigrationPressure),
    paroleOpen: cut(inputs.paroleOpen),
    travelPermissionCoverage: cut(inputs.travelPermissionCoverage),
    domesticSalaryUSD: cut(inputs.domesticSalaryUSD),
    reentryBanYears: cut(inputs.reentryBanYears),
    usPressure: cut(inputs.usPressure),
    retentionCap: cut(inputs.retentionCap),
    minDoctorsPer1000AtHome: cut(inputs.minDoctorsPer1000AtHome),
    hosts: inputs.hosts.map((h) => ({ ...h, demand: cut(h.demand), paymentUSD: cut(h.paymentUSD), oilBarrelsPerDay: cut(h.oilBarrelsPerDay), bookedPriceUSD: h.bookedPriceUSD === undefined ? undefined : cut(h.bookedPriceUSD), defectionFactor: cut(h.defectionFactor) })),
    events: inputs.events.filter((e) => e.month < months),
  };
}

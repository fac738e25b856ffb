// The invariants every run of the model must satisfy, checked on its yearly output against its inputs.
import type { RunInputs } from '../../src/model/inputs.js';
import type { ModelLayout } from '../../src/model/layout.js';

/** Reads one metric of one year from a run's output. */
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
  const s: Record<string, number> = {
    domesticDoctors: inputs.initialDomesticDoctors,
    paroleApplicants: 0,
    paroleAdmitted: 0,
    stayedAbroad: 0,
    emigrated: 0,
    retired: 0,
  };
  for (const h of inputs.hosts) {
    const docs = Math.round(h.initialWorkers * h.doctorShare);
    s[`doctorsAbroad.${h.id}`] = docs;
    s[`otherWorkersAbroad.${h.id}`] = h.initialWorkers - docs;
  }
  return s;
}

/** Number of calendar years a run of these inputs reports. */
export const yearsOf = (inputs: RunInputs) => Math.floor((inputs.startMonth + inputs.months - 1) / 12) + 1;

/** The months (indices from the start) that fall in reported year y. */
export function monthsOfYear(inputs: RunInputs, y: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < inputs.months; t++) if (Math.floor((inputs.startMonth + t) / 12) === y) out.push(t);
  return out;
}

/**
 * For each stock and year: the change over the year minus (inflows - outflows), from `layout.flows`. All zero
 * when people are conserved; year 0 starts from `initial`.
 */
export function conservationErrors(layout: ModelLayout, years: number, get: Reader, initial: Record<string, number>): string[] {
  const errors: string[] = [];
  for (const s of layout.stocks) {
    let previous = initial[s];
    if (previous === undefined) errors.push(`no initial value for stock ${s}`);
    for (let y = 0; y < years; y++) {
      let net = 0;
      for (const f of layout.flows) {
        if (f.to === s) net += get(f.name, y);
        if (f.from === s) net -= get(f.name, y);
      }
      const now = get(s, y);
      if (now - previous !== net) errors.push(`${s} year ${y}: ${previous} -> ${now} (change ${now - previous}) but inflows - outflows = ${net}`);
      previous = now;
    }
  }
  return errors;
}

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

/** Checks every invariant of one run against its inputs; returns what is violated (empty when all hold). */
export function runViolations(inputs: RunInputs, layout: ModelLayout, out: Float64Array): string[] {
  const years = yearsOf(inputs);
  const get = reader(layout, years, out);
  const errors: string[] = [];
  const fail = (message: string) => errors.push(message);
  if (out.length !== layout.metrics.length * years) fail(`output has ${out.length} values for ${layout.metrics.length} metrics x ${years} years`);

  // Stocks and flows are whole, non-negative numbers; everything else is finite except the two ratios.
  for (const m of layout.metrics) {
    for (let y = 0; y < years; y++) {
      const v = get(m.name, y);
      if (m.kind !== 'derived' && !(Number.isInteger(v) && v >= 0)) fail(`${m.kind} ${m.name} year ${y} = ${v}, not a whole number >= 0`);
      if (m.name !== 'retentionShare' && m.name !== 'workerPayPerMonthUSD' && !Number.isFinite(v)) fail(`${m.name} year ${y} = ${v}, not finite`);
    }
  }

  errors.push(...conservationErrors(layout, years, get, initialStocks(inputs)));

  const ids = inputs.hosts.map((h) => h.id);
  const sum = (f: (id: string) => number) => ids.reduce((acc, id) => acc + f(id), 0);
  const paroleNever = inputs.paroleOpen.every((x) => x < 0.5);
  let cumDefections = 0;
  let cumApprovals = 0;
  for (let y = 0; y < years; y++) {
    const ts = monthsOfYear(inputs, y);
    const last = ts[ts.length - 1];
    const g = (m: string) => get(m, y);
    const at = (m: string) => `${m} year ${y}`;

    // Derived people counts agree with the stocks and flows they sum.
    const docs = sum((id) => g(`doctorsAbroad.${id}`));
    const others = sum((id) => g(`otherWorkersAbroad.${id}`));
    if (g('doctorsAbroad') !== docs) fail(`${at('doctorsAbroad')} = ${g('doctorsAbroad')}, hosts sum to ${docs}`);
    if (g('otherWorkersAbroad') !== others) fail(`${at('otherWorkersAbroad')} = ${g('otherWorkersAbroad')}, hosts sum to ${others}`);
    if (g('healthWorkersAbroad') !== docs + others) fail(`${at('healthWorkersAbroad')} is not doctors + others abroad`);
    for (const id of ids) {
      if (g(`healthWorkersAbroad.${id}`) !== g(`doctorsAbroad.${id}`) + g(`otherWorkersAbroad.${id}`)) fail(`${at(`healthWorkersAbroad.${id}`)} is not its doctors + others`);
    }
    if (g('totalDoctors') !== g('domesticDoctors') + docs) fail(`${at('totalDoctors')} is not doctors at home + abroad`);
    const defections = sum((id) => g(`paroleDefectDoctors.${id}`) + g(`paroleDefectOthers.${id}`) + g(`stayDefectDoctors.${id}`) + g(`stayDefectOthers.${id}`));
    const doctorDefections = sum((id) => g(`paroleDefectDoctors.${id}`) + g(`stayDefectDoctors.${id}`));
    if (g('defections') !== defections) fail(`${at('defections')} = ${g('defections')}, defection flows sum to ${defections}`);
    if (g('doctorDefections') !== doctorDefections) fail(`${at('doctorDefections')} = ${g('doctorDefections')}, doctor defection flows sum to ${doctorDefections}`);
    cumDefections += defections;
    cumApprovals += g('paroleApprovals');
    if (g('cumulativeDefections') !== cumDefections) fail(`${at('cumulativeDefections')} = ${g('cumulativeDefections')}, yearly defections sum to ${cumDefections}`);
    if (g('cumulativeParoleApprovals') !== cumApprovals) fail(`${at('cumulativeParoleApprovals')} is not the sum of approvals`);
    if (g('paroleAdmitted') !== cumApprovals) fail(`${at('paroleAdmitted')} is not the sum of approvals`);
    const openMonths = ts.filter((t) => inputs.paroleOpen[t] >= 0.5).length;
    if (g('paroleOpenMonths') !== openMonths) fail(`${at('paroleOpenMonths')} = ${g('paroleOpenMonths')}, the lever is open ${openMonths} months`);
    if (g('population') !== inputs.population[last]) fail(`${at('population')} is not the population of the year's last month`);
    const ppd = g('patientsPerDoctor');
    if (!(Number.isFinite(ppd) && ppd > 0)) fail(`${at('patientsPerDoctor')} = ${ppd}, not finite and positive`);
    if (ppd !== inputs.population[last] / Math.max(g('domesticDoctors'), 1)) fail(`${at('patientsPerDoctor')} is not population / doctors at home`);

    // Money: revenue and pay split the payments, and the state keeps no more than it is paid.
    const pay = g('hostPaymentsUSD');
    const rev = g('stateRevenueUSD');
    const wage = g('workerPayUSD');
    if (!(pay >= 0 && rev >= 0 && wage >= 0)) fail(`${at('money')}: payments ${pay}, revenue ${rev}, worker pay ${wage} not all >= 0`);
    if (!(rev <= pay)) fail(`${at('stateRevenueUSD')} = ${rev} exceeds payments ${pay}`);
    if (!close(rev + wage, pay, 1e-9)) fail(`${at('money')}: revenue ${rev} + worker pay ${wage} != payments ${pay}`);
    const share = g('retentionShare');
    if (pay === 0) {
      if (!Number.isNaN(share)) fail(`${at('retentionShare')} = ${share} in a year without payments`);
      if (!Number.isNaN(g('workerPayPerMonthUSD'))) fail(`${at('workerPayPerMonthUSD')} is not NaN in a year without payments`);
    } else {
      // Revenue / payments is an average of min(retention, cap) over the paying hosts and months, weighted by payment.
      let lo = Infinity;
      let hi = -Infinity;
      for (const t of ts) {
        for (const h of inputs.hosts) {
          if (!(h.paymentUSD[t] > 0)) continue;
          const r = Math.min(h.retention, inputs.retentionCap[t]);
          lo = Math.min(lo, r);
          hi = Math.max(hi, r);
        }
      }
      if (!(share >= lo - 1e-12 * lo && share <= hi + 1e-12 * hi)) fail(`${at('retentionShare')} = ${share}, outside [${lo}, ${hi}] of min(retention, cap) over paying hosts and months`);
      const perMonth = g('workerPayPerMonthUSD');
      if (!(Number.isFinite(perMonth) && perMonth >= 0)) fail(`${at('workerPayPerMonthUSD')} = ${perMonth} in a year with payments`);
    }

    // With parole closed throughout, nobody applies, waits or is admitted.
    if (paroleNever) {
      const parole = ['paroleApplicants', 'paroleAdmitted', 'paroleApprovals', 'paroleDenials', 'cumulativeParoleApprovals', ...ids.flatMap((id) => [`paroleDefectDoctors.${id}`, `paroleDefectOthers.${id}`])];
      for (const m of parole) if (g(m) !== 0) fail(`${at(m)} = ${g(m)} with parole closed for the whole horizon`);
    }
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
    hosts: inputs.hosts.map((h) => ({ ...h, demand: cut(h.demand), paymentUSD: cut(h.paymentUSD), defectionFactor: cut(h.defectionFactor) })),
    events: inputs.events.filter((e) => e.month < months),
  };
}

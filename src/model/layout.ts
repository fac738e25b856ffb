/** Whether a metric is a stock (value on 31 December), a flow (total over the calendar year) or derived from them. */
export type MetricKind = 'stock' | 'flow' | 'derived';

/** One reported metric of the model. */
export interface MetricDef {
  readonly name: string;
  readonly unit: string;
  readonly kind: MetricKind;
  readonly doc: string;
  /**
   * Whether the metric is a value at a moment (a stock, a sum of stocks, a running total or a ratio of
   * them), which a run can report at the end of any month (`MonthProbes`), not only on 31 December.
   */
  readonly moment: boolean;
  /**
   * For a total over each year that the model also keeps counting since the start: that running total, so a
   * period other than calendar years (a US fiscal year) reads the flow as the difference of two month ends.
   */
  readonly runningTotal?: string;
}

/** One flow of people between two stocks; `null` is outside the model. */
export interface FlowDef {
  readonly name: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The stocks, flows and metrics of the model for a given list of hosts, with each metric's row index. */
export interface ModelLayout {
  readonly hostIds: readonly string[];
  readonly stocks: readonly string[];
  readonly flows: readonly FlowDef[];
  readonly metrics: readonly MetricDef[];
  readonly index: Readonly<Record<string, number>>;
}

const HOST_STOCKS = [
  ['doctorsAbroad', 'doctors', 'doctors serving at the host'],
  ['otherWorkersAbroad', 'health workers', 'nurses, dentists and technicians serving at the host'],
] as const;

/**
 * The metrics every host has, in the order the monthly loop keeps them per host (`hostRows`): its two stocks
 * and their sum first, then its flows, which add up over a year and are written at the year's end.
 */
export const HOST_METRICS = [
  'doctorsAbroad',
  'otherWorkersAbroad',
  'healthWorkersAbroad',
  'deployDoctors',
  'deployOthers',
  'returnDoctors',
  'returnOthers',
  'paroleDefectDoctors',
  'paroleDefectOthers',
  'stayDefectDoctors',
  'stayDefectOthers',
  'defections',
] as const;

/** The position of each host metric in `HOST_METRICS`. */
export const HOST_ROW = Object.fromEntries(HOST_METRICS.map((m, i) => [m, i])) as { readonly [M in (typeof HOST_METRICS)[number]]: number };

/** The first host metric that is a flow: from here on, a host's rows add up over the year. */
export const FIRST_HOST_FLOW = HOST_ROW.deployDoctors;

/** The output rows (`index × years`) of each host's metrics, `HOST_METRICS.length` per host, host after host. */
export function hostRows(layout: ModelLayout, years: number): Int32Array {
  const rows = new Int32Array(HOST_METRICS.length * layout.hostIds.length);
  layout.hostIds.forEach((h, i) => {
    HOST_METRICS.forEach((m, k) => {
      const index = layout.index[`${m}.${h}`];
      // modelLayout names the same metrics: a name it lacks would silently write every value to row 0.
      if (index === undefined) throw new RangeError(`the layout has no metric ${m}.${h}`);
      rows[HOST_METRICS.length * i + k] = index * years;
    });
  });
  return rows;
}

/** Builds the model's layout: its stocks, its flows with their ends, and every metric it reports. */
export function modelLayout(hostIds: readonly string[]): ModelLayout {
  const metrics: MetricDef[] = [];
  const flows: FlowDef[] = [];
  const stock = (name: string, unit: string, doc: string) => metrics.push({ name, unit, kind: 'stock', doc, moment: true });
  const flow = (name: string, from: string | null, to: string | null, unit: string, doc: string, runningTotal?: string) => {
    flows.push({ name, from, to });
    metrics.push({ name, unit, kind: 'flow', doc, moment: false, ...(runningTotal && { runningTotal }) });
  };
  const derived = (name: string, unit: string, doc: string, moment = false, runningTotal?: string) => metrics.push({ name, unit, kind: 'derived', doc, moment, ...(runningTotal && { runningTotal }) });

  stock('domesticDoctors', 'doctors', 'doctors working in Cuba');
  for (const h of hostIds) for (const [name, unit, doc] of HOST_STOCKS) stock(`${name}.${h}`, unit, `${doc} (${h})`);
  stock('paroleApplicants', 'persons', 'defectors waiting for a US parole decision');
  stock('paroleAdmitted', 'persons', 'admitted to the US under parole since the start');
  stock('stayedAbroad', 'persons', 'defectors who stayed in a host or third country, or were refused parole');
  stock('emigrated', 'doctors', 'doctors who emigrated from Cuba since the start');
  stock('retired', 'doctors', 'doctors at home who retired since the start');

  flow('graduation', null, 'domesticDoctors', 'doctors/year', 'new doctors starting work at home');
  flow('retirement', 'domesticDoctors', 'retired', 'doctors/year', 'doctors at home retiring');
  flow('domesticEmigration', 'domesticDoctors', 'emigrated', 'doctors/year', 'doctors emigrating from home');
  for (const h of hostIds) {
    const docs = `doctorsAbroad.${h}`;
    const others = `otherWorkersAbroad.${h}`;
    flow(`deployDoctors.${h}`, 'domesticDoctors', docs, 'doctors/year', `doctors sent to ${h}`);
    flow(`deployOthers.${h}`, null, others, 'health workers/year', `other health workers sent to ${h}`);
    flow(`returnDoctors.${h}`, docs, 'domesticDoctors', 'doctors/year', `doctors back home from ${h} (mission ends or programme cut)`);
    flow(`returnOthers.${h}`, others, null, 'health workers/year', `other health workers back home from ${h}`);
    flow(`paroleDefectDoctors.${h}`, docs, 'paroleApplicants', 'doctors/year', `doctors leaving the mission in ${h} to apply for parole`);
    flow(`paroleDefectOthers.${h}`, others, 'paroleApplicants', 'health workers/year', `other health workers leaving the mission in ${h} to apply for parole`);
    flow(`stayDefectDoctors.${h}`, docs, 'stayedAbroad', 'doctors/year', `doctors leaving the mission in ${h} to stay abroad`);
    flow(`stayDefectOthers.${h}`, others, 'stayedAbroad', 'health workers/year', `other health workers leaving the mission in ${h} to stay abroad`);
  }
  flow('paroleApprovals', 'paroleApplicants', 'paroleAdmitted', 'persons/year', 'parole applications approved', 'cumulativeParoleApprovals');
  flow('paroleDenials', 'paroleApplicants', 'stayedAbroad', 'persons/year', 'parole applications refused');
  flow('defectorReturns', 'stayedAbroad', 'domesticDoctors', 'doctors/year', 'doctors who defected coming back to work in Cuba after their re-entry ban');

  derived('doctorsAbroad', 'doctors', 'doctors serving abroad, all hosts', true);
  derived('otherWorkersAbroad', 'health workers', 'other health workers serving abroad, all hosts', true);
  derived('healthWorkersAbroad', 'health workers', 'all health workers serving abroad', true);
  for (const h of hostIds) derived(`healthWorkersAbroad.${h}`, 'health workers', `health workers serving at ${h}`, true);
  derived('totalDoctors', 'doctors', 'doctors at home plus abroad (what ONEI counts)', true);
  derived('population', 'persons', 'population of Cuba (on 31 December, or at the end of the month read)', true);
  derived('patientsPerDoctor', 'persons/doctor', 'population per doctor working at home', true);
  derived('defections', 'persons/year', 'health workers leaving a mission without returning, all hosts', false, 'cumulativeDefections');
  for (const h of hostIds) derived(`defections.${h}`, 'persons/year', `health workers leaving the mission in ${h} without returning`);
  derived('doctorDefections', 'doctors/year', 'doctors leaving a mission without returning, all hosts');
  derived('cumulativeDefections', 'persons', 'defections since the start of the horizon', true);
  derived('cumulativeParoleApprovals', 'persons', 'parole approvals since the start of the horizon', true);
  derived('cumulativeParoleApplications', 'persons', 'parole applications filed since the start of the horizon', true);
  derived('hostPaymentsUSD', 'USD/year', 'received: cash and in-kind value (oil) hosts deliver for the health workers they receive');
  derived('stateRevenueUSD', 'USD/year', 'received: part of host payments the Cuban state keeps');
  derived('workerPayUSD', 'USD/year', 'part of host payments that reaches the workers');
  derived('retentionShare', 'share', 'received: state revenue / host payments (null in a year with no payments)');
  derived('reportedHealthExportsUSD', 'USD/year', 'booked: health services Cuba reports as exports (worker-months at booked prices, plus services sold at home)');
  derived('bookedStateRevenueUSD', 'USD/year', 'booked: reported health exports less what reaches the workers');
  derived('bookedRetentionShare', 'share', 'booked: booked state revenue / reported health exports (null in a year with none)');
  derived('bookedLessReceivedUSD', 'USD/year', 'host services booked beyond the cash and oil value received for them (Venezuela)');
  derived('workerPayPerMonthUSD', 'USD/worker-month', 'average pay of a worker abroad per month served');
  derived('paroleOpenMonths', 'months', 'months of the year with the parole programme open');

  const index: Record<string, number> = {};
  metrics.forEach((m, i) => {
    index[m.name] = i;
  });
  return { hostIds, stocks: metrics.filter((m) => m.kind === 'stock').map((m) => m.name), flows, metrics, index };
}

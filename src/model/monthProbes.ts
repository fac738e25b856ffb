import type { RunInputs } from './inputs.js';
import { hostRows, type ModelLayout } from './layout.js';
import { outputRows, type OutputRows } from './outputRows.js';
import type { RunState } from './runState.js';
import { recordMoment } from './yearEnd.js';

/**
 * Values at a moment that a run reports at the end of given months, on top of its yearly values: what a
 * target dated in a month (Brazil's staffing in November 2013, parole approvals to August 2008) reads, so it
 * need not be interpolated between two year ends. Probe k reads metric `metrics[k]` (one whose layout entry has
 * `moment`) at the end of month index `months[k]` (0 is the scenario's start) and the run writes it to
 * `out[k]`; months ascend, and several probes may share one.
 */
export interface MonthProbes {
  readonly months: Int32Array;
  readonly metrics: Int32Array;
  readonly out: Float64Array;
}

/** Checks that probes ask for values at a moment, in months the run simulates, in order, with room for them. */
export function checkProbes(probes: MonthProbes, layout: ModelLayout, months: number): void {
  const n = probes.months.length;
  if (probes.metrics.length !== n || probes.out.length < n) throw new RangeError(`month probes need one metric and one output place per month, got ${n} months, ${probes.metrics.length} metrics, ${probes.out.length} places`);
  for (let k = 0; k < n; k++) {
    const t = probes.months[k];
    const m = layout.metrics[probes.metrics[k]];
    if (!(t >= 0 && t < months) || (k > 0 && t < probes.months[k - 1])) throw new RangeError(`month probe ${k} asks for month ${t}: expected ascending months in 0-${months - 1}`);
    if (m === undefined || !m.moment) throw new RangeError(`month probe ${k} asks for ${m ? `'${m.name}', a total over a year` : `metric ${probes.metrics[k]}, not in the layout`}: expected a value at a moment`);
  }
}

/** Where a run records its month probes: a one-column copy of the layout's rows and a scratch column. */
export class ProbeRecorder {
  private next = 0;
  private readonly rows: OutputRows;
  private readonly hostRow: Int32Array;
  private readonly column: Float64Array;

  constructor(
    private readonly probes: MonthProbes,
    layout: ModelLayout,
  ) {
    this.rows = outputRows(layout, 1);
    this.hostRow = hostRows(layout, 1);
    this.column = new Float64Array(layout.metrics.length);
  }

  /** Records, at the end of month `t`, every probe that reads it. */
  record(s: RunState, inputs: RunInputs, t: number): void {
    const { months, metrics, out } = this.probes;
    if (this.next >= months.length || months[this.next] !== t) return;
    recordMoment(s, inputs, this.rows, this.hostRow, this.column, t, 0);
    while (this.next < months.length && months[this.next] === t) {
      out[this.next] = this.column[metrics[this.next]];
      this.next++;
    }
  }
}

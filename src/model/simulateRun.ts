import { defectAndComplete, settleDepartures } from './defectionAndCompletion.js';
import { defectorReturns } from './defectorReturns.js';
import { requestDeployment, sendDeployment } from './deployment.js';
import { doctorsAtHome } from './doctorsAtHome.js';
import { hostTerms, updateResponses } from './hostTerms.js';
import type { RunInputs } from './inputs.js';
import type { ModelLayout } from './layout.js';
import { money } from './money.js';
import { checkProbes, ProbeRecorder, type MonthProbes } from './monthProbes.js';
import { outputRows } from './outputRows.js';
import { paroleDecisions, updateAwareness } from './paroleDecisions.js';
import { waveMonthly } from './paroleWave.js';
import { programmeCuts } from './programmeCuts.js';
import { intensityMonthly, shareHazardMonthly } from './rates.js';
import { RunState, type StreamFactory } from './runState.js';
import { yearEnd } from './yearEnd.js';

export type { StreamFactory } from './runState.js';
export type { MonthProbes } from './monthProbes.js';

/**
 * Simulates one run month by month and returns its yearly metrics as one Float64Array laid out
 * `[metric * years + year]` (rows in `layout.metrics` order): a pure function of its inputs and streams.
 * Given `into` (at least metrics x years long), it writes them to its start and returns that view instead
 * of a new array. Given `probes`, it also writes the values they ask for at the end of their months.
 *
 * Each month applies the model's mechanisms in this order (docs/MODEL.md, "Flows and their order within a
 * month"): the responses of hosts and Cuba to the retention cap and prices, programme cuts, each host's terms
 * (value per worker, the workers Cuba keeps there), parole decisions, doctors at home, defectors coming back
 * after their ban, defection and the end of terms abroad, deployment, money, knowledge of parole, and at the
 * year's end the record of stocks and derived values. All people flows are
 * whole numbers (binomial or Poisson draws, or such a draw shared out by systematic sampling), so stocks stay
 * whole and non-negative and each changes by exactly its inflows minus its outflows.
 */
export function simulateRun(inputs: RunInputs, layout: ModelLayout, years: number, streams: StreamFactory, into?: Float64Array, probes?: MonthProbes): Float64Array {
  const size = layout.metrics.length * years;
  if (into !== undefined && into.length < size) throw new RangeError(`simulateRun needs room for ${size} values (metrics x years), got ${into.length}`);
  if (probes !== undefined) checkProbes(probes, layout, inputs.months);
  const recorder = probes === undefined || probes.months.length === 0 ? undefined : new ProbeRecorder(probes, layout);
  // A runner that keeps many runs side by side passes each run's place in its buffer: no buffer of its own
  // to allocate and copy from for every run.
  const out = into === undefined ? new Float64Array(size) : into.subarray(0, size).fill(0);
  const rows = outputRows(layout, years);
  const s = new RunState(inputs, layout, years, streams, out);

  // Monthly probabilities fixed for the run.
  const pRetire = shareHazardMonthly(inputs.retirementRate);
  const pWave = waveMonthly(inputs.paroleWaveMonths);
  const pBack = intensityMonthly(inputs.defectorReturnRate);
  const memory = inputs.paroleMemoryYears > 0 ? inputs.paroleMemoryYears : inputs.paroleAwarenessYears;
  const forgetStep = -Math.expm1(-1 / (12 * memory));

  const months = inputs.months;
  const startMonth = inputs.startMonth;
  for (let t = 0; t < months; t++) {
    const y = Math.floor((startMonth + t) / 12);
    const paroleOpen = inputs.paroleOpen[t] >= 0.5;
    updateResponses(s, inputs, t);
    programmeCuts(s, inputs, rows, t, y);
    hostTerms(s, inputs, t);
    paroleDecisions(s, inputs, rows, t, y);
    doctorsAtHome(s, inputs, rows, pRetire, t, y);
    defectorReturns(s, inputs, rows, pBack, t, y);
    defectAndComplete(s, inputs, paroleOpen, pWave, t);
    settleDepartures(s, rows, t, y);
    sendDeployment(s, inputs, requestDeployment(s, t), t);
    money(s, inputs, rows, t, y);
    updateAwareness(s, inputs, paroleOpen, forgetStep);
    if ((startMonth + t) % 12 === 11 || t === months - 1) yearEnd(s, inputs, rows, t, y);
    recorder?.record(s, inputs, t);
  }
  return out;
}

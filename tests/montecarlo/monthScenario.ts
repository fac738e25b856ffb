// A hand-made scenario for the month-cell tests: one host that grows month by month, parole open from 2011,
// a horizon that starts and ends inside a year (April 2010 to September 2012), so month indices, calendar
// months and year ends do not line up.
import { parseScenario } from '../../src/scenario/loadScenario.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';

export const MONTH_SCENARIO = `name: months
start: 2010-04
end: 2012-09
parameters:
  defectionBaseRate: {dist: uniform, min: 0.02, max: 0.1, source: test}
  retirementRate: {dist: fixed, value: 0.02, source: test}
  missionStipendUSD: {dist: fixed, value: 150, source: test}
  initialDomesticDoctors: {dist: fixed, value: 60000, source: test}
  missionLengthYears: {dist: uniform, min: 1, max: 3, source: test}
  deploymentSpeed: {dist: fixed, value: 0.3, source: test}
  paroleDefectionMultiplier: {dist: fixed, value: 3, source: test}
  paroleAwarenessYears: {dist: fixed, value: 1, source: test}
  paroleApplyShare: {dist: fixed, value: 0.8, source: test}
  paroleDelayMonths: {dist: fixed, value: 3, source: test}
  paroleApprovalRate: {dist: fixed, value: 0.9, source: test}
  payElasticity: {dist: fixed, value: 0.5, source: test}
  takeHomeReferenceUSD: {dist: fixed, value: 300, source: test}
  banDeterrence: {dist: fixed, value: 0, source: test}
  emigrationBaseRate: {dist: fixed, value: 0.01, source: test}
  permissionEmigrationFactor: {dist: fixed, value: 0.5, source: test}
  salaryElasticity: {dist: fixed, value: 0.3, source: test}
  salaryReferenceUSD: {dist: fixed, value: 30, source: test}
drivers:
  population: 11000000
  graduatesPerYear: 4000
levers:
  paroleOpen:
    2010-04: false
    2011-01: true
hosts:
  grow:
    initialWorkers: 1000
    demand:
      linear:
        2010-04: 1000
        2012-09: 9000
    doctorShare: 0.6
    paymentUSD: 5000
    retention: 0.9
`;

/** The month scenario, compiled. */
export function monthScenario(): CompiledScenario {
  const r = parseScenario(MONTH_SCENARIO, 'months.yaml');
  if (!r.ok) throw new Error(`the month scenario does not compile: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

import { LEVERS, type Lever } from '../model/spec.js';
import { formatNumber } from '../report/formatNumber.js';
import { niceStep } from './niceScale.js';

/** The levers in the order the panel lists them. */
export const LEVER_ORDER = Object.keys(LEVERS) as Lever[];

/** Short names of the levers, to fit a panel or the policy timeline's margin. */
export const LEVER_LABELS: Readonly<Record<Lever, string>> = {
  paroleOpen: 'parole open',
  travelPermissionCoverage: 'travel permit',
  domesticSalaryUSD: 'home salary',
  reentryBanYears: 're-entry ban',
  usPressure: 'US pressure',
  retentionCap: 'retention cap',
  minDoctorsPer1000AtHome: 'min doctors',
  hostPriceFactor: 'price factor',
  paroleProcessingMonths: 'parole wait',
  paroleApproval: 'parole approval',
  paroleEligibility: 'parole covers',
};

// What one press of + or - moves a lever by: a step a reader can count in, well inside its legal range.
const LEVER_STEPS: Readonly<Partial<Record<Lever, number>>> = {
  travelPermissionCoverage: 0.1,
  domesticSalaryUSD: 10,
  reentryBanYears: 1,
  usPressure: 0.25,
  retentionCap: 0.05,
  minDoctorsPer1000AtHome: 0.5,
  hostPriceFactor: 0.05,
  paroleProcessingMonths: 1,
  paroleApproval: 0.05,
  paroleEligibility: 0.1,
};

/** Formats a lever's value for people: `open`, `60%`, `$50/month`, `8 years`. */
export function formatLever(lever: Lever, value: number): string {
  const spec = LEVERS[lever];
  if (spec.boolean) return value >= 0.5 ? (lever === 'paroleOpen' ? 'open' : 'on') : lever === 'paroleOpen' ? 'closed' : 'off';
  if (spec.unit === 'share') return `${Number((value * 100).toFixed(1))}%`;
  if (spec.unit.startsWith('USD')) return `${formatNumber(value, spec.unit)}${spec.unit.slice(3)}`;
  if (spec.unit === 'years') return `${Number(value.toFixed(2))} years`;
  if (spec.unit === 'months') return `${Number(value.toFixed(2))} months`;
  if (spec.unit.startsWith('doctors per')) return `${Number(value.toFixed(2))}/1000`;
  // A factor on prices reads as one: x1 is the contracted price, x1.2 twenty percent above it.
  if (lever === 'hostPriceFactor') return `x${Number(value.toFixed(2))}`;
  return String(Number(value.toFixed(3)));
}

/**
 * Returns a lever's next value for one press of + (direction 1) or - (-1): a switch toggles; a number moves to
 * the next multiple of its step in that direction (so 0.55 goes to 0.6 or 0.5), held within its legal range.
 */
export function nextLeverValue(lever: Lever, current: number, direction: 1 | -1): number {
  const spec = LEVERS[lever];
  if (spec.boolean) return current >= 0.5 ? 0 : 1;
  const step = LEVER_STEPS[lever] ?? (spec.unit === 'share' ? 0.05 : niceStep(Math.max(Math.abs(current), 1) / 10));
  const k = current / step;
  const next = direction > 0 ? (Math.floor(k + 1e-9) + 1) * step : (Math.ceil(k - 1e-9) - 1) * step;
  return Number(Math.max(spec.min, Math.min(spec.max, next)).toFixed(10));
}

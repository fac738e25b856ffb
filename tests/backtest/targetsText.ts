// A small hand-made targets file and helpers shared by the back-test tests.
import { expect } from 'vitest';
import { parseTargets } from '../../src/backtest/parseTargets.js';
import type { Target } from '../../src/backtest/target.js';

/** The header of every targets file. */
export const HEADER = 'id,series,metric,period,kind,value,low,high,unit,source,evidence,fit,anchor,family,note';

/** Builds a targets file from rows written after the header. */
export function targetsFile(...rows: string[]): string {
  return `${[HEADER, ...rows].join('\n')}\n`;
}

/** Parses a targets file that must be valid, failing the test with its errors otherwise. */
export function parseOk(text: string, file = 'targets.csv'): Target[] {
  const r = parseTargets(text, file);
  if (!r.ok) expect.fail(r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

/** Parses a targets file that must be invalid and returns its messages as `file:line:col: message`. */
export function parseErrors(text: string, file = 'targets.csv'): string[] {
  const r = parseTargets(text, file);
  if (r.ok) expect.fail('expected the targets file to be refused');
  return r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`);
}

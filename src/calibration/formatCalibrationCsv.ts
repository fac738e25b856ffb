import { csvField, csvNumber } from '../report/csvField.js';
import type { CalibrationReport } from './calibrateDraws.js';

/**
 * Prints a calibration's parameter table as tidy CSV, `parameter,distribution,p5,p50,p95,informed`: two
 * rows per uncertain parameter, its `prior` and its `posterior` (`informed` false: no fit target moves it,
 * and the written scenario keeps its prior).
 */
export function formatCalibrationCsv(r: CalibrationReport): string {
  const lines = ['parameter,distribution,p5,p50,p95,informed'];
  for (const p of r.parameters) {
    for (const [distribution, q] of [['prior', p.priorQuantiles], ['posterior', p.posteriorQuantiles]] as const) {
      lines.push([csvField(p.name), distribution, csvNumber(q.p5), csvNumber(q.p50), csvNumber(q.p95), String(p.informed)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

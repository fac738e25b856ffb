import type { Band } from '../backtest/judgeTarget.js';
import { VERSION } from '../version.js';
import type { CalibrationReport } from './calibrateDraws.js';

/** Prints a calibration as JSON: the method, each parameter's prior and posterior, and every target before and after. */
export function formatCalibrationJson(r: CalibrationReport): string {
  const band = (b: Band, inside: boolean, relativeError: number | null) => ({ p5: b.p5, p50: b.p50, p95: b.p95, inside, relativeError });
  const out = {
    brigadas: VERSION,
    scenario: { name: r.scenario.name, file: r.scenario.file, sha256: r.scenario.sha256 },
    targets: r.targetsFile,
    seed: r.seed,
    draws: r.draws,
    kept: r.kept,
    effectiveSampleSize: r.effectiveSampleSize,
    fitTargets: r.fitTargets,
    parameters: r.parameters.map((p) => ({
      name: p.name,
      informed: p.informed,
      prior: { ...p.prior, ...p.priorQuantiles },
      posterior: { ...p.posteriorQuantiles, values: p.points },
    })),
    coverage: { prior: r.prior.summary, posterior: r.posterior.summary },
    results: r.prior.results.map((b, k) => {
      const a = r.posterior.results[k];
      return { id: b.target.id, series: b.target.series, fit: b.target.set, prior: band(b.band, b.inside, b.relativeError), posterior: band(a.band, a.inside, a.relativeError) };
    }),
    correlations: r.correlations,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

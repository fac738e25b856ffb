// Every lever, driver, host field and model parameter has a sensible legal range: a value outside it is
// refused, saying what it was and what was expected, and the ranges are those README and the JSON Schema give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { DRIVERS, HOST_FIELDS, LEVERS, MODEL_PARAMETERS, type InputSpec } from '../../src/model/spec.js';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { probeScenario } from '../../src/scenario/probeScenario.js';
import { rangeText } from '../../src/scenario/rangeProblem.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';
import { repoPath } from '../cli/harness.js';

const FILE = repoPath('tests/fixtures/bad/generated.yaml');

/** The diagnostics of the baseline changed by `yaml` (sections of a child scenario), as `line:col: message`. */
function problems(yaml: string): string[] {
  const r = parseScenario(`extends: ../../../scenarios/baseline.yaml\nname: generated\n${yaml}`, FILE, nodeFilePort);
  return r.ok ? [] : r.errors.map((e) => formatDiagnostic(e).slice(FILE.length + 1));
}

const unit = (spec: InputSpec) => (spec.unit === 'share' ? '(a share)' : `(${spec.unit})`);
const n = (x: number) => (x >= 1000 ? x.toLocaleString('en-US') : String(+x.toPrecision(4)));

describe('legal ranges', () => {
  it('every input has a finite range that a typo of ten or a thousand times leaves', () => {
    for (const [name, spec] of Object.entries({ ...MODEL_PARAMETERS, ...DRIVERS, ...LEVERS, ...HOST_FIELDS }) as [string, InputSpec][]) {
      expect(Number.isFinite(spec.max), name).toBe(true);
      expect(spec.min, name).toBeGreaterThanOrEqual(0);
      expect(spec.max, name).toBeGreaterThan(spec.min);
      if (spec.unit === 'share') expect([spec.min, spec.max], name).toEqual([0, 1]);
    }
    expect(LEVERS.minDoctorsPer1000AtHome.max).toBe(20);
  });

  it('a floor of 1,000 doctors per 1,000 inhabitants is refused (it emptied every mission)', () => {
    const file = repoPath('tests/fixtures/bad/lever-floor-too-high.yaml');
    const r = loadScenario(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map(formatDiagnostic)).toEqual([
        `${file}:5:28: levers.minDoctorsPer1000AtHome must be between 0 and 20 (doctors per 1,000 inhabitants) (got 1000)`,
      ]);
    }
  });

  it('each lever and driver: its ends are accepted, just past them refused with the value and the range', () => {
    for (const [section, table] of [['levers', LEVERS], ['drivers', DRIVERS]] as const) {
      for (const [name, spec] of Object.entries(table) as [string, InputSpec][]) {
        if (spec.boolean) {
          expect(problems(`${section}:\n  ${name}: 0.5\n`), name).toEqual([`4:${name.length + 5}: ${section}.${name} must be true or false (got 0.5)`]);
          continue;
        }
        // A driver needs its whole schedule: write it at the baseline's start.
        const at = (v: number) => `${section}:\n  ${name}:\n    2003-01: ${v}\n`;
        expect(problems(at(spec.min)), `${name} min`).toEqual([]);
        expect(problems(at(spec.max)), `${name} max`).toEqual([]);
        const over = spec.max * 1.5;
        expect(problems(at(over)), name).toEqual([`5:14: ${section}.${name}.2003-01 must be between ${n(spec.min)} and ${n(spec.max)} ${unit(spec)} (got ${over})`]);
        const under = spec.min - 1;
        expect(problems(at(under)), name).toEqual([`5:14: ${section}.${name}.2003-01 must be between ${n(spec.min)} and ${n(spec.max)} ${unit(spec)} (got ${under})`]);
      }
    }
  });

  it('each host field: a value past its range is refused, whether a number or a schedule point', () => {
    for (const [field, spec] of Object.entries(HOST_FIELDS) as [string, InputSpec][]) {
      const over = spec.max * 2;
      const got = problems(`hosts:\n  brazil:\n    ${field}: ${over}\n`);
      expect(got, field).toEqual([`5:${field.length + 7}: hosts.brazil.${field} must be between ${n(spec.min)} and ${n(spec.max)} ${unit(spec)} (got ${over})`]);
    }
  });

  it('an expression that leaves the range is refused at the quantiles validate probes, with the parameters that gave it', () => {
    const r = parseScenario(
      'extends: ../../../scenarios/baseline.yaml\nname: generated\nparameters:\n  floorScale: {dist: uniform, min: 1, max: 50, source: test}\nlevers:\n  minDoctorsPer1000AtHome: floorScale\n',
      FILE,
      nodeFilePort,
    );
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(probeScenario(r.value).map((d) => formatDiagnostic(d).slice(FILE.length + 1))).toEqual([
      '6:28: levers.minDoctorsPer1000AtHome must be between 0 and 20 (doctors per 1,000 inhabitants) (got 25.5), from floorScale = 25.5',
    ]);
  });

  it('a model parameter whose distribution can draw outside its range is refused, naming both', () => {
    expect(problems('parameters:\n  missionLengthYears: {dist: uniform, min: 2, max: 30, source: test}\n')).toEqual([
      '4:3: parameters.missionLengthYears can draw 2 to 30 years, outside its legal range 0.08333 to 20 years',
    ]);
  });

  it("a distribution's own numbers: shapes past a million, ranges far in a tail, weights adding up to infinity", () => {
    const param = (d: string) => problems(`parameters:\n  helper: {${d}, source: test}\n`);
    expect(param('dist: beta, alpha: 1e300, beta: 2')).toEqual(['4:31: parameters.helper: alpha must be at most 1,000,000 (got 1e+300); a larger one is drawn inaccurately']);
    expect(param('dist: pert, min: 0, mode: 0.5, max: 1, lambda: 1e7')).toEqual([
      '4:59: parameters.helper: lambda must be at most 1,000,000 (got 10000000); a larger one is drawn inaccurately',
    ]);
    expect(param('dist: normal, mean: -10, sd: 1, min: 0, max: 1')).toEqual([
      '4:49: parameters.helper: min and max lie wholly 10.0 sd above the mean, too far in its tail to be drawn accurately; expected a range that comes within 6 sd of it',
    ]);
    expect(param('dist: lognormal, median: 1000, sigma: 0.1, max: 1')).toEqual([
      '4:60: parameters.helper: min and max lie wholly 69.1 sigma (in logs) below the median, too far in its tail to be drawn accurately; expected a range that comes within 6 sigma (in logs) of it',
    ]);
    expect(param('dist: discrete, values: [1, 2], weights: [1e308, 1e308]')).toEqual([
      '4:53: parameters.helper: weights must add up to a finite number; scale them down',
    ]);
    // Within them: a range 5 sd out, a narrow range at the mean, a lognormal that leaves only 0.
    expect(param('dist: normal, mean: -5, sd: 1, min: 0, max: 1')).toEqual([]);
    expect(param('dist: normal, mean: 0.3, sd: 1, min: 0.3, max: 0.3000000001')).toEqual([]);
    expect(param('dist: lognormal, median: 1, sigma: 1, min: 0, max: 0')).toEqual([]);
  });

  it('a horizon of more than 100 years is refused', () => {
    expect(problems('end: 2103-01\n')).toEqual(['3:6: the horizon 2003-01 to 2103-01 is 101 years long; expected at most 100 years']);
  });

  it('README lists every range, and the JSON Schema gives numbers their minimum and maximum', () => {
    const readme = readFileSync('README.md', 'utf8');
    const schema = JSON.stringify(scenarioJsonSchema());
    for (const [section, table] of [['parameters', MODEL_PARAMETERS], ['drivers', DRIVERS], ['levers', LEVERS], ['hosts.<id>', HOST_FIELDS]] as const) {
      for (const [name, spec] of Object.entries(table) as [string, InputSpec][]) {
        expect(readme, name).toContain(`| ${section} | \`${name}\` | ${spec.unit} | ${rangeText(spec)} |`);
        if (section !== 'parameters') expect(schema, name).toContain(`{"type":"number","minimum":${spec.min},"maximum":${spec.max}}`);
        else expect(schema, name).toContain(`${name} (${spec.unit}, ${rangeText(spec)})`);
      }
    }
  });
});

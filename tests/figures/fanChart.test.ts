// The fan chart as SVG: its bands, median, axes, labels, caption and accessibility, and stable bytes for a
// fixed seed; and the PNG resvg makes of it: its size, and that it is not blank.
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { compareScenarios } from '../../src/compare/compareScenarios.js';
import { fanChartSvg } from '../../src/figures/fanChartSvg.js';
import type { FanChartInput } from '../../src/figures/fanChartSpec.js';
import { SCENARIO_STYLES } from '../../src/figures/palette.js';
import { policyStrip } from '../../src/figures/policyStrip.js';
import { renderPng } from '../../src/node/renderPng.js';
import type { CompiledScenario } from '../../src/scenario/compiled.js';
import { repoPath } from '../cli/harness.js';
import { pngInfo } from './pngInfo.js';

function load(file: string): CompiledScenario {
  const r = loadScenario(repoPath(file));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

// Each line of text in the SVG: a <text>, or each <tspan> of a multi-line one (the caption).
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].flatMap((m) => (m[1].startsWith('<tspan') ? [...m[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]) : [m[1]]));

let single: FanChartInput;
let compared: FanChartInput;

beforeAll(async () => {
  const base = load('scenarios/baseline.yaml');
  const alt = load('scenarios/parole-reinstated-2027.yaml');
  const report = await compareScenarios(base, [alt], { runs: 200, seed: 7 });
  // Files as a user names them, so the snapshot does not depend on where the clone is.
  const manifest = (names: string[]) => ({ scenarios: names.map((n) => ({ ...report.scenarios[n].scenario, file: relative(repoPath('.'), report.scenarios[n].scenario.file) })), runs: 200, seed: 7, design: 'mc', version: '0.0.0-test' });
  const common = { metric: 'defections', unit: 'persons/year', years: report.years, from: 2010, to: 2035, width: 600, height: 260 };
  single = { ...common, series: [{ name: report.baseline, report: report.scenarios[report.baseline].metrics.defections }], strip: policyStrip([base]), manifest: manifest([report.baseline]) };
  compared = {
    ...common,
    series: [report.baseline, ...report.alternatives].map((n) => ({ name: n, report: report.scenarios[n].metrics.defections })),
    differences: report.alternatives.map((a) => ({ name: a, report: report.differences[a].defections })),
    strip: policyStrip([base, alt]),
    manifest: manifest([report.baseline, ...report.alternatives]),
  };
}, 120_000);

describe('fanChartSvg', () => {
  it('draws two bands and a median per scenario, with year axes printed as years and the metric in its units', async () => {
    const warnings: string[] = [];
    const svg = await fanChartSvg(single, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg ')).toBe(true);
    // Two area marks (5-95, 25-75) and one line mark, each a path in the baseline's colour.
    expect(svg.match(/class="mark-area role-mark/g)).toHaveLength(2);
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(1);
    expect(svg).toContain(`fill="${SCENARIO_STYLES[0].colour}"`);
    const t = texts(svg);
    expect(t).toContain('defections (persons/year)');
    expect(t).toContain('2010');
    expect(t).not.toContain('2,010');
    expect(t).toContain('year');
    // The policy strip names its levers; parole is always shown.
    expect(t).toContain('paroleOpen');
  });

  it('says in its caption the scenario, the runs, the seed, the design and the version', async () => {
    const t = texts(await fanChartSvg(single));
    expect(t).toContain('defections, 2010-2035');
    expect(t.some((s) => /^Scenario: baseline \(scenarios\/baseline\.yaml, sha256 [0-9a-f]{12}\)$/.test(s))).toBe(true);
    expect(t).toContain('200 runs per scenario, seed 7, design mc, brigadas 0.0.0-test');
  });

  it('has a title and a description for screen readers, and text as text', async () => {
    const svg = await fanChartSvg(single);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">defections, 2010-2035</title>');
    expect(svg).toMatch(/<desc id="chart-desc">Fan chart of defections in persons\/year, 2010 to 2035, from 200 runs with seed 7\. baseline: median [^<]+ in 2035, 90% of runs between [^<]+<\/desc>/);
    expect(texts(svg).length).toBeGreaterThan(20);
    // Nothing to fetch: no scripts, no images, no links beyond the SVG namespaces.
    expect(svg.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:|<script|<image|href=/);
  });

  it('with an alternative, draws both scenarios with a legend, and the run-by-run differences with a rule at zero', async () => {
    const warnings: string[] = [];
    const svg = await fanChartSvg(compared, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    // Two scenarios' bands and medians, then the difference's.
    expect(svg.match(/class="mark-area role-mark/g)).toHaveLength(6);
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(3);
    expect(svg.match(/class="mark-rule role-mark/g)?.length).toBeGreaterThanOrEqual(1);
    const t = texts(svg);
    expect(t).toContain('Difference from the baseline, run by run (alternative minus baseline)');
    expect(t).toContain('difference (persons/year)');
    expect(t).toContain('parole reinstated in 2027');
    // A lever the scenarios set apart has a row each; one they set alike, a single row.
    expect(t).toContain('paroleOpen: parole reinstated in 2027');
    expect(t).toContain('paroleOpen: baseline');
    expect(t).toContain('usPressure');
    expect(t.filter((x) => x.startsWith('usPressure'))).toEqual(['usPressure']);
    // The alternative's median is dashed, so the two tell apart in greyscale too.
    expect(svg).toContain(`stroke="${SCENARIO_STYLES[1].colour}"`);
    expect(svg).toMatch(/stroke-dasharray="6,3"/);
  });

  it('gives the same bytes every time for the same input (snapshot of its text and its hash)', async () => {
    const [a, b] = [await fanChartSvg(compared), await fanChartSvg(compared)];
    expect(a).toBe(b);
    expect(texts(a)).toMatchSnapshot();
    expect(createHash('sha256').update(a).digest('hex')).toMatchSnapshot();
  });
});

describe('renderPng', () => {
  it('makes a PNG of the width asked for, in the SVG proportions, that is not blank', async () => {
    const svg = await fanChartSvg(single);
    const [w, h] = [Number(/width="(\d+)"/.exec(svg)?.[1]), Number(/height="(\d+)"/.exec(svg)?.[1])];
    const info = pngInfo(renderPng(svg, { width: 1000 }));
    expect(info.width).toBe(1000);
    expect(Math.abs(info.height - Math.round((h * 1000) / w))).toBeLessThanOrEqual(1);
    expect(info.distinctRows).toBeGreaterThan(info.height / 4);
  });

  it('draws at twice the SVG size by default, for print', async () => {
    const svg = await fanChartSvg(single);
    const w = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(pngInfo(renderPng(svg)).width).toBe(2 * w);
  });
});

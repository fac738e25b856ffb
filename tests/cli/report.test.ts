// brigadas report: one self-contained HTML file with the fan charts, the comparison, the back-test, the
// parameters and the manifest; nothing in it is fetched, and its numbers are those of `compare --format json`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngInfo } from '../figures/pngInfo.js';
import { cli, cliProcess, repoPath, STACK_LINE, tempDir } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const PAROLE = repoPath('scenarios/parole-reinstated-2027.yaml');
const SCENARIOS = readdirSync(repoPath('scenarios')).filter((f) => f.endsWith('.yaml')).sort();

// Every reference an HTML file could make to something outside it: attributes, CSS, imports, URLs.
function externalReferences(html: string): string[] {
  const noNamespaces = html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '');
  return [
    ...noNamespaces.matchAll(/\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*"(?!#)[^"]*"/gi),
    ...noNamespaces.matchAll(/url\(|@import|<link\b|<iframe\b|<img\b|<object\b|<embed\b|https?:\/\//gi),
  ].map((m) => m[0]);
}

function embeddedCompare(html: string): unknown {
  const m = /<script type="application\/json" id="brigadas-compare">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]);
}

describe('brigadas report', () => {
  it('baseline against parole: self-contained, with the numbers compare --format json gives', async () => {
    const args = ['--runs', '300', '--seed', '5', '--quiet'];
    const r = await cli('report', BASELINE, '--compare', PAROLE, ...args, '--samples', '4', '--year', '2035');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(externalReferences(html)).toEqual([]);
    // No script runs: the only script is the comparison as inert JSON.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="brigadas-compare">']);
    const compare = JSON.parse((await cli('compare', BASELINE, PAROLE, ...args, '--format', 'json')).stdout);
    expect(embeddedCompare(html)).toEqual(compare);
    // Each table cell shows a number of that JSON and carries it exactly in data-value.
    const table = /<table data-metric="defections">([\s\S]*?)<\/table>/.exec(html)![1];
    const years = [...table.matchAll(/<th>(\d{4})<\/th>/g)].map((m) => Number(m[1]));
    const row = (label: string) => [.../<tr><td class="text">([^<]*)<\/td>(.*?)<\/tr>/g[Symbol.matchAll](table)].find((m) => m[1] === label)![2];
    const values = (label: string) => [...row(label).matchAll(/data-value="([^"]*)"/g)].map((m) => Number(m[1]));
    const alt = compare.alternatives[0];
    const at = years.map((y) => compare.years.indexOf(y));
    expect(values('difference, median')).toEqual(at.map((i) => compare.differences[alt].defections.p50[i]));
    expect(values('runs with an increase')).toEqual(at.map((i) => compare.differences[alt].defections.probabilityPositive[i]));
    expect(values('baseline: median')).toEqual(at.map((i) => compare.scenarios[compare.baseline].metrics.defections.p50[i]));
    // The sections a reader of a brief looks for.
    for (const id of ['charts', 'comparison', 'sensitivity', 'backtest', 'scenarios', 'parameters', 'manifest']) expect(html).toContain(`<h2 id="${id}">`);
    // Six fan charts, a tornado of parole's effect on each of three headline figures in 2035, the back-test plot.
    expect(html.match(/<figure><svg /g)).toHaveLength(10);
    expect(html).toContain('<title id="chart-title">Sensitivity: effect of parole reinstated in 2027 on bookedStateRevenueUSD in 2035</title>');
    expect(html).toContain('4 runs per bar, seed 5');
    expect(html).toMatch(/<p>\d+ of \d+ targets \(\d+%\) fall in the model's 5th-95th percentile band over 300 runs; held out and anchor-free: \d+ of \d+/);
    expect(html).toContain(`sha256 ${compare.scenarios[compare.baseline].scenario.sha256}`);
  }, 120_000);

  it('of one scenario: its numbers are those of run --format json, and the manifest says so', async () => {
    const args = ['--runs', '50', '--seed', '2', '--quiet'];
    const r = await cli('report', BASELINE, ...args, '--no-sensitivity', '--no-backtest');
    expect(r.code).toBe(0);
    const run = JSON.parse((await cli('run', BASELINE, ...args, '--format', 'json')).stdout);
    const embedded = embeddedCompare(r.stdout) as { baseline: string; alternatives: string[]; scenarios: Record<string, unknown> };
    expect(embedded.alternatives).toEqual([]);
    expect(embedded.scenarios[embedded.baseline]).toEqual(run);
    expect(r.stdout).toContain(`<code>brigadas run ${BASELINE} --runs 50 --seed 2 --design mc --format json</code>`);
  });

  it.each(SCENARIOS)('writes the report of %s to a file, the same bytes on 1 and 2 workers', (file) => {
    const { dir, cleanup } = tempDir();
    try {
      const outs = [1, 2].map((w) => {
        const out = join(dir, `r${w}.html`);
        const r = cliProcess('report', `scenarios/${file}`, '--runs', '40', '--no-backtest', '--samples', '2', '--workers', String(w), '--out', out, '--quiet');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        return readFileSync(out, 'utf8');
      });
      expect(outs[0]).toBe(outs[1]);
      expect(outs[0]).not.toContain('id="backtest"');
      expect(outs[0]).toContain('<h2 id="sensitivity">');
      expect(externalReferences(outs[0])).toEqual([]);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('refuses to write over a scenario or into a name that says another kind, leaving nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'report.csv');
      const r = await cli('report', BASELINE, '--out', out, '--runs', '10', '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the output is an HTML report but the name says CSV');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(existsSync(out)).toBe(false);
      const over = await cli('report', BASELINE, '--out', BASELINE, '--force', '--runs', '10', '--quiet');
      expect(over.code).toBe(2);
      expect(readFileSync(BASELINE, 'utf8')).toContain('name:');
    } finally {
      cleanup();
    }
  });
});

// Debian's chromium, if this machine has it: the report as a reader sees it.
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].map((b) => spawnSync('sh', ['-c', `command -v ${b}`], { encoding: 'utf8' }).stdout.trim()).find((p) => p !== '');

describe.skipIf(CHROMIUM === undefined)('the report in headless Chromium', () => {
  it('renders offline to a screenshot that is not blank', () => {
    const { dir, cleanup } = tempDir();
    try {
      const html = join(dir, 'report.html');
      const png = join(dir, 'shot.png');
      expect(cliProcess('report', 'scenarios/baseline.yaml', '--compare', 'scenarios/parole-reinstated-2027.yaml', '--runs', '100', '--samples', '3', '--out', html, '--quiet').code).toBe(0);
      execFileSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`, '--window-size=1200,1600', `--screenshot=${png}`, `file://${html}`], { stdio: 'ignore', timeout: 90_000 });
      expect(statSync(png).size).toBeGreaterThan(20_000);
      const info = pngInfo(readFileSync(png));
      expect(info.width).toBe(1200);
      expect(info.distinctRows).toBeGreaterThan(info.height / 4);
    } finally {
      cleanup();
    }
  }, 180_000);
});

if (CHROMIUM === undefined) console.warn('tests/cli/report.test.ts: no chromium on this machine; the screenshot test is skipped (apt-get install chromium)');

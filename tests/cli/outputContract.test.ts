// The output contract of `brigadas run`: the JSON and CSV shapes other tools read, byte-identical output for
// the same scenario, seed and runs, `--out` writing exactly what stdout would, and stocks that conserve people.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, KEY_METRICS, repoPath, runJson, STATS, tempDir, type JsonReport } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const ARGS = ['run', BASELINE, '--runs', '50', '--seed', '7'];

describe('--format json', () => {
  let report: JsonReport;
  beforeAll(async () => {
    report = await runJson(BASELINE, 50, 7);
  });

  it('is one JSON object with the documented top-level keys', async () => {
    const r = await cli(...ARGS, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['brigadas', 'scenario', 'seed', 'runs', 'years', 'model', 'metrics']);
  });

  it('names the scenario, its file and the sha256 of its text', () => {
    expect(report.scenario.name).toBe('baseline');
    expect(report.scenario.file).toBe(BASELINE);
    expect(report.scenario.sha256).toBe(createHash('sha256').update(readFileSync(BASELINE)).digest('hex'));
    expect(report.seed).toBe(7);
    expect(report.runs).toBe(50);
  });

  it('reports consecutive calendar years over the horizon', () => {
    expect(report.years[0]).toBe(2003);
    expect(report.years[report.years.length - 1]).toBe(2040);
    report.years.forEach((y, i) => expect(y).toBe(2003 + i));
  });

  it('has every key metric, each with unit, kind and six statistics aligned with years', () => {
    for (const name of KEY_METRICS) expect(report.metrics, name).toHaveProperty([name]);
    for (const [name, m] of Object.entries(report.metrics)) {
      expect(Object.keys(m), name).toEqual(['unit', 'kind', ...STATS]);
      expect(typeof m.unit, name).toBe('string');
      expect(['stock', 'flow', 'derived'], name).toContain(m.kind);
      for (const s of STATS) {
        expect(m[s], `${name}.${s}`).toHaveLength(report.years.length);
        for (const v of m[s]) expect(v === null || Number.isFinite(v), `${name}.${s}`).toBe(true);
      }
      // Percentiles of the same runs must be ordered.
      report.years.forEach((year, y) => {
        const q = [m.p5[y], m.p25[y], m.p50[y], m.p75[y], m.p95[y]];
        if (q.every((v) => v !== null)) {
          for (let k = 1; k < q.length; k++) expect((q[k] as number) >= (q[k - 1] as number), `${name} ${year}`).toBe(true);
        }
      });
    }
  });

  it('has finite key metrics every year (the baseline always has host payments, so no null retention)', () => {
    for (const name of KEY_METRICS) {
      for (const s of STATS) for (const v of report.metrics[name][s]) expect(Number.isFinite(v), `${name}.${s}`).toBe(true);
    }
  });

  it('lists the model: every stock and flow is a metric of that kind, flows join stocks or the outside', () => {
    const stocks = new Set(report.model.stocks);
    expect(stocks.size).toBeGreaterThan(0);
    expect(report.model.flows.length).toBeGreaterThan(0);
    for (const s of report.model.stocks) expect(report.metrics[s]?.kind, s).toBe('stock');
    for (const f of report.model.flows) {
      expect(Object.keys(f)).toEqual(['name', 'from', 'to']);
      expect(report.metrics[f.name]?.kind, f.name).toBe('flow');
      for (const end of [f.from, f.to]) expect(end === null || stocks.has(end), `${f.name}: ${String(end)}`).toBe(true);
    }
    // And nothing else claims to be a stock or a flow.
    const flows = new Set(report.model.flows.map((f) => f.name));
    for (const [name, m] of Object.entries(report.metrics)) {
      if (m.kind === 'stock') expect(stocks.has(name), name).toBe(true);
      if (m.kind === 'flow') expect(flows.has(name), name).toBe(true);
    }
  });
});

describe('--format csv', () => {
  it('has the header and one row per metric and year, with the same numbers as the JSON', async () => {
    const r = await cli(...ARGS, '--format', 'csv');
    expect(r.code).toBe(0);
    const report = await runJson(BASELINE, 50, 7);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    expect(lines[0]).toBe('metric,year,mean,p5,p25,p50,p75,p95');
    const rows = lines.slice(1).map((l) => l.split(','));
    const names = Object.keys(report.metrics);
    expect(rows).toHaveLength(names.length * report.years.length);
    const seen = new Set<string>();
    for (const row of rows) {
      expect(row).toHaveLength(8);
      const [metric, year, ...cells] = row;
      const m = report.metrics[metric];
      expect(m, metric).toBeDefined();
      const y = report.years.indexOf(Number(year));
      expect(y, `${metric},${year}`).toBeGreaterThanOrEqual(0);
      seen.add(`${metric},${year}`);
      STATS.forEach((s, k) => {
        const v = m[s][y];
        expect(cells[k], `${metric},${year},${s}`).toBe(v === null ? '' : String(v));
      });
    }
    expect(seen.size).toBe(rows.length);
  });
});

describe('reproducibility and --out', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  for (const format of ['json', 'csv', 'table']) {
    it(`${format}: the same scenario, seed and runs print the same bytes`, async () => {
      const a = await cli(...ARGS, '--format', format);
      const b = await cli(...ARGS, '--format', format);
      expect(a.code).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      // And the seed matters: a test of sameness alone would pass if the seed were ignored.
      const other = await cli('run', BASELINE, '--runs', '50', '--seed', '8', '--format', format);
      expect(other.stdout).not.toBe(a.stdout);
    });

    it(`${format}: --out writes the bytes stdout would, and no temporary file`, async () => {
      const out = join(dir, `report.${format}`);
      const printed = await cli(...ARGS, '--format', format);
      const written = await cli(...ARGS, '--format', format, '--out', out);
      expect(written.code).toBe(0);
      expect(written.stdout).toBe('');
      expect(written.stderr).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
      expect(readdirSync(dir).filter((f) => f !== `report.json` && f !== `report.csv` && f !== `report.table`)).toEqual([]);
    });
  }

  it('--out replaces an existing file whole', async () => {
    const out = join(dir, 'report.json');
    await cli('run', BASELINE, '--runs', '5', '--seed', '1', '--format', 'json', '--out', out);
    const printed = await cli('run', BASELINE, '--runs', '3', '--seed', '2', '--format', 'json');
    await cli('run', BASELINE, '--runs', '3', '--seed', '2', '--format', 'json', '--out', out);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });
});

describe('conservation (the acceptance check: --runs 500 --seed 7)', () => {
  it('each stock changes by its mean inflows minus its mean outflows every year', async () => {
    const report = await runJson(BASELINE, 500, 7);
    const mean = (name: string, y: number) => report.metrics[name].mean[y] as number;
    let checked = 0;
    for (const stock of report.model.stocks) {
      const inflows = report.model.flows.filter((f) => f.to === stock).map((f) => f.name);
      const outflows = report.model.flows.filter((f) => f.from === stock).map((f) => f.name);
      expect(inflows.length + outflows.length, stock).toBeGreaterThan(0);
      for (let y = 1; y < report.years.length; y++) {
        const change = mean(stock, y) - mean(stock, y - 1);
        const net = inflows.reduce((a, f) => a + mean(f, y), 0) - outflows.reduce((a, f) => a + mean(f, y), 0);
        // 1e-6 relative to the largest magnitude involved (at least 1 person): means of sums equal sums of
        // means up to floating-point rounding, so any real leak of people shows up far above this.
        const scale = Math.max(1, Math.abs(mean(stock, y)), Math.abs(mean(stock, y - 1)), Math.abs(net));
        expect(Math.abs(change - net) / scale, `${stock} ${report.years[y]}: change ${change}, flows ${net}`).toBeLessThanOrEqual(1e-6);
        checked++;
      }
    }
    expect(checked).toBe(report.model.stocks.length * (report.years.length - 1));
  });
});

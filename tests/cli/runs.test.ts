// brigadas runs: one row per run (and policy), its drawn parameters and outcomes, as CSV, JSON or Parquet.
// The rows must not depend on the worker count, must agree with `run`'s summaries and `drawParameters`, must
// read back typed in every format, and a failed or interrupted command must leave nothing behind.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uncertainParameters } from '../../src/scenario/uncertainParameters.js';
import { loadScenarioFile } from '../../src/cli/loadScenarioFile.js';
import { main } from '../../src/cli/main.js';
import { drawParameters } from '../../src/montecarlo/drawParameters.js';
import { summarize } from '../../src/stats/summarize.js';
import { parseCsv } from '../runtable/csvRecords.js';
import { cli, cliProcess, repoPath, ROOT, STACK_LINE, tempDir, type JsonReport } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');

interface Table {
  readonly header: string[];
  readonly rows: string[][];
  column(name: string): string[];
  numbers(name: string): number[];
}

function table(csv: string): Table {
  const [header, ...rows] = parseCsv(csv);
  const at = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`no column ${name} in ${header.join(',')}`);
    return k;
  };
  return {
    header,
    rows,
    column: (name) => rows.map((r) => r[at(name)]),
    numbers: (name) => rows.map((r) => (r[at(name)] === '' ? Number.NaN : Number(r[at(name)]))),
  };
}

async function runsCsv(...args: string[]): Promise<Table> {
  const r = await cli('runs', BASELINE, '--quiet', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return table(r.stdout);
}

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

describe('brigadas runs: the same rows for any number of workers', () => {
  it('byte-identical CSV and Parquet for --workers 1, 2 and 3 (600 runs: three chunks of 250 or fewer)', () => {
    const outcomes = 'healthWorkersAbroad@2030,stateRevenueUSD@2030..2035,patientsPerDoctor@2025..2030';
    for (const format of ['csv', 'parquet']) {
      const bytes = [1, 2, 3].map((w) => {
        const out = join(dir, `w${w}.${format}`);
        const r = cliProcess('runs', 'scenarios/baseline.yaml', '--runs', '600', '--seed', '11', '--outcomes', outcomes, '--workers', String(w), '--out', out);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('');
        return readFileSync(out);
      });
      expect(bytes[0].length).toBeGreaterThan(1000);
      expect(bytes[1].equals(bytes[0]), `${format} --workers 2`).toBe(true);
      expect(bytes[2].equals(bytes[0]), `${format} --workers 3`).toBe(true);
    }
    const t = table(readFileSync(join(dir, 'w1.csv'), 'utf8'));
    expect(t.rows).toHaveLength(600);
    expect(t.column('run')).toEqual(Array.from({ length: 600 }, (_, i) => String(i)));
  });
});

describe('brigadas runs: the columns agree with run and drawParameters', () => {
  const outcomes = 'healthWorkersAbroad@2030,stateRevenueUSD@2030..2032,stateRevenueUSD@2030,stateRevenueUSD@2031,stateRevenueUSD@2032,patientsPerDoctor@2030..2032';
  let t: Table;
  beforeAll(async () => {
    t = await runsCsv('--runs', '1000', '--seed', '3', '--outcomes', outcomes);
  });

  it("an outcome column's p5, p50, p95 (and mean) are run's for that metric and year, exactly", async () => {
    const r = await cli('run', BASELINE, '--runs', '1000', '--seed', '3', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    const y = report.years.indexOf(2030);
    const s = summarize(t.numbers('healthWorkersAbroad_2030'));
    const m = report.metrics.healthWorkersAbroad;
    expect([s.p5, s.p50, s.p95, s.mean]).toEqual([m.p5[y], m.p50[y], m.p95[y], m.mean[y]]);
    const rev = summarize(t.numbers('stateRevenueUSD_2031'));
    const y1 = report.years.indexOf(2031);
    expect([rev.p5, rev.p50, rev.p95]).toEqual([report.metrics.stateRevenueUSD.p5[y1], report.metrics.stateRevenueUSD.p50[y1], report.metrics.stateRevenueUSD.p95[y1]]);
  });

  it('a range of a yearly flow is the sum of its years, run by run; of a ratio, the mean', async () => {
    expect(t.header).toContain('stateRevenueUSD_sum_2030_2032');
    const sum = t.numbers('stateRevenueUSD_sum_2030_2032');
    const [a, b, c] = ['stateRevenueUSD_2030', 'stateRevenueUSD_2031', 'stateRevenueUSD_2032'].map((n) => t.numbers(n));
    expect(sum.every((x, i) => x === a[i] + b[i] + c[i])).toBe(true);
    expect(new Set(sum).size).toBeGreaterThan(900);
    // patientsPerDoctor is a ratio: averaged, the column says so.
    expect(t.header).toContain('patientsPerDoctor_mean_2030_2032');
    const ppd = await runsCsv('--runs', '50', '--seed', '3', '--outcomes', 'patientsPerDoctor@2030,patientsPerDoctor@2031,patientsPerDoctor@2032,patientsPerDoctor@2030..2032');
    const [p0, p1, p2, mean] = ['patientsPerDoctor_2030', 'patientsPerDoctor_2031', 'patientsPerDoctor_2032', 'patientsPerDoctor_mean_2030_2032'].map((n) => ppd.numbers(n));
    mean.forEach((x, i) => expect(x).toBeCloseTo((p0[i] + p1[i] + p2[i]) / 3, 9));
  });

  it('the parameter columns are drawParameters of each run, in scenario order, and nothing else', () => {
    const c = loadScenarioFile(BASELINE);
    const names = uncertainParameters(c.parameters).map((p) => p.name);
    expect(t.header).toEqual(['run', ...names, ...outcomes.split(',').map(() => expect.any(String))]);
    expect(t.header.slice(1 + names.length)).toEqual([
      'healthWorkersAbroad_2030',
      'stateRevenueUSD_sum_2030_2032',
      'stateRevenueUSD_2030',
      'stateRevenueUSD_2031',
      'stateRevenueUSD_2032',
      'patientsPerDoctor_mean_2030_2032',
    ]);
    const columns = names.map((n) => t.numbers(n));
    for (let run = 0; run < 1000; run++) {
      const drawn = drawParameters(c.parameters, 3, run);
      names.forEach((n, j) => {
        if (columns[j][run] !== drawn[n]) throw new Error(`run ${run} ${n}: table ${columns[j][run]}, drawParameters ${drawn[n]}`);
      });
    }
  });
});

describe('brigadas runs --sweep', () => {
  const N = 60;
  let t: Table;
  beforeAll(async () => {
    t = await runsCsv('--runs', String(N), '--seed', '5', '--sweep', 'paroleOpen=2027-01:true,false', '--outcomes', 'cumulativeDefections@2035,healthWorkersAbroad@2030');
  });

  it('2N rows: policy and lever columns, policy after policy, runs in order', () => {
    expect(t.rows).toHaveLength(2 * N);
    expect(t.header.slice(0, 3)).toEqual(['run', 'policy', 'paroleOpen']);
    expect(t.column('policy')).toEqual([...Array(N).fill('paroleOpen=true'), ...Array(N).fill('paroleOpen=false')]);
    expect(t.column('paroleOpen')).toEqual([...Array(N).fill('true'), ...Array(N).fill('false')]);
    expect(t.column('run')).toEqual([...Array.from({ length: N }, (_, i) => String(i)), ...Array.from({ length: N }, (_, i) => String(i))]);
  });

  it('run i draws the same parameters under both policies (common random numbers) and the outcomes differ', () => {
    const params = t.header.slice(3, -2);
    expect(params.length).toBeGreaterThan(10);
    for (let i = 0; i < N; i++) expect(t.rows[N + i].slice(3, -2)).toEqual(t.rows[i].slice(3, -2));
    const d = t.numbers('cumulativeDefections_2035');
    const open = d.slice(0, N);
    const closed = d.slice(N);
    expect(open.some((x, i) => x !== closed[i])).toBe(true);
    // The parole programme adds defections in every run, and never removes any.
    expect(open.every((x, i) => x >= closed[i])).toBe(true);
  });
});

describe('brigadas runs: typed columns in every format', () => {
  const args = ['--runs', '40', '--seed', '8', '--sweep', 'paroleOpen=2027-01:true,false', '--sweep', 'retentionCap=2028-01:0.5', '--outcomes', 'healthWorkersAbroad@2030,stateRevenueUSD@2030..2035,patientsPerDoctor@2030'];
  let csv: string;
  let t: Table;
  beforeAll(async () => {
    const r = await cli('runs', BASELINE, '--quiet', ...args);
    expect(r.code).toBe(0);
    csv = r.stdout;
    t = table(csv);
  });

  it('CSV: header names are identifiers; ints, floats and bools read as pandas would infer them', () => {
    const c = loadScenarioFile(BASELINE);
    const integer = new Set(uncertainParameters(c.parameters).filter((p) => p.integer).map((p) => p.name));
    expect(integer.size).toBeGreaterThan(0);
    expect(t.rows).toHaveLength(80);
    for (const name of t.header) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(new Set(t.header).size).toBe(t.header.length);
    for (const name of t.header) {
      const values = t.column(name);
      if (name === 'policy') expect(new Set(values)).toEqual(new Set(['paroleOpen=true retentionCap=0.5', 'paroleOpen=false retentionCap=0.5']));
      else if (name === 'paroleOpen') expect(values.every((v) => v === 'true' || v === 'false'), name).toBe(true);
      else if (name === 'run' || integer.has(name)) expect(values.every((v) => /^-?\d+$/.test(v)), name).toBe(true);
      else expect(values.every((v) => v === '' || v.includes('.') || v.includes('e') || /Inf$/.test(v)), name).toBe(true);
    }
    // A swept number lever is a float column.
    expect(t.column('retentionCap').every((v) => v === '0.5')).toBe(true);
  });

  it('JSON: an array of row objects with the same values as the CSV', async () => {
    const r = await cli('runs', BASELINE, '--quiet', ...args, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(80);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(t.header);
      t.header.forEach((name, k) => {
        const text = t.rows[i][k];
        const v = row[name];
        if (typeof v === 'string') expect(v).toBe(text);
        else if (typeof v === 'boolean') expect(String(v)).toBe(text);
        else if (v === null) expect(text).toBe('');
        else expect(v).toBe(Number(text));
      });
    });
  });

  it('Parquet: read back with hyparquet, the same values as the CSV', async () => {
    const out = join(dir, 'typed.parquet');
    const r = await cli('runs', BASELINE, '--quiet', ...args, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
    expect(rows).toHaveLength(80);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(t.header);
      t.header.forEach((name, k) => {
        const text = t.rows[i][k];
        const v = row[name];
        if (typeof v === 'bigint') expect(String(v)).toBe(text);
        else if (typeof v === 'string') expect(v).toBe(text);
        else if (typeof v === 'boolean') expect(String(v)).toBe(text);
        else if (v === null) expect(text).toBe('');
        else expect(v).toBe(Number(text));
      });
    });
  });
});

describe('brigadas runs: refusals, exit codes and nothing left behind', () => {
  async function refused(code: number, ...args: string[]): Promise<string> {
    const r = await cli('runs', ...args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/^brigadas: [^\n]+\n$/);
    return r.stderr;
  }

  it('an unknown metric in --outcomes: exit 2, the nearest name suggested, no file made', async () => {
    const out = join(dir, 'unknown.csv');
    const e = await refused(2, BASELINE, '--outcomes', 'healthWorkersAbrod@2030', '--out', out);
    expect(e).toBe("brigadas: --outcomes: 'healthWorkersAbrod@2030': no metric 'healthWorkersAbrod' (did you mean 'healthWorkersAbroad'?)\n");
    expect(existsSync(out)).toBe(false);
  });

  it('a year outside the horizon: exit 2', async () => {
    const e = await refused(2, BASELINE, '--outcomes', 'healthWorkersAbroad@2050');
    expect(e).toBe("brigadas: --outcomes: 'healthWorkersAbroad@2050': year 2050 is outside the scenario's years 2003..2040\n");
  });

  it('--format parquet without --out: exit 2', async () => {
    const e = await refused(2, BASELINE, '--runs', '3', '--format', 'parquet');
    expect(e).toMatch(/Parquet file is binary: give --out FILE\.parquet/);
  });

  it('an out-of-range --sweep value: exit 2, no file made', async () => {
    const out = join(dir, 'range.csv');
    const e = await refused(2, BASELINE, '--runs', '3', '--sweep', 'retentionCap=2027-01:0.5,2', '--out', out);
    expect(e).toBe("brigadas: --sweep 'retentionCap=2027-01:0.5,2': 2 is outside retentionCap's range, 0 to 1 (share)\n");
    expect(existsSync(out)).toBe(false);
  });

  it('--out naming the scenario file itself: refused, the file untouched', async () => {
    const sub = join(dir, 'self');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    copyFileSync(join(ROOT, 'scenarios/priors.yaml'), join(sub, 'priors.yaml'));
    copyFileSync(join(ROOT, 'scenarios/baseline.yaml'), join(sub, 'baseline.yaml'));
    const before = readFileSync(join(sub, 'baseline.yaml'));
    for (const target of ['baseline.yaml', 'priors.yaml']) {
      const r = await cli('runs', join(sub, 'baseline.yaml'), '--runs', '3', '--out', join(sub, target), '--force');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(join(sub, 'baseline.yaml')).equals(before)).toBe(true);
    expect(readdirSync(sub).sort()).toEqual(['baseline.yaml', 'priors.yaml']);
  });

  it('an interrupted run leaves no --out file and no temporary file (exit 130)', async () => {
    const sub = join(dir, 'interrupted');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const out = join(sub, 'runs.csv');
    const controller = new AbortController();
    let stderr = '';
    let progress = 0;
    const code = await main(['runs', BASELINE, '--runs', '1500', '--workers', '1', '--out', out], {
      stdout: () => {},
      // Interrupt at the first progress line: the first chunk is then written to the temporary file.
      stderr: (t) => {
        stderr += t;
        if (t.includes('runs ') && progress++ === 0) {
          expect(readdirSync(sub)).toEqual([`.runs.csv.${process.pid}.tmp`]);
          controller.abort();
        }
      },
      stderrIsTTY: true,
      interrupt: controller.signal,
    });
    expect(progress).toBeGreaterThan(0);
    expect(code).toBe(130);
    expect(stderr).toMatch(/brigadas: interrupted; nothing was written\n$/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an existing --out file is kept when a run fails', async () => {
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'old\n');
    await refused(2, BASELINE, '--outcomes', 'nope@2030', '--out', out, '--force');
    expect(readFileSync(out, 'utf8')).toBe('old\n');
  });
});

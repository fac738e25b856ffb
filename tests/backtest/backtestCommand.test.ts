// `brigadas backtest`: the baseline against the project's history with few runs, its formats, and its errors.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliProcess, ROOT, STACK_LINE, tempDir } from '../cli/harness.js';
import { HEADER } from './targetsText.js';

interface BacktestJson {
  scenario: { name: string };
  targets: string;
  runs: number;
  results: { id: string; fit: string; anchor: string[]; family: string; inside: boolean; pinned: boolean; p5: number | null; p50: number | null; p95: number | null; relativeError: number | null }[];
  summary: {
    heldoutAnchorFree: { targets: number; inside: number };
    all: { targets: number; inside: number };
    fit: { targets: number };
    heldout: { targets: number };
    anchors: { targets: number };
    excluded: number;
    pinned: number;
    bySeries: { series: string }[];
    byFamily: { family: string; targets: number }[];
  };
}

describe('brigadas backtest', () => {
  it('runs the baseline against data/history.csv by default and prints each target and the coverage', async () => {
    const r = await cli('backtest', '--runs', '20');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^brigadas \S+ {2}backtest: baseline \(scenarios\/baseline\.yaml\)\ntargets: data\/history\.csv {2}runs: 20 {2}seed: 1\n/);
    expect(r.stdout).toMatch(/^(ok|MISS) +H05 +healthWorkersAbroad +2015-09 +50\.0k /m);
    expect(r.stdout.split('\n')[2]).toMatch(/^held out, anchor-free: \d+\/\d+ met \(\d+%\), the test of prediction: /);
    expect(r.stdout).toMatch(/^coverage: targets whose observation meets the band \(\d+ excluded targets not counted\)$/m);
    expect(r.stdout).toMatch(/^(ok|MISS) +H09 .* heldout +anchor$/m);
    for (const row of ['held out, anchor-free', 'all', 'fit', 'held out', 'anchors', '  health workers abroad', '  parole approvals \\(US fiscal year\\)', '  cuban-state', '  us-government']) {
      expect(r.stdout).toMatch(new RegExp(`^${row} +\\d+/\\d+ +\\d+%`, 'm'));
    }
    expect(r.stdout).toMatch(/^(ok|MISS) +R03 +reportedHealthExportsUSD +2018 /m);
  });

  it('--format json gives every target with its band and verdict, and the summary', async () => {
    const r = await cli('backtest', 'scenarios/baseline.yaml', '--runs', '20', '--seed', '3', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as BacktestJson;
    expect(j.scenario.name).toBe('baseline');
    expect(j.runs).toBe(20);
    const counted = j.results.filter((x) => x.fit !== 'excluded');
    expect(j.summary.all.targets).toBe(counted.length);
    expect(j.summary.all.inside).toBe(counted.filter((x) => x.inside).length);
    expect(j.summary.fit.targets + j.summary.heldout.targets).toBe(counted.length);
    expect(j.summary.excluded).toBe(j.results.length - counted.length);
    // The headline holds the held-out targets that anchor nothing; the family rows split the counted targets.
    expect(j.summary.heldoutAnchorFree.targets).toBe(counted.filter((x) => x.fit === 'heldout' && x.anchor.length === 0).length);
    expect(j.summary.anchors.targets).toBe(counted.filter((x) => x.anchor.length > 0).length);
    expect(j.summary.byFamily.reduce((n, c) => n + c.targets, 0)).toBe(counted.length);
    expect(j.summary.pinned).toBe(counted.filter((x) => x.pinned).length);
    for (const x of j.results) {
      expect(x.p50, x.id).not.toBeNull();
      expect(x.p5 as number, x.id).toBeLessThanOrEqual(x.p50 as number);
      expect(x.p50 as number, x.id).toBeLessThanOrEqual(x.p95 as number);
    }
  });

  it('the same seed gives the same output', async () => {
    const a = await cli('backtest', '--runs', '10', '--seed', '7', '--format', 'json');
    const b = await cli('backtest', '--runs', '10', '--seed', '7', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('brigadas backtest with other targets', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('judges a targets file given with --targets', async () => {
    const file = join(dir, 't.csv');
    writeFileSync(file, `${HEADER}\nT1,workers,healthWorkersAbroad,2015,lower_bound,1,,,health workers,src,X086,fit,none,scholarly,\n`);
    const r = await cli('backtest', '--runs', '5', '--targets', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok +T1 +healthWorkersAbroad +2015 +>= 1 /m);
    expect(r.stdout).toMatch(/^all +1\/1 +100%/m);
  });

  it('a bad targets file: every problem located, exit 3, nothing on stdout', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${HEADER}\nT1,s,healthWorkersAbraod,2015,point,1,,,u,src,X086,fit,none,scholarly,\nT2,s,paroleApprovals,2015-06,point,1,,,u,src,X086,fit,none,scholarly,\n`);
    const r = await cli('backtest', '--runs', '5', '--targets', file);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file}:2:6: unknown metric 'healthWorkersAbraod'; did you mean 'healthWorkersAbroad'? (brigadas run --format csv lists them all)\n` +
        `${file}:3:22: a month gives a value at a moment: for a yearly total give a year, FYyyyy or a span; 'paroleApprovals' is a total over each year (persons/year)\n`,
    );
  });

  it('a missing targets file is a usage error (exit 2)', async () => {
    const r = await cli('backtest', '--runs', '5', '--targets', join(dir, 'none.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brigadas: --targets: cannot read .*none\.csv: no such file\n$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('bad options are usage errors', async () => {
    expect((await cli('backtest', '--runs', '0')).code).toBe(2);
    expect((await cli('backtest', '--format', 'xml')).code).toBe(2);
  });

  it('finds its default scenario and targets from the package, whatever the working directory', () => {
    cliProcess('--version'); // builds dist/ if it is missing
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'brigadas.js'), 'backtest', '--runs', '3'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`backtest: baseline (${join(ROOT, 'scenarios', 'baseline.yaml')})`);
    expect(r.stdout).toContain(`targets: ${join(ROOT, 'data', 'history.csv')}`);
  });
});

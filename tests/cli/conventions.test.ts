// Conventions every command keeps: bare `brigadas` is a usage error, help ends with examples, --quiet
// wherever there is progress, one `brigadas:` prefix for messages not located in a file, and --format
// csv for the tables of backtest and calibrate.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cli, cliProcess, repoPath, STACK_LINE } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const PRIORS = repoPath('scenarios/priors.yaml');
const COMMANDS = ['run', 'validate', 'schema', 'backtest', 'calibrate', 'compare', 'sensitivity', 'dashboard'];

/** Parses CSV as RFC 4180 writes it (quoted fields, doubled quotes), for checking what the commands print. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  expect(field, 'CSV ends with a newline').toBe('');
  return rows;
}

const cell = (v: number | null) => (v === null ? '' : String(v));

describe('bare brigadas', () => {
  it('prints the help on stderr and exits 2, in-process and as a real process', async () => {
    for (const r of [await cli(), cliProcess()]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Usage: brigadas \[options\] \[command\]\n/);
      expect(r.stderr).toMatch(/\nExamples:\n {2}\$ brigadas run /);
    }
  });

  it('help asked for is still exit 0 on stdout', async () => {
    for (const args of [['--help'], ['help'], ['help', 'run'], ['run', '--help']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: brigadas/);
    }
  });
});

describe('help', () => {
  for (const command of COMMANDS) {
    it(`brigadas ${command} --help ends with 1-3 examples of brigadas ${command}`, async () => {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      const examples = /\nExamples:\n((?: {2}\$ brigadas .*\n)+)$/.exec(r.stdout);
      expect(examples, r.stdout).not.toBeNull();
      const lines = examples![1].trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const l of lines) expect(l).toMatch(new RegExp(`^ {2}\\$ brigadas ${command}\\b`));
    });
  }

  for (const command of ['run', 'compare', 'sensitivity', 'calibrate', 'backtest']) {
    it(`brigadas ${command} takes --out, --force and --quiet`, async () => {
      const r = await cli(command, '--help');
      for (const option of ['-o, --out <file>', '--force', '-q, --quiet']) expect(r.stdout).toContain(option);
    });
  }

  it('brigadas dashboard takes --quiet', async () => {
    expect((await cli('dashboard', '--help')).stdout).toContain('-q, --quiet');
  });
});

describe('--quiet', () => {
  // A terminal's stderr shows the progress line; --quiet hides it. The harness's stderr is no terminal.
  async function stderrOnTerminal(...argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await main(argv, { stdout: () => {}, stderr: (t) => void (stderr += t), stderrIsTTY: true });
    return { code, stderr };
  }
  const cases: [string, string[]][] = [
    ['run', ['run', BASELINE, '--runs', '300', '--format', 'csv']],
    ['backtest', ['backtest', PRIORS, '--runs', '300']],
    ['calibrate', ['calibrate', PRIORS, '--draws', '300']],
    ['sensitivity', ['sensitivity', PRIORS, '-m', 'defections', '-y', '2010', '--samples', '3']],
  ];
  for (const [name, argv] of cases) {
    it(`${name}: a progress line on a terminal, none with --quiet`, async () => {
      const shown = await stderrOnTerminal(...argv);
      expect(shown.code).toBe(0);
      expect(shown.stderr).toMatch(/runs \d+\/\d+ \(\d+%\)/);
      const quiet = await stderrOnTerminal(...argv, '--quiet');
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
    });
  }

  it('compare takes it (it shows no progress line)', async () => {
    const r = await stderrOnTerminal('compare', PRIORS, PRIORS, '--runs', '2', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('one prefix for messages not located in a file', () => {
  it('commander\'s errors and brigadas\' own begin with "brigadas: "', async () => {
    const calls = [
      ['simulate'],
      ['run'],
      ['run', BASELINE, '--runs', '0'],
      ['run', BASELINE, '--format', 'xml'],
      ['run', BASELINE, '--bogus'],
      ['backtest', '--targets', 'no-such.csv'],
      ['run', BASELINE, '--out', ''],
      ['compare', BASELINE],
    ];
    for (const argv of calls) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).not.toMatch(STACK_LINE);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0], argv.join(' ')).toMatch(/^brigadas: /);
      for (const l of lines.slice(1)) expect(l, argv.join(' ')).toBe('(run brigadas --help for usage)');
    }
  });

  it('located problems are file:line:col', async () => {
    const r = await cli('run', repoPath('tests/fixtures/bad/unknown-lever.yaml'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^\S+unknown-lever\.yaml:\d+:\d+: /);
  });
});

describe('--format csv for the tables of backtest and calibrate', () => {
  it('backtest: one row per target, the numbers of the JSON, free text quoted', async () => {
    const args = ['backtest', PRIORS, '--runs', '20', '--seed', '3'];
    const r = await cli(...args, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['id', 'series', 'metric', 'period', 'kind', 'observedLow', 'observedHigh', 'unit', 'set', 'anchor', 'family', 'p5', 'p50', 'p95', 'inside', 'pinned', 'relativeError']);
    const j = JSON.parse((await cli(...args, '--format', 'json')).stdout) as {
      results: {
        id: string;
        series: string;
        metric: string;
        period: string;
        kind: string;
        unit: string;
        fit: string;
        anchor: string[];
        family: string;
        p5: number | null;
        p50: number | null;
        p95: number | null;
        inside: boolean;
        pinned: boolean;
        relativeError: number | null;
        observed: { value?: number; low?: number; high?: number };
      }[];
    };
    expect(rows.slice(1)).toHaveLength(j.results.length);
    j.results.forEach((t, k) => {
      const row = rows[k + 1];
      expect(row.slice(0, 5), t.id).toEqual([t.id, t.series, t.metric, t.period, t.kind]);
      const anchor = t.anchor.length === 0 ? 'none' : t.anchor.join(';');
      expect(row.slice(7), t.id).toEqual([t.unit, t.fit, anchor, t.family, cell(t.p5), cell(t.p50), cell(t.p95), String(t.inside), String(t.pinned), cell(t.relativeError)]);
      const [low, high] = row.slice(5, 7);
      if (t.kind === 'range') expect([low, high]).toEqual([String(t.observed.low), String(t.observed.high)]);
      if (t.kind === 'point') expect([low, high]).toEqual([String(t.observed.value), String(t.observed.value)]);
      if (t.kind === 'lower_bound') expect([low, high]).toEqual([String(t.observed.value), '']);
      if (t.kind === 'upper_bound') expect([low, high]).toEqual(['', String(t.observed.value)]);
    });
    // The history's series and units hold commas and brackets: they must come back whole.
    expect(rows.some((row) => row[1].includes('(US fiscal year)'))).toBe(true);
  });

  it("calibrate: each parameter's prior and posterior p5, p50, p95, as in the JSON", async () => {
    const args = ['calibrate', PRIORS, '--draws', '100', '--seed', '2'];
    const r = await cli(...args, '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['parameter', 'distribution', 'p5', 'p50', 'p95', 'informed']);
    const j = JSON.parse((await cli(...args, '--format', 'json')).stdout) as {
      parameters: { name: string; informed: boolean; prior: { p5: number; p50: number; p95: number }; posterior: { p5: number; p50: number; p95: number } }[];
    };
    const expected = j.parameters.flatMap((p) =>
      (['prior', 'posterior'] as const).map((d) => [p.name, d, String(p[d].p5), String(p[d].p50), String(p[d].p95), String(p.informed)]),
    );
    expect(rows.slice(1)).toEqual(expected);
  });
});

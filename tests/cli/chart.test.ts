// brigadas chart: a metric's fan chart to SVG (stdout or a file) or PNG (a file), on every shipped scenario;
// its refusals are located and leave nothing behind. The SVG's structure is tested in tests/figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, repoPath, STACK_LINE, tempDir } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const SCENARIOS = readdirSync(repoPath('scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('brigadas chart', () => {
  it.each(SCENARIOS)('draws %s as SVG on stdout', async (file) => {
    const r = await cli('chart', repoPath(`scenarios/${file}`), '--runs', '60', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg [^>]*role="img"/);
    expect(r.stdout).toContain('<title id="chart-title">healthWorkersAbroad, ');
    expect(r.stdout.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('writes a PNG by its --out name, with the comparison; the same bytes on 1 and 2 workers', () => {
    const { dir, cleanup } = tempDir();
    try {
      const outs = [1, 2].map((w) => {
        const out = join(dir, `parole-${w}.png`);
        const r = cliProcess('chart', 'scenarios/baseline.yaml', '--compare', 'scenarios/parole-reinstated-2027.yaml', '--metric', 'defections', '--years', '2015..2035', '--runs', '2000', '--workers', String(w), '--out', out, '--quiet');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        return readFileSync(out);
      });
      expect(outs[0].subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(outs[0].equals(outs[1])).toBe(true);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('refuses a misspelt metric with a suggestion, exit 2, and writes nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'x.svg');
      const r = await cli('chart', BASELINE, '--metric', 'defection', '--out', out, '--runs', '10', '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--metric: no metric 'defection' (did you mean 'defections'?)");
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(existsSync(out)).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('refuses a PNG without --out, years outside the horizon, and a span that is not one', async () => {
    const png = await cli('chart', BASELINE, '--format', 'png', '--runs', '10', '--quiet');
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('a PNG is binary: give --out NAME.png');
    const years = await cli('chart', BASELINE, '--years', '1990..2030', '--runs', '10', '--quiet');
    expect(years.code).toBe(2);
    expect(years.stderr).toMatch(/--years: the scenario reports \d{4} to \d{4}; 1990 is outside it/);
    const span = await cli('chart', BASELINE, '--years', '2030', '--runs', '10', '--quiet');
    expect(span.code).toBe(2);
    expect(span.stderr).toContain("expected a span of years such as 2010..2040 (got '2030')");
  });

  it('will not write an SVG over a file whose name says it is something else', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'chart.csv');
      const r = await cli('chart', BASELINE, '--out', out, '--runs', '10', '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the output is an SVG chart but the name says CSV');
      expect(existsSync(out)).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('brigadas chart --kind tornado', () => {
  it("draws parole's effect on booked revenue in 2035: a bar per side per parameter, largest swing first", async () => {
    const r = await cli('chart', BASELINE, '--kind', 'tornado', '--compare', repoPath('scenarios/parole-reinstated-2027.yaml'), '--metric', 'bookedStateRevenueUSD', '--year', '2035', '--samples', '6', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svg = r.stdout;
    expect(svg).toContain('<title id="chart-title">Sensitivity: effect of parole reinstated in 2027 on bookedStateRevenueUSD in 2035</title>');
    expect(svg).toMatch(/<desc id="chart-desc">Tornado chart of effect of parole reinstated in 2027 on bookedStateRevenueUSD in 2035 in USD\/year over \d+ uncertain parameters; base [^<]+\. Largest swings: [a-zA-Z0-9]+ \(swing [^)]+\)/);
    // 12 parameters, two bars each (10th and 90th percentile), and the rule at the base.
    expect(svg.match(/<path [^>]*aria-roledescription="bar"/g)).toHaveLength(24);
    expect(svg).toContain('6 runs per bar, seed 1, design tornado');
    // The same parameters, in the same order, as `sensitivity --method tornado` ranks them.
    const json = JSON.parse((await cli('sensitivity', BASELINE, '--versus', repoPath('scenarios/parole-reinstated-2027.yaml'), '--metric', 'bookedStateRevenueUSD', '--year', '2035', '--samples', '6', '--format', 'json', '--quiet')).stdout);
    const labels = [...svg.matchAll(/<text[^>]*>([a-zA-Z0-9]+)<\/text>/g)].map((m) => m[1]);
    const order = json.bars.slice(0, 12).map((b: { parameter: string }) => b.parameter);
    expect(labels.filter((l) => order.includes(l))).toEqual(order);
  }, 120_000);

  it('refuses two alternatives and a year outside the horizon', async () => {
    const alt = repoPath('scenarios/parole-reinstated-2027.yaml');
    const two = await cli('chart', BASELINE, '--kind', 'tornado', '--compare', alt, alt, '--quiet');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--kind tornado explains one policy at a time: give one --compare file');
    const year = await cli('chart', BASELINE, '--kind', 'tornado', '--year', '2090', '--quiet');
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/2090/);
    expect(year.stderr).not.toMatch(STACK_LINE);
  });
});

describe('brigadas chart --kind backtest', () => {
  it('draws every counted target against its band, each miss crossed and named in the description', async () => {
    const r = await cli('chart', BASELINE, '--kind', 'backtest', '--runs', '300', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli('backtest', BASELINE, '--runs', '300', '--format', 'json', '--quiet')).stdout);
    const missed: string[] = json.results.filter((t: { fit: string; inside: boolean }) => t.fit !== 'excluded' && !t.inside).map((t: { id: string }) => t.id);
    expect(missed.length).toBeGreaterThan(0);
    const desc = /<desc id="chart-desc">([^<]*)<\/desc>/.exec(r.stdout)![1];
    expect(desc).toContain(`Missed: ${missed.join(', ')}.`);
    // One cross per miss (point marks with the cross shape), and a row label per target.
    expect(r.stdout.match(/aria-roledescription="point"/g)).toHaveLength(missed.length);
    for (const id of missed) expect(r.stdout).toMatch(new RegExp(`<text[^>]*>${id} `));
  }, 120_000);

  it('refuses --compare: a back-test judges one scenario', async () => {
    const r = await cli('chart', BASELINE, '--kind', 'backtest', '--compare', repoPath('scenarios/parole-reinstated-2027.yaml'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--kind backtest judges one scenario: leave out --compare');
  });
});

describe('brigadas chart --kind sobol', () => {
  it("draws the indices `sensitivity --method sobol` gives: S1 and ST per factor with whiskers, the random streams last", async () => {
    const args = ['--metric', 'healthWorkersAbroad', '--year', '2030', '--samples', '40', '--quiet'];
    const r = await cli('chart', BASELINE, '--kind', 'sobol', ...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svg = r.stdout;
    expect(svg).toContain('<title id="chart-title">Sobol indices: healthWorkersAbroad in 2030</title>');
    expect(svg).toContain('40 base samples (');
    expect(svg).toContain('design Saltelli');
    const json = JSON.parse((await cli('sensitivity', BASELINE, '--method', 'sobol', ...args, '--format', 'json')).stdout);
    // The description names the three largest total indices in sensitivity's order, and the random streams.
    const top = json.indices.slice(0, 3).map((e: { parameter: string }) => e.parameter);
    const desc = /<desc id="chart-desc">([^<]*)<\/desc>/.exec(svg)![1];
    const largest = /Largest total indices: ([^;]*);/.exec(desc)![1];
    expect([...largest.matchAll(/([a-zA-Z0-9]+) \(total /g)].map((m) => m[1])).toEqual(top);
    expect(desc).toContain("the runs' random streams (total ");
    // 12 factors and the random streams, two bars each, and a whisker per bar.
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(26);
    const labels = [...svg.matchAll(/<text[^>]*>([a-zA-Z0-9]+|\(random streams of the run\))<\/text>/g)].map((m) => m[1]);
    const order = [...json.indices.slice(0, 12).map((e: { parameter: string }) => e.parameter), '(random streams of the run)'];
    expect(labels.filter((l) => order.includes(l))).toEqual(order);
  }, 120_000);

  it('refuses a quantity the same in every run: it has no variance to explain', async () => {
    const r = await cli('chart', BASELINE, '--kind', 'sobol', '--metric', 'paroleAdmitted', '--year', '2003', '--samples', '4', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('paroleAdmitted in 2003 is the same in every run (variance 0): there is nothing for Sobol indices to explain');
    expect(r.stdout).toBe('');
  }, 60_000);

  it('refuses too few samples and a memory it would exceed, before any run', async () => {
    const few = await cli('chart', BASELINE, '--kind', 'sobol', '--samples', '1', '--quiet');
    expect(few.code).toBe(2);
    expect(few.stderr).toContain('--samples 1: sobol needs at least 2');
    const big = await cli('chart', BASELINE, '--kind', 'sobol', '--samples', '1000000', '--quiet');
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('chart --kind sobol --samples 1000000 with ');
    expect(big.stderr).toMatch(/would need about [\d.]+ [GT]B of memory, above the limit of 4\.0 GB; use --samples \d+ or fewer/);
    expect(big.stderr).not.toMatch(STACK_LINE);
  });
});

describe('brigadas chart --kind prim', () => {
  it("draws discover's trajectory, the box discover chooses ringed and named", async () => {
    const args = ['--outcome', 'healthWorkersAbroad@2030 < 15000', '--runs', '1500', '--min-coverage', '0.6', '--quiet'];
    const r = await cli('chart', BASELINE, '--kind', 'prim', ...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli('discover', BASELINE, ...args, '--format', 'json')).stdout);
    const svg = r.stdout;
    expect(svg).toContain('<title id="chart-title">Scenario discovery: when is healthWorkersAbroad@2030 &lt; 15000?</title>');
    // A point per box of the trajectory, one ring for the chosen box.
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(json.trajectory.length + 1);
    const b = json.chosen;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    expect(svg).toContain(`Chosen: step ${b.step}, coverage ${pct(b.coverage)}, density ${pct(b.density)}`);
    expect(svg).toContain('1,500 runs, seed 1, design mc');
    expect(svg).toContain('at least 60% of the cases of interest');
  }, 120_000);

  it('needs --outcome, takes no --compare, and refuses options of other kinds', async () => {
    const none = await cli('chart', BASELINE, '--kind', 'prim', '--quiet');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--kind prim needs --outcome');
    const compare = await cli('chart', BASELINE, '--kind', 'prim', '--outcome', 'defections@2030 > 100', '--compare', repoPath('scenarios/parole-reinstated-2027.yaml'), '--quiet');
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('--kind prim searches one scenario: leave out --compare');
    const bad = await cli('chart', BASELINE, '--kind', 'prim', '--outcome', 'defectoins@2030 > 100', '--quiet');
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    const stray = await cli('chart', BASELINE, '--outcome', 'defections@2030 > 100', '--quiet');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--outcome is for --kind prim, not --kind fan');
    const year = await cli('chart', BASELINE, '--kind', 'backtest', '--year', '2030', '--quiet');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year is for --kind tornado or sobol, not --kind backtest');
 
    // Options with defaults count only when typed: --metric with prim, --runs and --design with a sensitivity design.
    for (const [args, text] of [
      [['--kind', 'prim', '--outcome', 'defections@2030 > 100', '--metric', 'defections'], '--metric is for --kind fan or tornado or sobol, not --kind prim'],
      [['--kind', 'sobol', '--runs', '50'], '--runs is for --kind fan or backtest or prim, not --kind sobol'],
      [['--kind', 'tornado', '--design', 'lhs'], '--design is for --kind fan or prim, not --kind tornado'],
      [['--kind', 'sobol', '--min-coverage', '0.5'], '--min-coverage is for --kind prim, not --kind sobol'],
      [['--kind', 'backtest', '--height', '400'], '--height is for --kind fan or prim, not --kind backtest'],
    ] as const) {
      const r = await cli('chart', BASELINE, ...args, '--quiet');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
    }
  });

  it('says when no run is a case of interest, and draws the whole space alone', async () => {
    const r = await cli('chart', BASELINE, '--kind', 'prim', '--outcome', 'healthWorkersAbroad@2030 < 0', '--runs', '200', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('brigadas: note: no run is a case of interest (healthWorkersAbroad@2030 < 0): nothing to find, the chart shows the whole space alone\n');
    expect(r.stdout).toContain('PRIM found nothing to search: no run is a case of interest (200 runs, 0 cases)');
    expect(r.stdout).toContain('Nothing to find: no run is a case of interest');
    expect(r.stdout.match(/aria-roledescription="point"/g)).toHaveLength(2);
  }, 60_000);
});

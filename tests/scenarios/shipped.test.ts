// Every shipped scenario validates, runs and gives finite medians; the committed JSON Schema is what the CLI
// prints, and every scenario points editors at it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, KEY_METRICS, repoPath, runJson } from '../cli/harness.js';

const SCENARIOS = readdirSync(repoPath('scenarios'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

describe('shipped scenarios', () => {
  it('include the baseline and the policy scenarios', () => {
    for (const name of ['baseline', 'parole-never', 'parole-reinstated-2027', 'retention-cap-50']) expect(SCENARIOS).toContain(`${name}.yaml`);
  });

  for (const name of SCENARIOS) {
    describe(name, () => {
      const file = repoPath(`scenarios/${name}`);

      it('starts with the yaml-language-server schema line', () => {
        expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
      });

      it('validates (exit 0)', async () => {
        const r = await cli('validate', file);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}: ok \\(`));
      });

      it('runs 20 times with finite medians of the key metrics every year', async () => {
        const report = await runJson(file, 20, 11);
        expect(report.years.length).toBeGreaterThan(0);
        for (const metric of KEY_METRICS) {
          report.metrics[metric].p50.forEach((v, y) => expect(Number.isFinite(v), `${metric} ${report.years[y]}: ${String(v)}`).toBe(true));
        }
      });
    });
  }
});

describe('JSON Schema', () => {
  const committed = () => readFileSync(repoPath('schema/scenario.schema.json'), 'utf8');

  it('brigadas schema prints the committed schema/scenario.schema.json (in-process)', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    // If this fails after a schema change, regenerate with `npm run schema` and commit the file.
    expect(r.stdout).toBe(committed());
  });

  it('the real executable prints it too', () => {
    const r = cliProcess('schema');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(committed());
  });
});

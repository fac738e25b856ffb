// The shipped baseline is the output of `brigadas calibrate` on the shipped priors: the command its header
// records regenerates it byte for byte, the policy scenarios build on it, and it keeps the back-test's checks.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repoPath, tempDir } from '../cli/harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
const text = readFileSync(BASELINE, 'utf8');

interface Summary {
  heldout: { inside: number };
  bySeries: { series: string; inside: number }[];
}
interface BacktestJson {
  results: { id: string; series: string; fit: string; relativeError: number | null }[];
  summary: Summary;
}

async function backtest(file: string): Promise<BacktestJson> {
  const r = await cli('backtest', file, '--runs', '1000', '--seed', '1', '--format', 'json');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as BacktestJson;
}

describe('scenarios/baseline.yaml', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('is what the command in its header writes from scenarios/priors.yaml', async () => {
    const command = /^# {3}npx (brigadas calibrate .*)$/m.exec(text)?.[1];
    expect(command).toMatch(/^brigadas calibrate priors\.yaml --draws \d+ --seed \d+ --keep [\d.]+ --out baseline\.yaml$/);
    // The paths it records are relative to the file's folder: run it on a copy of the priors in another one.
    copyFileSync(repoPath('scenarios/priors.yaml'), join(dir, 'priors.yaml'));
    const args = (command as string)
      .split(' ')
      .slice(1)
      .map((w) => (w.endsWith('.yaml') ? join(dir, w) : w));
    const r = await cli(...args, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // If this fails after a change to the model, the priors or data/history.csv, regenerate the baseline with
    // `npx brigadas calibrate scenarios/priors.yaml --out scenarios/baseline.yaml` and check docs/MODEL.md.
    expect(readFileSync(join(dir, 'baseline.yaml'), 'utf8')).toBe(text);
  });

  it('extends the priors, and every policy scenario extends it', () => {
    expect(text).toMatch(/^extends: priors\.yaml\nname: baseline$/m);
    const policies = readdirSync(repoPath('scenarios')).filter((f) => f.endsWith('.yaml') && f !== 'baseline.yaml' && f !== 'priors.yaml');
    expect(policies.length).toBeGreaterThan(3);
    // Directly, or through another policy scenario (a variant of a policy extends the policy).
    const parent = (f: string) => /^extends: (\S+)$/m.exec(readFileSync(repoPath(`scenarios/${f}`), 'utf8'))?.[1];
    for (const f of policies) {
      let at: string | undefined = f;
      for (let hops = 0; at !== undefined && at !== 'baseline.yaml' && hops < 5; hops++) at = parent(at);
      expect(at, f).toBe('baseline.yaml');
    }
  });

  it('meets some target in every series, keeps health workers abroad within 25%, and holds out as well as the priors', async () => {
    const [calibrated, priors] = [await backtest(BASELINE), await backtest(repoPath('scenarios/priors.yaml'))];
    for (const s of calibrated.summary.bySeries) expect(s.inside, s.series).toBeGreaterThan(0);
    for (const t of calibrated.results.filter((x) => x.series === 'health workers abroad')) expect(Math.abs(t.relativeError ?? Infinity), t.id).toBeLessThanOrEqual(0.25);
    expect(calibrated.summary.heldout.inside).toBeGreaterThanOrEqual(priors.summary.heldout.inside);
  });
});

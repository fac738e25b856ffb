// Shared helpers for the command-line tests: run `main` in-process or as a real process, and read what it said.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A repository path as a user would type it: relative to the working directory (the root under vitest). */
export function repoPath(path: string): string {
  return relative(process.cwd(), join(ROOT, path)) || '.';
}

/** What one command printed and the exit code it returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the brigadas command line in this process, capturing what it writes. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const BIN = join(ROOT, 'bin', 'brigadas.js');

/** Runs `node bin/brigadas.js` as a real process (building dist/ first if it is missing). */
export function cliProcess(...argv: string[]): CliResult {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  }
  // JSON of a comparison runs to megabytes: spawnSync's default 1 MB buffer would kill the child.
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status === null) throw new Error(`brigadas ${argv.join(' ')} did not exit: ${String(r.signal)}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A line of a JavaScript stack trace, which users must never see. */
export const STACK_LINE = /^\s+at\s/m;

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Makes a fresh temporary folder and returns it with a function that removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'brigadas-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The key metrics every report must carry. */
export const KEY_METRICS = [
  'doctorsAbroad',
  'healthWorkersAbroad',
  'domesticDoctors',
  'patientsPerDoctor',
  'defections',
  'paroleApprovals',
  'cumulativeDefections',
  'domesticEmigration',
  'hostPaymentsUSD',
  'stateRevenueUSD',
  'workerPayUSD',
  'retentionShare',
] as const;

/** The statistics of each metric, in report order. */
export const STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

/** The shape of `run --format json`, as far as these tests read it. */
export interface JsonReport {
  brigadas: string;
  scenario: { name: string; file: string; sha256: string };
  seed: number;
  runs: number;
  years: number[];
  model: { stocks: string[]; flows: { name: string; from: string | null; to: string | null }[] };
  metrics: Record<string, { unit: string; kind: string } & Record<(typeof STATS)[number], (number | null)[]>>;
}

/** Runs a scenario in-process and returns its parsed JSON report; fails loudly if the run fails. */
export async function runJson(scenario: string, runs: number, seed: number): Promise<JsonReport> {
  const r = await cli('run', scenario, '--runs', String(runs), '--seed', String(seed), '--format', 'json');
  if (r.code !== 0) throw new Error(`run ${scenario} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonReport;
}

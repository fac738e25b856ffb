import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const CORE = ['random', 'stats', 'model', 'scenario', 'montecarlo', 'report', 'compare', 'sensitivity', 'backtest', 'testing', 'api', 'discovery'];

// Which of our folders each layer may import: dependencies point one way, toward random and stats.
const ALLOWED: Record<string, string[]> = {
  random: [],
  stats: [],
  model: ['random'],
  scenario: ['model', 'random'],
  montecarlo: ['model', 'random', 'scenario', 'stats'],
  report: ['model', 'montecarlo', 'scenario', 'stats'],
  compare: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  sensitivity: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  backtest: ['model', 'montecarlo', 'report', 'scenario', 'stats'],
  testing: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  discovery: ['random', 'stats'],
  // The library's file loading goes through the CLI's file-system port, the one place that reads files.
  api: ['cli', 'compare', 'model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  for (const layer of CORE) {
    const files = sources(join('src', layer));
    it(`${layer} never touches the file system, the process, the console, clocks or Math.random`, () => {
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        expect(text, f).not.toMatch(/from 'node:(fs|child_process|worker_threads|process)'|from 'fs'/);
        expect(text, f).not.toMatch(/\bprocess\.|\bconsole\.|Math\.random|Date\.now|new Date\(/);
      }
    });
    it(`${layer} imports only ${ALLOWED[layer].join(', ') || 'nothing'} of ours`, () => {
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        for (const m of text.matchAll(/from '\.\.\/([a-z]+)\//g)) {
          expect(ALLOWED[layer], `${f} imports ../${m[1]}`).toContain(m[1]);
        }
      }
    });
  }

  it('the version printed in results is the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('.npmrc keeps engine-strict and leaves registry addresses out of the lockfile', () => {
    const npmrc = readFileSync('.npmrc', 'utf8');
    expect(npmrc).toMatch(/^engine-strict=true$/m);
    expect(npmrc).toMatch(/^omit-lockfile-registry-resolved=true$/m);
    expect(readFileSync('package-lock.json', 'utf8')).not.toMatch(/"resolved": "http/);
  });
});

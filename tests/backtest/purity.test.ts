// src/backtest and src/calibration are core: no files, process, console, clocks or Math.random, and one-way imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: Record<string, string[]> = {
  backtest: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  calibration: ['backtest', 'model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
};

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('back-test layers', () => {
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    it(`${layer} stays pure and imports only ${allowed.join(', ')} of ours`, () => {
      for (const f of sources(join('src', layer))) {
        const text = readFileSync(f, 'utf8');
        expect(text, f).not.toMatch(/from 'node:(fs|child_process|worker_threads|process)'|from 'fs'/);
        expect(text, f).not.toMatch(/\bprocess\.|\bconsole\.|Math\.random|Date\.now|new Date\(/);
        for (const m of text.matchAll(/from '\.\.\/([a-z]+)\//g)) expect(allowed, `${f} imports ../${m[1]}`).toContain(m[1]);
      }
    });
  }
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// tests/architecture.test.ts does not list runtable yet: the same rules, until the lead adds it there.
const files = readdirSync(join('src', 'runtable')).filter((f) => f.endsWith('.ts')).map((f) => join('src', 'runtable', f));

describe('runtable purity', () => {
  it('never touches the file system, the process, the console, clocks or Math.random', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from 'node:|from 'fs'/);
      expect(text, f).not.toMatch(/\bprocess\.|\bconsole\.|Math\.random|Date\.now|new Date\(/);
    }
  });
  it('imports only model, scenario and stats of ours, and only hyparquet-writer from outside', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/from '\.\.\/([a-z]+)\//g)) expect(['model', 'scenario', 'stats'], `${f} imports ../${m[1]}`).toContain(m[1]);
      for (const m of text.matchAll(/from '([^.][^']*)'/g)) expect(['hyparquet-writer'], `${f} imports ${m[1]}`).toContain(m[1]);
    }
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The packages a built entry point loads, following its relative imports through dist/.
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.split('/')[0]);
    }
  };
  visit(resolve(entry));
  return packages;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('package entry points', () => {
  it('`brigadas` never loads fast-check; `brigadas/testing` does (a peer dependency of that entry only)', () => {
    expect(existsSync('dist/index.js'), 'run `npm run build` first').toBe(true);
    expect(packagesLoadedBy('dist/index.js')).not.toContain('fast-check');
    expect(packagesLoadedBy('dist/testing/index.js')).toContain('fast-check');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, unknown>>;
    expect(pkg.dependencies['fast-check']).toBeUndefined();
    expect(pkg.peerDependencies['fast-check']).toBe(pkg.devDependencies['fast-check']);
    expect(pkg.exports['./testing']).toEqual({ types: './dist/testing/index.d.ts', default: './dist/testing/index.js' });
  });

  it('the testing kit is pure and the API touches files only through the command line file port', () => {
    for (const f of sources('src/testing')) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from 'node:|\bprocess\.|\bconsole\.|Math\.random|Date\.now|new Date\(/);
      expect(text, f).not.toMatch(/from '\.\.\/(cli|api)\//);
    }
    for (const f of sources('src/api')) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from 'node:|\bprocess\.|\bconsole\.|Math\.random/);
      for (const [, path] of text.matchAll(/from '\.\.\/(cli\/[^']+)'/g)) expect(path, f).toBe('cli/nodeFilePort.js');
    }
  });
});

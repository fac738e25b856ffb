import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

// Every folder of src/ and the folders of ours it may import: dependencies point one way, toward random and
// stats, and the shell (cli, node, dashboard) sits on top. A new folder must be added here to pass.
const ALLOWED: Record<string, string[]> = {
  random: [],
  stats: [],
  model: ['random'],
  scenario: ['model', 'random'],
  design: ['random'],
  montecarlo: ['design', 'model', 'random', 'scenario', 'stats'],
  report: ['model', 'montecarlo', 'scenario', 'stats'],
  compare: ['design', 'model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  sensitivity: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  backtest: ['model', 'montecarlo', 'report', 'scenario', 'stats'],
  calibration: ['backtest', 'model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  discovery: ['random', 'stats'],
  figures: ['backtest', 'compare', 'discovery', 'model', 'montecarlo', 'random', 'report', 'scenario', 'sensitivity'],
  runtable: ['model', 'montecarlo', 'scenario', 'stats'],
  sweep: ['model', 'scenario'],
  testing: ['model', 'montecarlo', 'random', 'report', 'scenario', 'stats'],
  // The file-system port and atomic writes: the one place besides the shell that touches files.
  node: ['scenario'],
  api: ['compare', 'model', 'montecarlo', 'node', 'random', 'report', 'scenario', 'stats'],
  dashboard: ['compare', 'model', 'montecarlo', 'random', 'report', 'scenario', 'sensitivity', 'stats'],
  cli: ['backtest', 'calibration', 'compare', 'dashboard', 'design', 'discovery', 'figures', 'model', 'montecarlo', 'node', 'random', 'report', 'runtable', 'scenario', 'sensitivity', 'stats', 'sweep'],
};

// The imperative shell: only these touch files, processes and the terminal.
const SHELL = new Set(['cli', 'node', 'dashboard']);

const FOLDERS = readdirSync('src', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const FILES = sources('src');

// Each source file's relative imports (type-only ones too: a circle of types is still a circle of meaning),
// resolved to the files they name.
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = join(dirname(file), m[1]).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.tsx`].find((f) => FILES.includes(f));
    if (target !== undefined) out.push(target);
  }
  for (const m of text.matchAll(/import\((['"])(\.{1,2}\/[^'"]+)\1\)/g)) {
    const base = join(dirname(file), m[2]).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.tsx`].find((f) => FILES.includes(f));
    if (target !== undefined) out.push(target);
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

// Tarjan's strongly connected components: every component of more than one file is a circle of imports.
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

const folderOf = (file: string) => file.split(sep)[1];

describe('architecture', () => {
  it('knows every folder of src/', () => {
    expect(FOLDERS.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('has no circle of imports anywhere in src/', () => {
    expect(circles(GRAPH)).toEqual([]);
  });

  it('finds a circle of imports when there is one (the check itself)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('sees the imports of the command line (the graph is not empty)', () => {
    expect(GRAPH.get(join('src', 'cli', 'program.ts'))?.length).toBeGreaterThan(5);
  });

  it('never lets the library import the command line, and nothing import main.ts', () => {
    for (const [file, deps] of GRAPH) {
      if (folderOf(file) !== 'cli') expect(deps.filter((d) => folderOf(d) === 'cli'), file).toEqual([]);
      expect(deps, file).not.toContain(join('src', 'cli', 'main.ts'));
    }
  });

  for (const folder of FOLDERS.filter((f) => f in ALLOWED)) {
    const files = FILES.filter((f) => folderOf(f) === folder);
    if (!SHELL.has(folder)) {
      it(`${folder} never touches the file system, the process, the console, clocks or Math.random`, () => {
        for (const f of files) {
          const text = readFileSync(f, 'utf8');
          expect(text, f).not.toMatch(/from 'node:(fs|child_process|worker_threads|process)'|from 'fs'/);
          expect(text, f).not.toMatch(/\bprocess\.|\bconsole\.|Math\.random|Date\.now|new Date\(/);
        }
      });
    }
    it(`${folder} imports only ${ALLOWED[folder].join(', ') || 'nothing'} of ours`, () => {
      for (const f of files) {
        for (const d of GRAPH.get(f) ?? []) {
          const other = folderOf(d);
          if (other.endsWith('.ts') || other === folder) continue;
          expect(ALLOWED[folder], `${f} imports ${d}`).toContain(other);
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

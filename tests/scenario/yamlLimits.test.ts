// YAML that is too deep, too big or repeats itself through aliases is refused with a located diagnostic,
// never a stack overflow, a crash or a long wait; scenarios within the limits load as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { parseYaml, YAML_LIMITS } from '../../src/scenario/parseYaml.js';

/** The one diagnostic of YAML text that must be refused, as `file:line:col: message`. */
function refusal(text: string): string {
  const r = parseYaml(text, 'big.yaml');
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.errors).toHaveLength(1);
  return formatDiagnostic(r.errors[0]);
}

const DEEP = 'lists and mappings nested over 64 levels deep; a scenario needs fewer than 10';
const MANY = 'the file holds over 100,000 YAML nodes (keys, values, lists and mappings); a scenario needs a few thousand';

describe('YAML limits', () => {
  it('are the documented ones', () => {
    expect(YAML_LIMITS).toEqual({ depth: 64, nodes: 100_000, aliases: 1_000 });
  });

  it('64 levels of nesting are read; 65 are refused at the 65th', () => {
    const nested = (n: number) => `name: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    expect(parseYaml(nested(64), 'ok.yaml').ok).toBe(true);
    expect(refusal(nested(65))).toBe(`big.yaml:1:70: ${DEEP}`);
  });

  it('nesting far past the limit is refused without a stack overflow, in brackets or blocks', () => {
    const started = performance.now();
    // 2 million brackets: the yaml library alone crashes the process on such input.
    expect(refusal(`name: ${'['.repeat(2_000_000)}`)).toBe(`big.yaml:1:70: ${DEEP}`);
    expect(refusal(`a: ${'{b: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`)).toMatch(/^big\.yaml:1:\d+: lists and mappings nested over 64/);
    expect(refusal(`a:\n${'- '.repeat(100_000)}x\n`)).toMatch(/^big\.yaml:2:\d+: lists and mappings nested over 64/);
    const mapSeq = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}k:\n${' '.repeat(2 * i)}- `).join('');
    expect(refusal(`${mapSeq}x\n`)).toMatch(/^big\.yaml:\d+:\d+: lists and mappings nested over 64/);
    const maps = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(refusal(`${maps} 1\n`)).toMatch(/^big\.yaml:\d+:\d+: lists and mappings nested over 64/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('more than 100,000 nodes are refused', () => {
    expect(refusal(`name: [${Array(1_000_000).fill('1').join(',')}]\n`)).toMatch(new RegExp(`^big\\.yaml:1:\\d+: ${MANY.replace(/[()]/g, '\\$&')}$`));
    // Just past the limit (the mapping, its key, the list and its items): found exactly on the document.
    expect(refusal(`name: [${Array(YAML_LIMITS.nodes - 2).fill('1').join(',')}]\n`)).toMatch(/^big\.yaml:1:\d+: the file holds over 100,000 YAML nodes/);
    expect(parseYaml(`name: [${Array(YAML_LIMITS.nodes - 3).fill('1').join(',')}]\n`, 'ok.yaml').ok).toBe(true);
  });

  it('aliases: at most 1,000, each counted as what it repeats, never into itself, never before their anchor', () => {
    const uses = (n: number) => `a: &a 1\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(parseYaml(uses(1000), 'ok.yaml').ok).toBe(true);
    expect(refusal(uses(1001))).toBe('big.yaml:2:4005: the file holds over 1,000 aliases (*name); a scenario needs few or none');
    // 300 repeats of 400 nodes: 120,000 nodes though the text holds a few hundred.
    expect(refusal(`a: &a [${Array(399).fill('1').join(',')}]\nb: [${Array(300).fill('*a').join(',')}]\n`)).toMatch(
      /^big\.yaml:2:\d+: the alias \*a repeats 400 nodes, bringing the file over 100,000 YAML nodes; expected a scenario without alias bombs$/,
    );
    expect(refusal(`a: &a ${'['.repeat(40)}${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`)).toBe(
      'big.yaml:2:34: the alias *a repeats lists and mappings that bring the nesting over 64 levels deep; a scenario needs fewer than 10',
    );
    expect(refusal('a: &a [1, *a]\n')).toBe(
      'big.yaml:1:11: the alias *a is inside the value it names, so it would repeat forever; an alias may name only a value that ends before it',
    );
    expect(refusal('a: *b\n')).toBe('big.yaml:1:4: the alias *b names no anchor before it; expected &b on a value earlier in the file');
  });

  it('a scenario that uses a few aliases still loads (more than the yaml library allows by default)', () => {
    const baseline = readFileSync('scenarios/priors.yaml', 'utf8');
    // 150 uses of one anchor: the yaml library's default limit (100) would refuse them.
    const text = `${baseline}\nx-notes: &note just a note\nx-list: [${Array(150).fill('*note').join(', ')}]\n`;
    const r = parseYaml(text, 'notes.yaml');
    expect(r.ok).toBe(true);
    // parseScenario refuses the unknown keys, located, but nothing about their size.
    const s = parseScenario(text, 'notes.yaml');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors.every((e) => /unknown key 'x-/.test(e.message))).toBe(true);
  });
});

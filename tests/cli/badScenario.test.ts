// Bad scenario files: each must give exit 3 and located `file:line:col: message` lines on stderr that say
// what is wrong and what was expected, never a stack trace. Most fixtures extend the baseline and change one
// thing, so they also check that `extends` resolves against the fixture's own folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, escapeRegExp, repoPath, STACK_LINE, tempDir } from './harness.js';

interface BadCase {
  /** Fixture in tests/fixtures/bad/. */
  readonly fixture: string;
  /** Where the diagnostic must point: [line, col] in the fixture (or in `file` when given). */
  readonly at: readonly [number, number];
  /** The file the diagnostic must name, when it is not the fixture itself. */
  readonly file?: string;
  /** What the message must say. */
  readonly says: readonly RegExp[];
}

const bad = (name: string) => repoPath(`tests/fixtures/bad/${name}`);

const CASES: readonly BadCase[] = [
  { fixture: 'yaml-syntax.yaml', at: [4, 1], says: [/YAML syntax error/, /end with a \}/] },
  { fixture: 'duplicate-key.yaml', at: [6, 3], says: [/duplicate key 'usPressure'/, /each key may appear once in a mapping/] },
  {
    fixture: 'unknown-lever.yaml',
    at: [4, 10],
    says: [/unknown key 'levers\.parolOpen'/, /did you mean 'paroleOpen'\?/, /expected one of: paroleOpen, /],
  },
  { fixture: 'unknown-top-key.yaml', at: [4, 1], says: [/unknown key 'hots'/, /did you mean 'hosts'\?/, /expected one of: .*\bhosts\b/] },
  { fixture: 'string-in-distribution.yaml', at: [7, 10], says: [/parameters\.deploymentSpeed\.min must be a finite number \(got "low"\)/] },
  { fixture: 'list-for-mapping.yaml', at: [5, 3], says: [/levers must be a mapping \(got a list\)/] },
  // A plain value (not a schedule field): the message must not offer a schedule.
  { fixture: 'list-for-number.yaml', at: [6, 16], says: [/hosts\.brazil\.retention must be a number, true\/false or an expression \(got a list\)/] },
  { fixture: 'doctor-share-above-one.yaml', at: [6, 18], says: [/hosts\.brazil\.doctorShare must be between 0 and 1/, /\(got 1\.5\)/] },
  { fixture: 'negative-initial-workers.yaml', at: [6, 21], says: [/hosts\.solidarity\.initialWorkers must be between 0 and \d+/, /\(got -5\)/] },
  { fixture: 'negative-duration.yaml', at: [5, 3], says: [/parameters\.missionLengthYears can draw -1 to 3 years, outside its legal range 0\.08333 to 20 years$/] },
  { fixture: 'uniform-min-above-max.yaml', at: [7, 10], says: [/parameters\.deploymentSpeed: min must be <= max \(got min 0\.3 > max 0\.1\)/] },
  { fixture: 'end-before-start.yaml', at: [5, 6], says: [/end \(2002-12\) is before start \(2003-01\); expected end >= start/] },
  // The baseline's schedules begin in 2003: the fault is the child's start, not the baseline's first points.
  {
    fixture: 'start-before-parent-data.yaml',
    at: [4, 8],
    says: [/start 1990-01 is before 2003-01, the first month that drivers\.population, .* cover/, /expected start on or after 2003-01/],
  },
  {
    fixture: 'schedule-after-end.yaml',
    at: [6, 5],
    says: [/levers\.paroleOpen has a point at 2041-01, after the scenario end 2040-12; expected dates up to 2040-12/],
  },
  // The fixture's only event is its events[0], although the merged scenario lists the baseline's first.
  { fixture: 'event-outside-horizon.yaml', at: [5, 11], says: [/events\[0\]\.date 2045-03 is outside the horizon 2003-01 to 2040-12/] },
  { fixture: 'nan-value.yaml', at: [5, 15], says: [/levers\.usPressure must be a finite number \(got \.nan\)/] },
  { fixture: 'inf-value.yaml', at: [7, 12], says: [/parameters\.salaryReferenceUSD\.value must be a finite number \(got \.inf\)/] },
  {
    fixture: 'unknown-event-host.yaml',
    at: [6, 11],
    says: [/events\[0\]\.host names an unknown host 'brasil'/, /did you mean 'brazil'\?/, /\(hosts: venezuela, brazil, otherPaying, solidarity\)/],
  },
  {
    fixture: 'extends-missing.yaml',
    at: [2, 10],
    // The missing file is looked for beside the fixture, not in the working directory.
    says: [/extends 'no-such-scenario\.yaml': cannot read [^ ]*tests\/fixtures\/bad\/no-such-scenario\.yaml: no such file; expected a scenario file/],
  },
  {
    fixture: 'cycle-a.yaml',
    file: 'cycle-b.yaml',
    at: [2, 10],
    says: [/extends makes a cycle \([^)]*cycle-a\.yaml -> [^)]*cycle-b\.yaml -> [^)]*cycle-a\.yaml\)/, /a scenario cannot extend itself/],
  },
  // Expressions: the column points into the quoted expression (opening quote at col 17).
  { fixture: 'expr-assignment.yaml', at: [6, 18], says: [/hosts\.brazil\.paymentUSD: assignment \(=\) is not allowed/] },
  { fixture: 'expr-function-definition.yaml', at: [6, 18], says: [/hosts\.brazil\.paymentUSD: defining functions is not allowed/] },
  { fixture: 'expr-property-access.yaml', at: [6, 18], says: [/property access \(a\.b, a\[b\]\) is not allowed/] },
  { fixture: 'expr-import.yaml', at: [6, 22], says: [/calling 'import' is not allowed: an expression may call only the functions min, max, /] },
  { fixture: 'expr-evaluate.yaml', at: [6, 18], says: [/calling 'evaluate' is not allowed: an expression may call only the functions min, max, /] },
  {
    fixture: 'expr-unknown-name.yaml',
    at: [6, 43],
    says: [/unknown name 'brazilPaymntUSD'; did you mean 'brazilPaymentUSD'\?/, /an expression may use the scenario's parameters/],
  },
  // The column must point at `brazil` itself, not at the start of `brazilPaymentUSD` before it.
  { fixture: 'expr-unknown-name-prefix.yaml', at: [6, 37], says: [/unknown name 'brazil' \(an expression may use the scenario's parameters, pi and e\)/] },
  // Too long for an expression: refused before mathjs reads it (it used to overflow the stack, exit 1).
  { fixture: 'expr-2000-terms.yaml', at: [5, 16], says: [/levers\.usPressure: the expression is 3,999 characters long; expected at most 1,000$/] },
  { fixture: 'expr-process-exit.yaml', at: [6, 17], says: [/calling 'process\.exit' is not allowed: an expression may call only the functions min, max, /] },
  { fixture: 'switch-yes.yaml', at: [6, 14], says: [/levers\.paroleOpen\.2027-01 must be true or false \(got 'yes', which YAML reads as text\)$/] },
  { fixture: 'empty.yaml', at: [1, 1], says: [/file is empty; expected a YAML mapping/] },
  { fixture: 'list.yaml', at: [1, 1], says: [/file holds a list; expected a mapping of keys/] },
  { fixture: 'scalar.yaml', at: [1, 1], says: [/file holds a single string; expected a mapping of keys/] },
  // Refused at the alias that would pass 100,000 nodes: *e, the first alias of e's value on line 7.
  { fixture: 'alias-bomb.yaml', at: [7, 8], says: [/^[^:]*:7:8: the alias \*e repeats 66,430 nodes, bringing the file over 100,000 YAML nodes; expected a scenario without alias bombs$/] },
  { fixture: 'yaml-deep-nesting.yaml', at: [2, 70], says: [/: lists and mappings nested over 64 levels deep; a scenario needs fewer than 10$/] },
  {
    fixture: 'yaml-alias-loop.yaml',
    at: [4, 11],
    says: [/: the alias \*hosts is inside the value it names, so it would repeat forever; an alias may name only a value that ends before it$/],
  },
  { fixture: 'yaml-alias-unknown.yaml', at: [5, 15], says: [/: the alias \*pressure names no anchor before it; expected &pressure on a value earlier in the file$/] },
];

/** Checks one failed command: exit 3, nothing on stdout, exactly one located diagnostic, no stack trace. */
function expectDiagnostic(r: { code: number; stdout: string; stderr: string }, file: string, [line, col]: readonly [number, number], says: readonly RegExp[]): void {
  expect(r.code).toBe(3);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  // One change to a good scenario must give one problem, not a cascade.
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(file)}:${line}:${col}: \\S`));
  for (const pattern of says) expect(lines[0]).toMatch(pattern);
}

describe('invalid scenario files (exit 3, file:line:col: message)', () => {
  for (const c of CASES) {
    it(c.fixture, async () => {
      const file = bad(c.fixture);
      const run = await cli('run', file, '--runs', '1');
      expectDiagnostic(run, c.file ? bad(c.file) : file, c.at, c.says);
      // `validate` loads the same way and must say exactly the same.
      const validate = await cli('validate', file);
      expect(validate.code).toBe(3);
      expect(validate.stderr).toBe(run.stderr);
    });
  }


  it('a standalone scenario missing a required model parameter names it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      // The priors have no `extends`: drop one required parameter and nothing else.
      const baseline = readFileSync(repoPath('scenarios/priors.yaml'), 'utf8');
      const text = baseline.replace(/^ {2}retirementRate:\n(?: {4}.*\n)+/m, '');
      expect(text).not.toContain('retirementRate');
      expect(text).not.toMatch(/^extends:/m);
      const file = join(dir, 'no-retirement-rate.yaml');
      writeFileSync(file, text);
      // Located at the `parameters:` key the parameter belongs under.
      const line = text.split('\n').findIndex((l) => l.startsWith('parameters:')) + 1;
      expectDiagnostic(await cli('run', file, '--runs', '1'), file, [line, 1], [/missing parameter 'retirementRate' \(share: /, /add it under parameters/]);
    } finally {
      cleanup();
    }
  });

  it('the alias bomb is refused quickly, without expanding it', async () => {
    const started = performance.now();
    await cli('validate', bad('alias-bomb.yaml'));
    // Expanded, it would hold 9^9 strings; refusing it takes milliseconds. 5 s leaves room for a slow machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('validate reports every bad file given, then exits 3', async () => {
    const r = await cli('validate', repoPath('scenarios/baseline.yaml'), bad('nan-value.yaml'), bad('unknown-lever.yaml'));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^.*baseline\.yaml: ok \(/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/nan-value\.yaml:5:15: /);
    expect(lines[1]).toMatch(/unknown-lever\.yaml:4:10: /);
  });
});

describe('valid scenario beside the fixtures', () => {
  it('extends resolves relative to the extending file, not the working directory', async () => {
    const r = await cli('validate', repoPath('tests/fixtures/good/extends-relative.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/extends-relative\.yaml: ok \(extends relative to this file: 2003-01 to 2040-12, /);
  });

  it("a child may shorten and move the baseline's horizon", async () => {
    const r = await cli('validate', repoPath('tests/fixtures/good/shorter-horizon.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Of the baseline's three events (2018-11, 2019-11, 2025-06), all fall inside 2010-2030.
    expect(r.stdout).toMatch(/shorter-horizon\.yaml: ok \(the baseline from 2010 to 2030: 2010-01 to 2030-12, \d+ parameters, 4 hosts, 3 events\)/);
  });
});

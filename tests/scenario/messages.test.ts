// The exact words of smaller mistakes: each fixture changes one thing of the baseline and must give one
// located diagnostic that says what was written and what was expected.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { repoPath } from '../cli/harness.js';

const FUNCTIONS = 'min, max, abs, sqrt, exp, log, log10, round, floor, ceil, pow';

/** Fixture in tests/fixtures/bad/ -> its one diagnostic, after `fixture:`. */
const MESSAGES: Record<string, string> = {
  'expr-2000-terms.yaml': '5:16: levers.usPressure: the expression is 3,999 characters long; expected at most 1,000',
  'expr-nested-brackets.yaml': '5:36: levers.usPressure: brackets nested over 20 levels deep; expected at most 20',
  'expr-process-exit.yaml': `6:17: hosts.brazil.retention: calling 'process.exit' is not allowed: an expression may call only the functions ${FUNCTIONS}`,
  'expr-prototype-name.yaml': `5:16: levers.usPressure: calling 'constructor' is not allowed: an expression may call only the functions ${FUNCTIONS}`,
  'expr-number-too-large.yaml': '5:24: levers.retentionCap: 1e400 is out of range for a number (beyond ±1.8e308); expected a finite number',
  'number-too-large.yaml': '5:15: levers.usPressure must be a finite number: 1e400 is out of range for a number (beyond ±1.8e308)',
  'inf-value.yaml': '7:12: parameters.salaryReferenceUSD.value must be a finite number (got .inf)',
  'switch-yes.yaml': "6:14: levers.paroleOpen.2027-01 must be true or false (got 'yes', which YAML reads as text)",
  'host-id-underscore.yaml': "5:3: host id '__proto__x' must start with a letter (got '_'); expected a letter, then letters, digits and _",
  'key-proto.yaml': "5:3: the key '__proto__' is not allowed (JavaScript gives it a meaning of its own); choose another name",
  'parameter-shadows-pi.yaml':
    "5:3: parameters.pi: 'pi' is a constant of expressions (pi = 3.141592653589793), which a parameter of that name would hide; rename the parameter",
  'parameter-shadows-exp.yaml': "5:3: parameters.exp: 'exp' is a function of expressions (exp(x)), which a parameter of that name would hide; rename the parameter",
  'parameter-operator-word.yaml':
    "5:3: parameters.mod: 'mod' is a word of the expression language (such as mod, and, not, Infinity), not a name an expression can use; rename the parameter",
};

describe('messages of smaller mistakes', () => {
  for (const [fixture, message] of Object.entries(MESSAGES)) {
    it(fixture, () => {
      const file = repoPath(`tests/fixtures/bad/${fixture}`);
      const r = loadScenario(file);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map(formatDiagnostic)).toEqual([`${file}:${message}`]);
    });
  }

  it('long keys and strings written in a file are cut short in messages, saying how long they were', () => {
    const file = repoPath('tests/fixtures/bad/generated.yaml');
    const text = `extends: ../../../scenarios/baseline.yaml\nname: long\nlevers:\n  ${'k'.repeat(900)}: 1\n`;
    const r = parseScenario(text, file, nodeFilePort);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(new RegExp(`^unknown key 'levers\\.${'k'.repeat(60)}\\.\\.\\. \\(900 characters\\)'; expected one of: `));
    const long = `extends: ../../../scenarios/baseline.yaml\nname: long\nparameters:\n  deploymentSpeed: {dist: fixed, value: "${'x'.repeat(3000)}", source: s}\n`;
    const value = parseScenario(long, file, nodeFilePort);
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.errors[0].message).toBe(`parameters.deploymentSpeed.value must be a finite number (got "${'x'.repeat(60)}..." (3,000 characters))`);
  });
});

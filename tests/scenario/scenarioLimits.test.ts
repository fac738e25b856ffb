// A scenario's own counts are bounded too: hosts, parameters, events and the files of an extends chain,
// each refused at the place that passes its limit; symbolic links cannot make an extends cycle look new.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { nodeFilePort } from '../../src/node/nodeFilePort.js';
import { SCENARIO_LIMITS } from '../../src/scenario/compileScenario.js';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { MAX_EXTENDS_CHAIN } from '../../src/scenario/loadChain.js';
import { parseScenario } from '../../src/scenario/loadScenario.js';
import { repoPath, tempDir } from '../cli/harness.js';

const FILE = repoPath('tests/fixtures/bad/generated.yaml');
const child = (yaml: string) => `extends: ../../../scenarios/baseline.yaml\nname: generated\n${yaml}`;

function problems(text: string): string[] {
  const r = parseScenario(text, FILE, nodeFilePort);
  return r.ok ? [] : r.errors.map((e) => formatDiagnostic(e).slice(FILE.length + 1));
}

describe('scenario limits', () => {
  it('are the documented ones', () => {
    expect(SCENARIO_LIMITS).toEqual({ hosts: 100, parameters: 1000, events: 1000 });
    expect(MAX_EXTENDS_CHAIN).toBe(16);
  });

  it('hosts: 100 with the baseline\'s 4 are refused at the 101st', () => {
    const hosts = Array.from({ length: 97 }, (_, i) => `  extra${i}: {demand: 1, paymentUSD: 0, doctorShare: 0.5}\n`).join('');
    expect(problems(child(`hosts:\n${hosts}`))).toEqual([`100:3: the scenario has 101 hosts; expected at most 100`]);
  });

  it('parameters and events past 1,000', () => {
    // The baseline declares 59 parameters: 942 more make 1,001.
    const params = Array.from({ length: 942 }, (_, i) => `  extra${i}: {dist: fixed, value: 1, source: test}\n`).join('');
    expect(problems(child(`parameters:\n${params}`))).toEqual(['945:3: the scenario has 1,001 parameters; expected at most 1,000']);
    const events = Array.from({ length: 998 }, () => '  - {date: 2030-01, host: brazil, share: 0}\n').join('');
    expect(problems(child(`events:\n${events}`))).toEqual(['1001:5: the scenario has 1,001 events; expected at most 1,000']);
  });

  it('an extends chain of more than 16 files is refused at the extends that would add the 17th', () => {
    const { dir, cleanup } = tempDir();
    try {
      const base = repoPath('scenarios/priors.yaml');
      for (let i = 0; i < 20; i++) writeFileSync(join(dir, `s${i}.yaml`), `extends: ${i === 19 ? join(process.cwd(), base) : `s${i + 1}.yaml`}\nname: s${i}\n`);
      const deep = loadScenario(join(dir, 's0.yaml'));
      expect(deep.ok).toBe(false);
      if (!deep.ok) {
        expect(deep.errors.map(formatDiagnostic)).toEqual([
          `${join(dir, 's15.yaml')}:1:10: extends 's16.yaml' would make a chain of over 16 files; expected a short chain (the shipped scenarios are 3 files deep)`,
        ]);
      }
      expect(loadScenario(join(dir, 's5.yaml')).ok).toBe(true);
    } finally {
      cleanup();
    }
  });

  it.runIf(process.platform !== 'win32')('a folder linked to itself cannot make extends go on and on', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'real'));
      symlinkSync('.', join(dir, 'real', 'loop'));
      writeFileSync(join(dir, 'real', 'a.yaml'), 'extends: loop/a.yaml\nname: a\n');
      const r = loadScenario(join(dir, 'real', 'a.yaml'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^extends makes a cycle \(.*a\.yaml -> .*loop\/a\.yaml\); a scenario cannot extend itself/)]);
    } finally {
      cleanup();
    }
  });
});

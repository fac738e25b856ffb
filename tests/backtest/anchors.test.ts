// Anchors: a target whose figure (its evidence id) set a prior, a schedule point, a host path or an event in
// scenarios/priors.yaml must say so in its anchor cell, so that the back-test does not count it as a test of
// prediction. When the priors cite a new id, this names the targets that became anchors and what they set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorEntries } from '../../src/backtest/parseAnchors.js';
import { ROOT } from '../cli/harness.js';
import { citedIds, priorsCitations, priorsNames } from './priorsCitations.js';
import { parseOk } from './targetsText.js';

const PRIORS = readFileSync(join(ROOT, 'scenarios', 'priors.yaml'), 'utf8');
const HISTORY = join(ROOT, 'data', 'history.csv');
const targets = parseOk(readFileSync(HISTORY, 'utf8'), HISTORY);
const citations = priorsCitations(PRIORS);

describe('reading the citations of scenarios/priors.yaml', () => {
  it('finds single ids and expands ranges, with or without the letter after the dash', () => {
    expect(citedIds('X206-X212 and X159-X168; S062-S063, X036/X038 (X004 627 per 100k); 2013-11: 5400')).toEqual([
      ...['X206', 'X207', 'X208', 'X209', 'X210', 'X211', 'X212'],
      ...['X159', 'X160', 'X161', 'X162', 'X163', 'X164', 'X165', 'X166', 'X167', 'X168'],
      ...['S062', 'S063', 'X036', 'X038', 'X004'],
    ]);
    expect(citedIds('X067-068')).toEqual(['X067', 'X068']);
  });

  it('gives each citation the anchor entry of the key it sits under', () => {
    const text = [
      'parameters:',
      '  venezuelaDemand2019:',
      '    source: "X095 21,700; X096-X097"',
      'drivers:',
      '  population:',
      '    linear:',
      '      2011-12: 11247925 # X047',
      'hosts:',
      '  brazil:',
      '    demand:',
      '      linear:',
      '        2013-11: 5400 # X124',
      '    stayShareOnEnd: 0.05 # X155',
      'events:',
      '  - date: 2019-11',
      '    share: 0.165 # X147',
      '# X999 outside everything',
    ].join('\n');
    expect(priorsCitations(text).map((c) => `${c.id} ${c.line} ${c.anchor}`)).toEqual([
      'X095 3 prior:venezuelaDemand2019',
      'X096 3 prior:venezuelaDemand2019',
      'X097 3 prior:venezuelaDemand2019',
      'X047 7 schedule:population',
      'X124 12 host:brazil.demand',
      'X155 13 host:brazil.stayShareOnEnd',
      'X147 16 event:2019-11',
      'X999 17 undefined',
    ]);
  });

  it('finds the citations of the shipped priors in every section', () => {
    const kinds = new Set(citations.map((c) => c.anchor?.split(':')[0]));
    expect([...kinds].sort()).toEqual(['event', 'host', 'prior', 'schedule']);
    expect(citations.filter((c) => c.id === 'X098').map((c) => c.anchor)).toEqual(expect.arrayContaining(['prior:otherPayingScale', 'host:otherPaying.demand']));
  });
});

describe('data/history.csv anchors', () => {
  it('marks every target whose evidence the priors cite as an anchor of each thing that citation sets', () => {
    const problems: string[] = [];
    for (const t of targets) {
      const entries = anchorEntries(t.anchor);
      for (const c of citations.filter((x) => t.evidence.includes(x.id))) {
        const where = `scenarios/priors.yaml:${c.line}`;
        const uses = `${t.id} cites ${c.id}, which ${where} uses${c.anchor ? ` for ${c.anchor}` : ''}`;
        if (c.anchor !== undefined && !entries.includes(c.anchor)) problems.push(`${uses}: add ${c.anchor} to ${t.id}'s anchor cell${entries.length === 0 ? " (now 'none')" : ''}`);
        else if (entries.length === 0) problems.push(`${uses}: ${t.id} is an anchor, so its anchor cell cannot be 'none'`);
      }
    }
    expect(problems, `targets that became anchors (data/history.csv, column anchor):\n${problems.join('\n')}`).toEqual([]);
  });

  it('names only parameters, drivers, levers, host fields and events that the priors define', () => {
    const names = priorsNames(PRIORS);
    const problems = targets.flatMap((t) =>
      t.anchor.filter((a) => !names[a.kind].has(a.name)).map((a) => `${t.id}: ${a.kind}:${a.name} is not in scenarios/priors.yaml (no such ${a.kind === 'prior' ? 'parameter' : a.kind === 'schedule' ? 'driver or lever' : a.kind === 'host' ? 'host field' : 'event date'})`),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('says in the note why a target is an anchor when the priors cite another id for its figure', () => {
    const cited = new Set(citations.map((c) => c.id));
    const unexplained = targets.filter((t) => t.anchor.length > 0 && !t.evidence.some((e) => cited.has(e)) && !/an anchor: /.test(t.note)).map((t) => t.id);
    expect(unexplained, "anchors whose evidence the priors do not cite need 'an anchor: why' in the note").toEqual([]);
  });
});

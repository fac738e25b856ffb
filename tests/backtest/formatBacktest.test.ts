// The back-test's three formats on a hand-made report: the table leads with the anchor-free held-out score
// and flags anchors and pinned bands; JSON and CSV carry anchor, family and pinned for every target.
// When the table's wording changes on purpose, review the diff and update with `npx vitest run tests/backtest -u`.
import { describe, expect, it } from 'vitest';
import { formatBacktestCsv } from '../../src/backtest/formatBacktestCsv.js';
import { formatBacktestJson } from '../../src/backtest/formatBacktestJson.js';
import { formatBacktestTable } from '../../src/backtest/formatBacktestTable.js';
import { judgeTarget, type Band } from '../../src/backtest/judgeTarget.js';
import type { BacktestReport } from '../../src/backtest/runBacktest.js';
import { summarizeBacktest } from '../../src/backtest/summarizeBacktest.js';
import { VERSION } from '../../src/version.js';
import { parseOk, targetsFile } from './targetsText.js';

const TARGETS = parseOk(
  targetsFile(
    'V05,Venezuela programme,healthWorkersAbroad.venezuela,2017,point,28000,,,health workers,EIU,X090,fit,host:venezuela.demand;prior:venezuelaDemandPeak,scholarly,medical professionals',
    'V06,Venezuela programme,healthWorkersAbroad.venezuela,2019-01,range,,21700,23700,health workers,14ymedio,X095;X096,heldout,host:venezuela.demand,independent-cuban-media,',
    'H08,health workers abroad,healthWorkersAbroad,2019-11,point,30000,,,health workers,UN,S040,heldout,none,international-organisation,',
    'H11,health workers abroad,healthWorkersAbroad,2021,range,,34000,50000,health workers,"TIP, 2021",X102;X103,heldout,none,cuban-state,',
    'F02,defections,doctorDefections,2003..2008,point,6000,,,doctors,SWB,X245,excluded,prior:paroleApplyShare,advocacy,an advocacy estimate',
  ),
);
const BANDS: Record<string, Band> = {
  V05: { p5: 27651, p50: 27958, p95: 28000 },
  V06: { p5: 20600, p50: 22100, p95: 23700 },
  H08: { p5: 28700, p50: 30400, p95: 32000 },
  H11: { p5: 26300, p50: 27500, p95: 28700 },
  F02: { p5: 1060, p50: 1377, p95: 1934 },
};
const results = TARGETS.map((t) => judgeTarget(t, BANDS[t.id]));
const REPORT: BacktestReport = {
  scenario: { name: 'baseline', file: 'scenarios/baseline.yaml', sha256: '0'.repeat(64) },
  targetsFile: 'targets.csv',
  seed: 1,
  runs: 1000,
  results,
  summary: summarizeBacktest(results),
};

describe('formatBacktestTable', () => {
  const table = formatBacktestTable(REPORT);
  const lines = table.split('\n');

  it('leads with the anchor-free held-out score and what it means, in one line', () => {
    expect(lines[2]).toBe(
      'held out, anchor-free: 1/2 met (50%), the test of prediction: held-out targets whose figures set no prior, schedule, host path or event',
    );
  });

  it('flags anchors and pinned bands on their rows, and leaves other rows without flags', () => {
    expect(lines.find((l) => / V05 /.test(l))).toMatch(/ fit {7}anchor pinned$/);
    expect(lines.find((l) => / V06 /.test(l))).toMatch(/ heldout {3}anchor$/);
    expect(lines.find((l) => / H08 /.test(l))).toMatch(/ heldout$/);
  });

  it('the whole table', () => {
    expect(table.replace(VERSION, '<version>')).toMatchSnapshot();
  });
});

describe('formatBacktestJson and formatBacktestCsv', () => {
  it('JSON gives each target its anchor entries, family and pinned flag, and the summary its new groups', () => {
    const j = JSON.parse(formatBacktestJson(REPORT)) as {
      results: { id: string; anchor: string[]; family: string; pinned: boolean }[];
      summary: { heldoutAnchorFree: { targets: number }; anchors: { targets: number }; byFamily: { family: string }[]; pinned: number };
    };
    expect(j.results.map((r) => [r.id, r.anchor, r.family, r.pinned])).toEqual([
      ['V05', ['host:venezuela.demand', 'prior:venezuelaDemandPeak'], 'scholarly', true],
      ['V06', ['host:venezuela.demand'], 'independent-cuban-media', false],
      ['H08', [], 'international-organisation', false],
      ['H11', [], 'cuban-state', false],
      ['F02', ['prior:paroleApplyShare'], 'advocacy', false],
    ]);
    expect(j.summary.heldoutAnchorFree.targets).toBe(2);
    expect(j.summary.anchors.targets).toBe(2);
    expect(j.summary.byFamily.map((c) => c.family)).toEqual(['cuban-state', 'independent-cuban-media', 'international-organisation', 'scholarly']);
    expect(j.summary.pinned).toBe(1);
  });

  it('CSV has anchor and family after set, pinned after inside, and the anchor cell as the targets file writes it', () => {
    const [header, v05, , h08] = formatBacktestCsv(REPORT).split('\n');
    expect(header).toBe('id,series,metric,period,kind,observedLow,observedHigh,unit,set,anchor,family,p5,p50,p95,inside,pinned,relativeError');
    expect(v05).toBe('V05,Venezuela programme,healthWorkersAbroad.venezuela,2017,point,28000,28000,health workers,fit,host:venezuela.demand;prior:venezuelaDemandPeak,scholarly,27651,27958,28000,true,true,-0.0015');
    expect(h08).toBe('H08,health workers abroad,healthWorkersAbroad,2019-11,point,30000,30000,health workers,heldout,none,international-organisation,28700,30400,32000,true,false,0.013333333333333334');
  });
});

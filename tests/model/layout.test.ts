import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/model/layout.js';

describe('modelLayout', () => {
  const layout = modelLayout(['venezuela', 'brazil']);

  it('lists every flow\'s from and to as a stock name or null (outside the model)', () => {
    const stocks = new Set(layout.stocks);
    for (const f of layout.flows) {
      expect(f.from === null || stocks.has(f.from), `${f.name}.from = ${f.from}`).toBe(true);
      expect(f.to === null || stocks.has(f.to), `${f.name}.to = ${f.to}`).toBe(true);
      expect(f.from !== f.to).toBe(true);
    }
  });

  it('has a row for every stock, flow and derived metric, indexed by name in metric order', () => {
    const names = layout.metrics.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    names.forEach((n, i) => expect(layout.index[n]).toBe(i));
    expect(layout.stocks).toEqual(layout.metrics.filter((m) => m.kind === 'stock').map((m) => m.name));
    expect(layout.flows.map((f) => f.name)).toEqual(layout.metrics.filter((m) => m.kind === 'flow').map((m) => m.name));
  });

  it('gives every host its two stocks and eight flows', () => {
    for (const h of ['venezuela', 'brazil']) {
      expect(layout.stocks).toContain(`doctorsAbroad.${h}`);
      expect(layout.stocks).toContain(`otherWorkersAbroad.${h}`);
      expect(layout.flows.filter((f) => f.name.endsWith(`.${h}`))).toHaveLength(8);
    }
    expect(layout.hostIds).toEqual(['venezuela', 'brazil']);
  });

  it('connects every stock to at least one flow', () => {
    for (const s of layout.stocks) expect(layout.flows.some((f) => f.from === s || f.to === s), s).toBe(true);
  });

  it('has only the domestic and non-host stocks and flows when there are no hosts', () => {
    const empty = modelLayout([]);
    expect(empty.stocks).toEqual(['domesticDoctors', 'paroleApplicants', 'paroleAdmitted', 'stayedAbroad', 'emigrated', 'retired']);
    expect(empty.flows.map((f) => f.name)).toEqual(['graduation', 'retirement', 'domesticEmigration', 'paroleApprovals', 'paroleDenials', 'defectorReturns']);
  });

  it('gives every metric a unit and a doc', () => {
    for (const m of layout.metrics) {
      expect(m.unit.length).toBeGreaterThan(0);
      expect(m.doc.length).toBeGreaterThan(0);
    }
  });
});

// parseSweep: the --sweep text `lever=YYYY-MM:v1,v2,...` against the model's levers and a scenario's horizon.
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/spec.js';
import { MAX_SWEEP_VALUES, parseSweep, type SweepResult } from '../../src/sweep/parseSweep.js';

const HORIZON = { start: '2003-01', end: '2040-12' };

function ok(text: string) {
  const r = parseSweep(text, HORIZON);
  if (!r.ok) throw new Error(`expected '${text}' to parse: ${r.message}`);
  return r.value;
}

function refused(text: string): string {
  const r: SweepResult = parseSweep(text, HORIZON);
  if (r.ok) throw new Error(`expected '${text}' to be refused, got ${JSON.stringify(r.value)}`);
  // One line, quoting the text given.
  expect(r.message).not.toMatch(/\n/);
  expect(r.message.startsWith(`--sweep '${text}': `)).toBe(true);
  return r.message.slice(`--sweep '${text}': `.length);
}

describe('parseSweep: valid forms', () => {
  it('a switch: true and false become 1 and 0, in the order given', () => {
    expect(ok('paroleOpen=2027-01:true,false')).toEqual({ lever: 'paroleOpen', from: '2027-01', values: [1, 0], text: 'paroleOpen=2027-01:true,false' });
    expect(ok('paroleOpen=2027-01:false').values).toEqual([0]);
    expect(ok('paroleOpen=2027-01:false,true').values).toEqual([0, 1]);
  });

  it('numbers: integers, decimals, exponents, the range ends, in the order given', () => {
    expect(ok('domesticSalaryUSD=2027-01:200,50,100').values).toEqual([200, 50, 100]);
    expect(ok('retentionCap=2030-06:0,0.5,1').values).toEqual([0, 0.5, 1]);
    expect(ok('domesticSalaryUSD=2027-01:1e5,2.5e1').values).toEqual([1e5, 25]);
    expect(ok('hostPriceFactor=2027-01:0.2,5').values).toEqual([0.2, 5]);
  });

  it('spaces around the parts and the values are allowed', () => {
    const s = ok('  retentionCap = 2027-01 : 0.5 , 0.25  ');
    expect(s.lever).toBe('retentionCap');
    expect(s.from).toBe('2027-01');
    expect(s.values).toEqual([0.5, 0.25]);
    expect(s.text).toBe('  retentionCap = 2027-01 : 0.5 , 0.25  ');
  });

  it('the first and last months of the horizon are inside it', () => {
    expect(ok('paroleOpen=2003-01:true').from).toBe('2003-01');
    expect(ok('paroleOpen=2040-12:true').from).toBe('2040-12');
  });

  it(`takes up to ${MAX_SWEEP_VALUES} values`, () => {
    const values = Array.from({ length: MAX_SWEEP_VALUES }, (_, i) => i);
    expect(ok(`domesticSalaryUSD=2027-01:${values.join(',')}`).values).toEqual(values);
  });
});

describe('parseSweep: every refusal, in a message that quotes the text', () => {
  it('a text not of the form lever=YYYY-MM:values', () => {
    for (const t of ['paroleOpen', 'paroleOpen=true', 'paroleOpen=2027:true', 'paroleOpen=2027-1:true', 'paroleOpen:2027-01=true', 'paroleOpen=2027-01:', '=2027-01:true', '']) {
      expect(refused(t), t).toBe('expected lever=YYYY-MM:value,value,... such as paroleOpen=2027-01:true,false');
    }
  });

  it('an unknown lever, with the near miss named and the levers listed', () => {
    const all = Object.keys(LEVERS).join(', ');
    expect(refused('parolOpen=2027-01:true')).toBe(`no lever 'parolOpen' (did you mean 'paroleOpen'?); the levers are ${all}`);
    expect(refused('domesticSalary=2027-01:50')).toBe(`no lever 'domesticSalary' (did you mean 'domesticSalaryUSD'?); the levers are ${all}`);
    // A parameter is not a lever; nothing close is suggested for a word far from every lever.
    expect(refused('zzz=2027-01:1')).toBe(`no lever 'zzz'; the levers are ${all}`);
  });

  it('a month that is not a month', () => {
    expect(refused('paroleOpen=2027-13:true')).toBe("'2027-13' is not a month; expected YYYY-MM with MM from 01 to 12");
    expect(refused('paroleOpen=2027-00:true')).toBe("'2027-00' is not a month; expected YYYY-MM with MM from 01 to 12");
  });

  it("a month outside the scenario's horizon", () => {
    expect(refused('paroleOpen=2041-01:true')).toBe("2041-01 is outside the scenario's months, 2003-01 to 2040-12");
    expect(refused('paroleOpen=2002-12:true')).toBe("2002-12 is outside the scenario's months, 2003-01 to 2040-12");
  });

  it("a value outside the lever's range", () => {
    expect(refused('retentionCap=2027-01:0.5,1.5')).toBe("1.5 is outside retentionCap's range, 0 to 1 (share)");
    expect(refused('domesticSalaryUSD=2027-01:-1')).toBe("-1 is outside domesticSalaryUSD's range, 0 to 100000 (USD/month)");
    expect(refused('hostPriceFactor=2027-01:0.1')).toBe("0.1 is outside hostPriceFactor's range, 0.2 to 5 (ratio)");
  });

  it('a value that is not a number, or an empty one', () => {
    expect(refused('domesticSalaryUSD=2027-01:50,abc')).toBe("'abc' is not a number; expected values of domesticSalaryUSD (USD/month) from 0 to 100000");
    expect(refused('domesticSalaryUSD=2027-01:50,,100')).toBe("'' is not a number; expected values of domesticSalaryUSD (USD/month) from 0 to 100000");
    expect(refused('domesticSalaryUSD=2027-01:Infinity')).toBe("'Infinity' is not a number; expected values of domesticSalaryUSD (USD/month) from 0 to 100000");
    expect(refused('domesticSalaryUSD=2027-01:NaN')).toBe("'NaN' is not a number; expected values of domesticSalaryUSD (USD/month) from 0 to 100000");
  });

  it('a switch given anything but true or false', () => {
    for (const w of ['1', 'yes', 'True', 'on']) {
      expect(refused(`paroleOpen=2027-01:${w}`), w).toBe(`'${w}': paroleOpen is a switch; expected true or false`);
    }
  });

  it('a value given twice, also when written differently', () => {
    expect(refused('paroleOpen=2027-01:true,true')).toBe("'true' is given twice");
    expect(refused('domesticSalaryUSD=2027-01:50,100,50')).toBe("'50' is given twice");
    expect(refused('domesticSalaryUSD=2027-01:50,5e1')).toBe("'5e1' is given twice");
  });

  it(`more than ${MAX_SWEEP_VALUES} values`, () => {
    const values = Array.from({ length: MAX_SWEEP_VALUES + 1 }, (_, i) => i).join(',');
    expect(refused(`domesticSalaryUSD=2027-01:${values}`)).toBe(`${MAX_SWEEP_VALUES + 1} values; a sweep takes at most ${MAX_SWEEP_VALUES}`);
  });
});

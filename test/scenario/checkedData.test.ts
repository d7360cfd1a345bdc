import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { decodeChecked, encodeChecked } from '../../src/scenario/checkedData.js';

describe('checked data through JSON', () => {
  it('reads back as it was: objects, arrays, text, numbers, null and exact decimals', () => {
    const value = {
      name: 'x',
      years: 5,
      target: null,
      tvl: { value: new D('238.5e9'), text: '238.5B', marker: null },
      phases: [{ years: 2, rate: { value: new D('-0.1021323030642640162798242250862653729318') } }],
      tiny: new D('1e-300'),
      huge: new D('123456789012345678901234567890123456789012345678901234567890'),
      negativeZero: new D('-0'),
    };
    const back = decodeChecked(JSON.parse(JSON.stringify(encodeChecked(value))));
    expect(back).toStrictEqual(value);
    expect((back as typeof value).tvl.value).toBeInstanceOf(D);
    expect((back as typeof value).negativeZero.isNegative()).toBe(true);
  });

  it('refuses what JSON would not carry back', () => {
    expect(() => encodeChecked({ at: new Date(0) })).toThrow(/cannot carry a Date/);
    expect(() => encodeChecked({ missing: undefined })).toThrow(/undefined/);
    expect(() => encodeChecked({ big: 1n })).toThrow(/bigint/);
    expect(() => encodeChecked(Object.create(null))).toThrow(/null-prototype/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, P } from '../../src/engine/decimal.js';
import { fixedOf } from '../../src/engine/fixedOf.js';
import { plainDigits, plainFixed } from '../../src/render/plainDigits.js';

const reference = (value: D, significant: number): string => {
  const rounded = value.toSignificantDigits(significant, D.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toFixed();
};

describe('plainDigits', () => {
  it.each([
    { rule: 'zero', value: '0', significant: 40, gives: '0' },
    { rule: 'a whole number keeps its zeros', value: '2000000000000', significant: 40, gives: '2000000000000' },
    { rule: 'rounds up through nines into a new digit', value: '9.99999', significant: 3, gives: '10' },
    { rule: 'a tie goes to the even digit (down)', value: '0.125', significant: 2, gives: '0.12' },
    { rule: 'a tie goes to the even digit (up)', value: '0.135', significant: 2, gives: '0.14' },
    { rule: 'past a tie rounds up', value: '0.1250000000001', significant: 2, gives: '0.13' },
    { rule: 'a tiny figure is written out, never as an exponent', value: '-1.5e-30', significant: 40, gives: '-0.0000000000000000000000000000015' },
    { rule: 'a large one too', value: '1.23456e45', significant: 3, gives: '1230000000000000000000000000000000000000000000' },
  ])('$rule', ({ value, significant, gives }) => {
    expect(plainDigits(new P(value), significant)).toBe(gives);
  });

  it('writes what toSignificantDigits(n, half even).toFixed() writes, for any decimal and n', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 70n), max: 10n ** 70n }), fc.integer({ min: -120, max: 60 }))
      .map(([n, exponent]) => new P(`${n}e${exponent}`));
    fc.assert(
      fc.property(decimal, fc.integer({ min: 1, max: 60 }), (value, significant) => {
        expect(plainDigits(value, significant)).toBe(reference(value, significant));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('plainFixed', () => {
  it('writes what plainDigits writes of the same decimal, for any coefficient and n', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 70n), max: 10n ** 70n }), fc.integer({ min: -120, max: 60 }))
      .map(([n, exponent]) => new P(`${n}e${exponent}`));
    fc.assert(
      fc.property(decimal, fc.integer({ min: 1, max: 60 }), (value, significant) => {
        expect(plainFixed(fixedOf(value), significant)).toBe(reference(value, significant));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

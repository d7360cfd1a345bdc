import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { P } from '../../src/engine/decimal.js';
import { decimalOf } from '../../src/engine/decimalOf.js';
import { Decimal } from 'decimal.js';
import { fixedChange } from '../../src/engine/fixedChange.js';
import { fixedDivide } from '../../src/engine/fixedDivide.js';
import { fixedOf } from '../../src/engine/fixedOf.js';
import { fixedPlus } from '../../src/engine/fixedPlus.js';
import { fixedTimes } from '../../src/engine/fixedTimes.js';
import { propertyRuns } from '../fuzz/config.js';

const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 75n), max: 10n ** 75n }), fc.integer({ min: -90, max: 40 }), fc.integer({ min: 1, max: 75 }))
  .map(([n, exponent, keep]) => new P(`${n}e${exponent}`).toSignificantDigits(keep));

describe('properties', () => {
  it('a product, a sum and a quotient by a whole number are exactly those of decimal.js at 60 digits', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.integer({ min: 1, max: 2400 }), (a, b, n) => {
        const [x, y] = [fixedOf(a), fixedOf(b)];
        expect(decimalOf(fixedTimes(x, y)).toFixed()).toBe(a.times(b).toFixed());
        expect(decimalOf(fixedPlus(x, y)).toFixed()).toBe(a.plus(b).toFixed());
        expect(decimalOf(fixedDivide(x, n)).toFixed()).toBe(a.div(n).toFixed());
      }),
      { numRuns: propertyRuns(1000), seed: 11 },
    );
  });

  it('a change (a - b) / b is the exact change rounded once to 60 digits, half to even', () => {
    // 400 digits hold every difference of these operands exactly, and the quotient far past the 60th digit.
    const Wide = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
    const near = fc.tuple(decimal, fc.integer({ min: -12, max: 3 }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n })).map(([b, shift, step]) => [b, b.plus(new P(`${step}e${b.e + shift - 20}`))] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(decimal, decimal), near), ([b, a]) => {
        fc.pre(!b.isZero());
        const expected = new Wide(a.toFixed()).minus(new Wide(b.toFixed())).div(new Wide(b.toFixed())).toSignificantDigits(60, Decimal.ROUND_HALF_EVEN);
        expect(decimalOf(fixedChange(fixedOf(a), fixedOf(b))).toFixed()).toBe(expected.toFixed());
      }),
      { numRuns: propertyRuns(1000), seed: 12 },
    );
    expect(decimalOf(fixedChange(fixedOf(new P('110')), fixedOf(new P('100')))).toFixed()).toBe('0.1');
    expect(decimalOf(fixedChange(fixedOf(new P('7')), fixedOf(new P('7')))).toFixed()).toBe('0');
    expect(decimalOf(fixedChange(fixedOf(new P('1')), fixedOf(new P('3')))).toFixed()).toBe(`-0.${'6'.repeat(59)}7`);
  });

  it('ties round to even, as decimal.js does', () => {
    const a = new P(`1${'0'.repeat(59)}5`);
    expect(decimalOf(fixedTimes(fixedOf(a), fixedOf(new P(1)))).toFixed()).toBe(a.times(1).toFixed());
    const b = new P(`1${'0'.repeat(58)}15`);
    expect(decimalOf(fixedTimes(fixedOf(b), fixedOf(new P(1)))).toFixed()).toBe(b.times(1).toFixed());
  });
});

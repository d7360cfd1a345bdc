import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, D, discount } from '../../src/engine/index.js';
import { DISCOUNT_AT_MINUS_ONE_MESSAGE, GROWTH_BELOW_MINUS_ONE_MESSAGE } from '../../src/engine/messages.js';
import { amount, decimal, growthRate } from './arbitraries.js';

const d = (text: string): D => new D(text);

/** A span in years: a D from its text, or a plain number when the row says so. */
const span = (years: string | number): D | number => (typeof years === 'number' ? years : d(years));

describe('compound', () => {
  it.each<{ rule: string; value: string; rate: string; years: string | number; gives: string }>([
    { rule: 'two years at 10% turn 100 into 121', value: '100', rate: '0.1', years: 2, gives: '121' },
    { rule: 'the span may be a Decimal', value: '100', rate: '0.1', years: '2', gives: '121' },
    { rule: '238.5B × 1.264^5 is exact', value: '238500000000', rate: '0.264', years: 5, gives: '769526806517.121024' },
    { rule: 'zero years leave the value as it is', value: '100', rate: '0.05', years: 0, gives: '100' },
    { rule: 'a zero rate leaves the value as it is', value: '12345678901234567891.25', rate: '0', years: 7, gives: '12345678901234567891.25' },
    { rule: '-74% keeps 26% a year', value: '100', rate: '-0.74', years: 2, gives: '6.76' },
    { rule: '-100% leaves nothing', value: '100', rate: '-1', years: 3, gives: '0' },
    { rule: '-100% over no time leaves the value', value: '5', rate: '-1', years: 0, gives: '5' },
    { rule: 'half a year at 21% is × 1.1', value: '100', rate: '0.21', years: 0.5, gives: '110' },
    { rule: 'a fractional span may be a Decimal', value: '100', rate: '0.21', years: '0.5', gives: '110' },
    { rule: 'a year and a half at 44% is × 1.44 × 1.2', value: '100', rate: '0.44', years: '1.5', gives: '172.8' },
    { rule: 'a quarter of a year at 21.550625% is × 1.05', value: '100', rate: '0.21550625', years: '0.25', gives: '105' },
    { rule: 'part of a year at -100% leaves nothing', value: '100', rate: '-1', years: 0.5, gives: '0' },
    { rule: 'a 12345678901234567891.25 value keeps every digit', value: '12345678901234567891.25', rate: '0.1', years: 2, gives: '14938271470493827148.4125' },
  ])('$rule', ({ value, rate, years, gives }) => {
    expect(compound(d(value), d(rate), span(years)).toSignificantDigits(40).toFixed()).toBe(gives);
  });

  it('rounds a 2.5-year span to 40 significant digits', () => {
    expect(compound(d('100'), d('0.1'), d('2.5')).toSignificantDigits(40).toFixed()).toBe('126.9058706285883371859658751552724494155');
  });

  it('refuses a rate below -100% as an engine bug', () => {
    expect(() => compound(d('100'), d('-1.01'), 1)).toThrow(GROWTH_BELOW_MINUS_ONE_MESSAGE);
  });

  // A negative span once slipped through as zero years (trunc(-1) is -1, and the loop never ran).
  it('refuses a negative span instead of reading it as zero years', () => {
    expect(() => compound(d('100'), d('0.1'), -1)).toThrow(/negative/);
    expect(() => compound(d('100'), d('0.1'), '-1.5' as unknown as number)).toThrow(/negative/);
  });
});

describe('discount', () => {
  it.each<{ rule: string; value: string; rate: string; years: string | number; gives: string }>([
    { rule: '121 two years after 10% growth started as 100', value: '121', rate: '0.1', years: 2, gives: '100' },
    { rule: '769526806517.121024 five years after 26.4% growth started as 238.5B', value: '769526806517.121024', rate: '0.264', years: 5, gives: '238500000000' },
    { rule: 'zero years leave the value as it is', value: '100', rate: '0.5', years: 0, gives: '100' },
    { rule: '6.76 two years after -74% started as 100', value: '6.76', rate: '-0.74', years: 2, gives: '100' },
    { rule: 'half a year back at 21% is ÷ 1.1', value: '110', rate: '0.21', years: 0.5, gives: '100' },
    { rule: 'a year and a half back at 44% is ÷ 1.728', value: '172.8', rate: '0.44', years: '1.5', gives: '100' },
    { rule: 'one year back at 200% is a third', value: '1', rate: '2', years: 1, gives: '0.3333333333333333333333333333333333333333' },
  ])('$rule', ({ value, rate, years, gives }) => {
    expect(discount(d(value), d(rate), span(years)).toSignificantDigits(40).toFixed()).toBe(gives);
  });

  it('refuses a rate of -100%, which nothing can be discounted at', () => {
    expect(() => discount(d('100'), d('-1'), 1)).toThrow(DISCOUNT_AT_MINUS_ONE_MESSAGE);
  });
});

// ---- laws ----

/** A rate above -100%, which discount accepts. */
const discountableRate = growthRate.filter((rate) => rate.gt(-1));

/** 0 to 50 years, in quarters of a year. */
const years = fc.integer({ min: 0, max: 200 }).map((quarters) => new D(quarters).div(4));

/** v to 30 significant digits, as text. */
const sd30 = (value: D): string => value.toSignificantDigits(30).toSignificantDigits(40).toFixed();

describe('properties', () => {
  it('compound then discount returns the start to 30 significant digits', () => {
    fc.assert(
      fc.property(amount, discountableRate, years, (value, rate, span) => {
        expect(sd30(discount(compound(value, rate, span), rate, span))).toBe(sd30(value));
      }),
    );
  });

  it('discount then compound returns the start to 30 significant digits', () => {
    fc.assert(
      fc.property(amount, discountableRate, years, (value, rate, span) => {
        expect(sd30(compound(discount(value, rate, span), rate, span))).toBe(sd30(value));
      }),
    );
  });

  it('a zero rate leaves any value as it is over any span', () => {
    fc.assert(
      fc.property(amount, years, (value, span) => {
        expect(compound(value, new D(0), span).toSignificantDigits(40).toFixed()).toBe(value.toSignificantDigits(40).toFixed());
      }),
    );
  });

  it('compounding over a then b whole years is compounding over a + b', () => {
    fc.assert(
      fc.property(decimal(0, 1_000_000, 3), growthRate, fc.nat(20), fc.nat(20), (value, rate, a, b) => {
        expect(sd30(compound(compound(value, rate, a), rate, b))).toBe(sd30(compound(value, rate, a + b)));
      }),
    );
  });

  it('whole years compound exactly: the value times (1 + rate) for each year', () => {
    fc.assert(
      fc.property(decimal(0, 1_000_000, 2), growthRate, fc.nat(6), (value, rate, n) => {
        // At most 9 digits of value and 5 of each factor: (9 + 5 × 6) < 40 digits, so nothing rounds.
        let expected = value;
        for (let k = 0; k < n; k += 1) {
          expected = expected.times(rate.plus(1));
        }
        expect(compound(value, rate, n).toSignificantDigits(40).toFixed()).toBe(expected.toSignificantDigits(40).toFixed());
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { amountEnUs, rateEnUs, wholeDigits, yearsEnUs } from '../../src/render/formatEnUs.js';
import { propertyRuns } from '../fuzz/config.js';

// Intl is the oracle: en-US tables are formatted by hand to skip loading ICU at start-up, and
// must read exactly as Intl would write them.

/** The rule Intl does not have: a figure shown nearer zero than 0.00000001 reads `<` and that figure. */
const tiny = (shown: D): boolean => !shown.isZero() && shown.abs().lt('1e-8');

const intlAmount = (value: D, unit: 'USD' | 'BTC', significant: number): string => {
  if (tiny(value.toSignificantDigits(significant, D.ROUND_HALF_EVEN))) {
    return `${value.isNegative() ? '-' : ''}<${intlAmount(new D('1e-8'), unit, significant)}`;
  }
  const compact = value.abs().gte('1e6');
  const options = {
    roundingMode: 'halfEven',
    maximumSignificantDigits: significant,
    ...(compact ? { notation: 'compact' } : { maximumFractionDigits: 0, roundingPriority: 'morePrecision' }),
    ...(unit === 'USD' ? { style: 'currency', currency: 'USD', minimumFractionDigits: 0 } : {}),
  } as Intl.NumberFormatOptions;
  const text = new Intl.NumberFormat('en-US', options).format(value.toFixed() as unknown as number);
  return unit === 'USD' ? text : `${text} BTC`;
};
const intlRate = (value: D, signed: boolean, significant: number): string =>
  tiny(value.times(100).toSignificantDigits(significant, D.ROUND_HALF_EVEN))
    ? `${value.isNegative() ? '-' : signed ? '+' : ''}<${intlRate(new D('1e-10'), false, significant)}`
    : new Intl.NumberFormat('en-US', { style: 'percent', roundingMode: 'halfEven', maximumSignificantDigits: significant, signDisplay: signed ? 'exceptZero' : 'auto' } as Intl.NumberFormatOptions).format(
        value.toFixed() as unknown as number,
      );

describe('en-US figures', () => {
  it.each([
    ['769526806517.121024', 'USD', '$769.5B'],
    ['2e12', 'USD', '$2T'],
    ['91332', 'BTC', '91,332 BTC'],
    ['91548.9', 'BTC', '91,549 BTC'],
    ['19850000', 'BTC', '19.85M BTC'],
    ['999960000000', 'USD', '$1T'],
    ['6.76', 'USD', '$6.76'],
    ['0', 'USD', '$0'],
    ['1e30', 'USD', '$1,000,000,000,000,000,000T'],
    // Down to a satoshi in full; nearer zero, `<` and a satoshi.
    ['0.00000001', 'BTC', '0.00000001 BTC'],
    ['0.000000009999999', 'BTC', '0.00000001 BTC'],
    ['0.000000009999', 'BTC', '<0.00000001 BTC'],
    ['0.000000000001', 'USD', '<$0.00000001'],
    ['-0.000000000001', 'USD', '-<$0.00000001'],
  ] as const)('writes %s %s as %s', (value, unit, text) => {
    expect(amountEnUs(new D(value), unit, 4)).toBe(text);
    expect(intlAmount(new D(value), unit, 4)).toBe(text);
  });

  it('writes figures far below what a double holds as briefly, never with hundreds of zeros', () => {
    expect(amountEnUs(new D('1e-400'), 'USD', 4)).toBe('<$0.00000001');
    expect(rateEnUs(new D('-1.23456e-22'), true, 4)).toBe('-<0.00000001%');
    expect(yearsEnUs(new D('1e-400'), 4)).toBe('<0.00000001');
    expect(yearsEnUs(new D('12345.6'), 4)).toBe('12,346');
  });

  it.each([
    ['0.264352362115582970682', false, '26.44%'],
    ['-0.1021323', true, '-10.21%'],
    ['0.264', true, '+26.4%'],
    ['0', true, '0%'],
    ['157.6', true, '+15,760%'],
    ['0.0000000001', true, '+0.00000001%'],
    ['0.00000000001', true, '+<0.00000001%'],
    ['0.00000000001', false, '<0.00000001%'],
    ['-1', true, '-100%'],
  ] as const)('writes the rate %s (signed %s) as %s', (value, signed, text) => {
    expect(rateEnUs(new D(value), signed, 4)).toBe(text);
    expect(intlRate(new D(value), signed, 4)).toBe(text);
  });

  describe('properties', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -40, max: 14 }))
      .map(([mantissa, exponent]) => new D(mantissa.toString()).times(new D(10).pow(exponent)));
    const significant = fc.integer({ min: 1, max: 10 });

    it('writes every amount as Intl writes it in en-US', () => {
      fc.assert(
        fc.property(decimal, fc.constantFrom<'USD' | 'BTC'>('USD', 'BTC'), significant, (value, unit, digits) => {
          expect(amountEnUs(value, unit, digits)).toBe(intlAmount(value, unit, digits));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? propertyRuns(500)) },
      );
    });

    it('writes every rate as Intl writes it in en-US', () => {
      fc.assert(
        fc.property(decimal, fc.boolean(), significant, (value, signed, digits) => {
          expect(rateEnUs(value, signed, digits)).toBe(intlRate(value, signed, digits));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? propertyRuns(500)) },
      );
    });

    it('keeps every whole digit below a million', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
          expect(wholeDigits(new D(n), 4).replace(/,/g, '')).toBe(String(n));
        }),
      );
    });
  });
});

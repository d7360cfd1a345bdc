import { describe, expect, it } from 'vitest';
import { D, P } from '../../src/engine/decimal.js';
import { formatAmount, formatRate, formatYears, plainFigure } from '../../src/render/formatNumber.js';

// Figures for people in locales other than en-US (which formatEnUs.test.ts holds to Intl):
// nearer zero than 0.00000001 they read `<` and that figure, as the locale writes it.

/** Intl's no-break spaces as plain ones, to write the expected texts legibly. */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('figures nearer zero than a satoshi, in other locales', () => {
  it.each([
    ['de-DE', '0.00000001', 'USD', '0,00000001 $'],
    ['de-DE', '0.000000000001024', 'USD', '<0,00000001 $'],
    ['de-DE', '1e-400', 'BTC', '<0,00000001 BTC'],
    ['fr-FR', '1.5e-9', 'USD', '<0,00000001 $US'],
    // Chinese amounts keep two decimals, so a small one is never long: it reads US$0.
    ['zh-CN', '1e-400', 'USD', 'US$0'],
  ] as const)('writes the amount %s %s %s as %s', (locale, value, unit, text) => {
    expect(spaced(formatAmount(new D(value), unit, locale))).toBe(text);
  });

  it.each([
    ['de-DE', '1e-22', false, '<0,00000001 %'],
    ['de-DE', '-1e-22', true, '-<0,00000001 %'],
    ['zh-CN', '1e-22', true, '+<0.00000001%'],
    ['de-DE', '0.264', true, '+26,4 %'],
  ] as const)('writes the rate %s %s (signed %s) as %s', (locale, value, signed, text) => {
    expect(spaced(formatRate(new D(value), locale, signed))).toBe(text);
  });

  it('writes years nearer zero than 0.00000001 the same way', () => {
    expect(formatYears(new D('1e-400'), 'de-DE')).toBe('<0,00000001');
    expect(formatYears(new D('1e-400'))).toBe('<0.00000001');
    expect(formatYears(new D('12345.6'), 'de-DE')).toBe('12.346');
  });
});

describe('plainFigure rounds the engine value once, at the output', () => {
  it.each([
    { rule: 'to 40 significant digits, half to even', value: '0.099999999999999999999999999999999999999999999999999999999999', digits: null, gives: '0.1' },
    { rule: '--digits 2 rounds the precise value, not a rounded one: just above 0.125 is 0.13', value: '0.12500000000000000000000000000000000000004', digits: 2, gives: '0.13' },
    { rule: 'a tie rounds to even', value: '0.125', digits: 2, gives: '0.12' },
    { rule: 'exact where shorter', value: '769526806517.121024', digits: null, gives: '769526806517.121024' },
  ])('$rule', ({ value, digits, gives }) => {
    expect(plainFigure(new P(value), digits)).toBe(gives);
  });
});

import { D, PRINTED_DIGITS } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import { plainDigits } from './plainDigits.js';
import { amountEnUs, belowSmallestShown, rateEnUs, SMALLEST_SHOWN, yearsEnUs } from './formatEnUs.js';

// The one place that rounds for display. The engine's decimals arrive at its working precision;
// tables show 4 significant digits, CSV and JSON 40 (or --digits), each rounded once from that value. Tables
// write figures nearer zero than 0.00000001 as `<0.00000001` (SMALLEST_SHOWN, in formatEnUs.ts).

const cache = new Map<string, Intl.NumberFormat>();

/** A formatter made once per locale and kind: building one costs far more than formatting with it. */
function numberFormat(locale: string, kind: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { roundingMode: 'halfEven', ...options() } as Intl.NumberFormatOptions);
    cache.set(key, format);
  }
  return format;
}

const COMPACT_FROM = new D('1e6');
const SIGNIFICANT = 4;

/** Significant digits of a figure in a table for people, unless --digits asks for others. */
export const TABLE_DIGITS = SIGNIFICANT;

/** Intl formats a decimal string exactly; a JS number would lose digits past the 16th. */
function exact(value: D): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** `<` and the smallest figure shown, as `format` writes it, for a figure nearer zero (with its sign, if asked). */
function belowSmallest(value: D, format: (smallest: D) => string, signed = false): string {
  const sign = value.isNegative() ? '-' : signed ? '+' : '';
  return `${sign}<${format(SMALLEST_SHOWN)}`;
}

/**
 * An amount for people (4 significant digits unless told otherwise): `$769.5B`, `$2T`, `91,332 BTC`, `19.85M BTC`. Millions and above are
 * compact with 4 significant digits; smaller amounts keep every whole digit; nearer zero than a satoshi, `<$0.00000001`.
 */
export function formatAmount(value: D, unit: Unit, locale = 'en-US', significant = SIGNIFICANT): string {
  if (locale === 'en-US') {
    return amountEnUs(value, unit, significant);
  }
  if (locale.toLowerCase().startsWith('zh')) {
    // Chinese magnitudes (万, 亿, 万亿) with up to two decimals, as Chinese financial writing has them:
    // 7695.27亿, 1000亿, 2万亿; `significant` asks for more when more are wanted. Two decimals
    // never write a long figure: a tiny one reads US$0.
    const decimals = Math.max(2, significant - SIGNIFICANT + 2);
    const options = (): Intl.NumberFormatOptions => ({
      notation: 'compact',
      maximumFractionDigits: decimals,
      ...(unit === 'USD' ? { style: 'currency', currency: 'USD', minimumFractionDigits: 0 } : {}),
    });
    const text = numberFormat(locale, `amount-zh|${unit}|${decimals}`, options).format(exact(value) as unknown as number);
    return unit === 'USD' ? text : `${text} BTC`;
  }
  if (belowSmallestShown(value.toSignificantDigits(significant, D.ROUND_HALF_EVEN))) {
    return belowSmallest(value, (smallest) => formatAmount(smallest, unit, locale, significant));
  }
  const compact = value.abs().gte(COMPACT_FROM);
  const options = (): Intl.NumberFormatOptions => ({
    ...(compact
      ? { notation: 'compact', maximumSignificantDigits: significant }
      : ({ maximumSignificantDigits: significant, maximumFractionDigits: 0, roundingPriority: 'morePrecision' } as Intl.NumberFormatOptions)),
    ...(unit === 'USD' ? { style: 'currency', currency: 'USD', minimumFractionDigits: 0 } : {}),
  });
  const text = numberFormat(locale, `amount|${unit}|${compact}|${significant}`, options).format(exact(value) as unknown as number);
  return unit === 'USD' ? text : `${text} BTC`;
}

/** A rate for people, 4 significant digits: `26.44%`, `5%`, `-10.21%`, `<0.00000001%`; `signed` adds a + to rises. */
export function formatRate(value: D, locale = 'en-US', signed = false, significant = SIGNIFICANT): string {
  if (locale === 'en-US') {
    return rateEnUs(value, signed, significant);
  }
  if (belowSmallestShown(value.times(100).toSignificantDigits(significant, D.ROUND_HALF_EVEN))) {
    return belowSmallest(value, (smallest) => formatRate(smallest.div(100), locale, false, significant), signed);
  }
  const options = (): Intl.NumberFormatOptions => ({ style: 'percent', maximumSignificantDigits: significant, signDisplay: signed ? 'exceptZero' : 'auto' });
  return numberFormat(locale, `rate|${signed}|${significant}`, options).format(exact(value) as unknown as number);
}

/** A number of years for people: 4 significant digits, but every whole year (`5.006`, `12,346`); `<0.00000001` nearer zero. */
export function formatYears(value: D, locale = 'en-US'): string {
  if (locale === 'en-US') {
    return yearsEnUs(value, SIGNIFICANT);
  }
  if (belowSmallestShown(value.toSignificantDigits(SIGNIFICANT, D.ROUND_HALF_EVEN))) {
    return belowSmallest(value.abs(), (smallest) => formatYears(smallest, locale));
  }
  const options = (): Intl.NumberFormatOptions => ({ maximumSignificantDigits: SIGNIFICANT, maximumFractionDigits: 0, roundingPriority: 'morePrecision' }) as Intl.NumberFormatOptions;
  return numberFormat(locale, 'years', options).format(exact(value) as unknown as number);
}

/**
 * A figure for machines: plain notation (never an exponent), trailing zeros trimmed, the engine's
 * value rounded once, half to even, to 40 significant digits (PRINTED_DIGITS) or to `digits`.
 */
export function plainFigure(value: D, digits: number | null = null): string {
  return plainDigits(value, digits ?? PRINTED_DIGITS);
}

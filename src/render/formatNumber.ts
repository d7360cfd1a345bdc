import { D } from '../engine/decimal.js';
import type { Unit } from '../scenario/parseAmount.js';
import { amountEnUs, rateEnUs, wholeDigits } from './formatEnUs.js';

// The one place that rounds for display. The engine's decimals arrive exact; tables show
// 4 significant digits, CSV and JSON the full value (or --digits significant digits).

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

/** Intl formats a decimal string exactly; a JS number would lose digits past the 16th. */
function exact(value: D): string {
  return value.isZero() ? '0' : value.toFixed();
}

/**
 * An amount for people (4 significant digits unless told otherwise): `$769.5B`, `$2T`, `91,332 BTC`, `19.85M BTC`. Millions and above are
 * compact with 4 significant digits; smaller amounts keep every whole digit.
 */
export function formatAmount(value: D, unit: Unit, locale = 'en-US', significant = SIGNIFICANT): string {
  if (locale === 'en-US') {
    return amountEnUs(value, unit, significant);
  }
  if (locale.toLowerCase().startsWith('zh')) {
    // Chinese magnitudes (万, 亿, 万亿) with up to two decimals, as Chinese financial writing has them:
    // 7695.27亿, 1000亿, 2万亿; `significant` asks for more when more are wanted.
    const decimals = Math.max(2, significant - SIGNIFICANT + 2);
    const options = (): Intl.NumberFormatOptions => ({
      notation: 'compact',
      maximumFractionDigits: decimals,
      ...(unit === 'USD' ? { style: 'currency', currency: 'USD', minimumFractionDigits: 0 } : {}),
    });
    const text = numberFormat(locale, `amount-zh|${unit}|${decimals}`, options).format(exact(value) as unknown as number);
    return unit === 'USD' ? text : `${text} BTC`;
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

/** A rate for people, 4 significant digits: `26.44%`, `5%`, `-10.21%`; `signed` adds a + to rises. */
export function formatRate(value: D, locale = 'en-US', signed = false, significant = SIGNIFICANT): string {
  if (locale === 'en-US') {
    return rateEnUs(value, signed, significant);
  }
  const options = (): Intl.NumberFormatOptions => ({ style: 'percent', maximumSignificantDigits: significant, signDisplay: signed ? 'exceptZero' : 'auto' });
  return numberFormat(locale, `rate|${signed}|${significant}`, options).format(exact(value) as unknown as number);
}

/** A number of years for people: 4 significant digits, but every whole year (`5.006`, `12,346`). */
export function formatYears(value: D, locale = 'en-US'): string {
  if (locale === 'en-US') {
    return wholeDigits(value.abs(), SIGNIFICANT);
  }
  const options = (): Intl.NumberFormatOptions => ({ maximumSignificantDigits: SIGNIFICANT, maximumFractionDigits: 0, roundingPriority: 'morePrecision' }) as Intl.NumberFormatOptions;
  return numberFormat(locale, 'years', options).format(exact(value) as unknown as number);
}

/**
 * A figure for machines: plain notation (never an exponent), trailing zeros trimmed, all of the
 * engine's digits, or `digits` significant digits rounded half to even.
 */
export function plainFigure(value: D, digits: number | null = null): string {
  const rounded = digits === null ? value : value.toSignificantDigits(digits, D.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

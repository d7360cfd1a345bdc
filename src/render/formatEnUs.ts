import { D } from '../engine/decimal.js';

// en-US figures for tables, written out by hand with decimals rather than through Intl: the
// rules are short and exact, and loading ICU's number data costs a run about 30 ms, a third of
// Node's own start-up. Other locales go through Intl (formatNumber.ts). The tests hold these
// functions to Intl's output for en-US with half-even rounding.

const SCALES = [
  { suffix: 'T', size: new D('1e12') },
  { suffix: 'B', size: new D('1e9') },
  { suffix: 'M', size: new D('1e6') },
] as const;

/**
 * `12,345,678.9`: the integer part grouped by threes; from `minimum` whole digits on (compact
 * figures, as CLDR writes them, leave four digits alone: `1000T`, but `10,000T`).
 */
export function group(plain: string, minimum = 4): string {
  const [whole = '0', fraction] = plain.split('.');
  const grouped = whole.length < minimum ? whole : groupThrees(whole);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Commas between threes of digits, in one pass (a look-ahead pattern took time growing with the square of the digits). */
function groupThrees(whole: string): string {
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.slice(sign.length);
  const head = digits.length % 3 || 3;
  return `${sign}${digits.slice(0, head)}${digits.slice(head).replace(/[0-9]{3}/g, ',$&')}`;
}

function round(value: D, significant: number): D {
  return value.toSignificantDigits(significant, D.ROUND_HALF_EVEN);
}

/**
 * A magnitude below a million with `significant` digits, but every whole digit (Intl's
 * maximumSignificantDigits with maximumFractionDigits 0 and roundingPriority morePrecision).
 */
export function wholeDigits(magnitude: D, significant: number): string {
  const integerDigits = magnitude.gte(1) ? magnitude.trunc().toFixed().length : 0;
  const rounded = integerDigits >= significant ? magnitude.toDecimalPlaces(0, D.ROUND_HALF_EVEN) : round(magnitude, significant);
  return group(rounded.toFixed());
}

/** `769.5B`, `19.85M`, `1,000T`: compact from a million up, the suffix chosen after rounding. */
export function compactDigits(magnitude: D, significant: number): string {
  for (const [i, { suffix, size }] of SCALES.entries()) {
    if (magnitude.gte(size)) {
      const rounded = round(magnitude.div(size), significant);
      // 999.96B rounds to 1000B, which is written 1T.
      if (rounded.gte(1000) && i > 0) {
        const larger = SCALES[i - 1]!;
        return `${group(round(magnitude.div(larger.size), significant).toFixed(), 5)}${larger.suffix}`;
      }
      return `${group(rounded.toFixed(), 5)}${suffix}`;
    }
  }
  return wholeDigits(magnitude, significant);
}

/**
 * The smallest figure tables write out: 0.00000001, one satoshi (the smallest amount bitcoin
 * has), and as a rate 0.00000001%. A figure closer to zero reads `<0.00000001` (`<$0.00000001`,
 * `-<0.00000001%`) instead of its hundreds of zeros: a path that falls 99% a year for 200 years
 * ends near 1e-400. Tables never write an exponent; CSV and JSON keep every digit.
 */
export const SMALLEST_SHOWN = new D('1e-8');

/** Whether a figure, rounded to the digits it is shown with, is nearer zero than SMALLEST_SHOWN (and not zero). */
export function belowSmallestShown(rounded: D): boolean {
  return !rounded.isZero() && rounded.abs().lt(SMALLEST_SHOWN);
}

const COMPACT_FROM = new D('1e6');

export function amountEnUs(value: D, unit: 'USD' | 'BTC', significant: number): string {
  const magnitude = value.abs();
  if (belowSmallestShown(round(magnitude, significant))) {
    const smallest = SMALLEST_SHOWN.toFixed();
    return `${value.isNegative() ? '-' : ''}<${unit === 'USD' ? `$${smallest}` : `${smallest} BTC`}`;
  }
  const digits = magnitude.gte(COMPACT_FROM) ? compactDigits(magnitude, significant) : wholeDigits(magnitude, significant);
  const sign = value.isNegative() && digits.replace(/[0.,]/g, '') !== '' ? '-' : '';
  return unit === 'USD' ? `${sign}$${digits}` : `${sign}${digits} BTC`;
}

export function rateEnUs(value: D, signed: boolean, significant: number): string {
  const percent = round(value.times(100), significant);
  const digits = belowSmallestShown(percent) ? `<${SMALLEST_SHOWN.toFixed()}` : group(percent.abs().toFixed());
  const sign = percent.isZero() ? '' : percent.isNegative() ? '-' : signed ? '+' : '';
  return `${sign}${digits}%`;
}

/** A number of years: `significant` digits, but every whole year (`5.006`, `12,346`); `<0.00000001` nearer zero. */
export function yearsEnUs(value: D, significant: number): string {
  const magnitude = value.abs();
  return belowSmallestShown(round(magnitude, significant)) ? `<${SMALLEST_SHOWN.toFixed()}` : wholeDigits(magnitude, significant);
}

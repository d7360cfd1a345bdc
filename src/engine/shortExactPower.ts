import { Decimal } from 'decimal.js';
import { P, type D } from './decimal.js';

/** Digits at which a power is checked for being an exact decimal; an exact root has at most this many. */
const SHORT_ROOT_DIGITS = 45;

/** Wide enough for a 45-digit root to the 12th power, and a 60-digit base to the 11th, exactly. */
const EXACT = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/**
 * base^(numerator / denominator) as a short decimal, when it is one, from a close approximation
 * of it: 1.21^(1/2) is 1.1, not 1.0999…9. Null when the power is no short decimal (or the
 * exponent's terms are too large to check).
 */
export function shortExactPower(base: D, numerator: number, denominator: number, approximation: D): D | null {
  const short = approximation.toSignificantDigits(SHORT_ROOT_DIGITS);
  if (short.sd() >= SHORT_ROOT_DIGITS || denominator > 12 || Math.abs(numerator) > 12) {
    return null;
  }
  // short^denominator = base^numerator, both exact at this width: then short is the power itself.
  const [left, right] =
    numerator > 0
      ? [new EXACT(short).pow(denominator), new EXACT(base).pow(numerator)]
      : [new EXACT(short).pow(denominator).times(new EXACT(base).pow(-numerator)), new EXACT(1)];
  return left.eq(right) ? new P(short) : null;
}

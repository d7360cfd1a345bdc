import { Decimal } from 'decimal.js';
import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { POWER_DOMAIN_MESSAGE } from './messages.js';
import { shortExactPower } from './shortExactPower.js';

/** Digits of the exponent and of the logarithm behind a power: twenty beyond the engine's, so the power is good to P's last digit. */
export const WIDE = Decimal.clone({ precision: P.precision + 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/**
 * base^(numerator / denominator) for a base of 0 or more and whole numerator and denominator
 * (denominator at least 1), to P's precision. A power that is a short decimal comes out exactly:
 * 1.21^(1/2) is 1.1, not 1.0999…9, so that a figure built on it is exact where it can be.
 */
export function rationalPower(base: D, numerator: number, denominator: number): D {
  assert(base.gte(0) && Number.isInteger(numerator) && Number.isInteger(denominator) && denominator >= 1, POWER_DOMAIN_MESSAGE);
  if (numerator % denominator === 0) {
    return new P(base).pow(numerator / denominator);
  }
  if (base.isZero()) {
    return new P(numerator > 0 ? 0 : Infinity);
  }
  const power = new WIDE(base).pow(new WIDE(numerator).div(denominator));
  return shortExactPower(base, numerator, denominator, power) ?? new P(power).toSignificantDigits(P.precision);
}

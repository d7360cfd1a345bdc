import { assert } from './assert.js';
import { atYearEnd } from './atYearEnd.js';
import { P, type D } from './decimal.js';
import { decimalOf } from './decimalOf.js';
import { fixedOf } from './fixedOf.js';
import { nextYearProduct } from './nextYearProduct.js';
import { makeFactors } from './makeFactors.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';
import { rationalPower } from './rationalPower.js';
import { yearFactor } from './yearFactor.js';

/** Fractions of a year with up to this many decimals keep their exponent as an exact fraction. */
const EXACT_FRACTION_DECIMALS = 6;

/**
 * value × (1 + rate)^years, as a path computes it: whole years multiply the product of the
 * yearly factors (so a whole number of years meets the projected path's year end), a fractional
 * part of a year multiplies by a power.
 */
export function compound(value: D, rate: D, years: D | number): D {
  assert(rate.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  const span = new P(years);
  assert(span.gte(0), NEGATIVE_SPAN_MESSAGE);
  const factors = makeFactors();
  const whole = span.trunc();
  let product = fixedOf(new P(1));
  for (let k = 0; whole.gt(k); k += 1) {
    product = nextYearProduct(product, rate, factors);
  }
  const result = decimalOf(atYearEnd(fixedOf(value), product));
  const fraction = span.minus(whole);
  if (fraction.isZero()) {
    return result;
  }
  const places = fraction.decimalPlaces();
  if (places <= EXACT_FRACTION_DECIMALS) {
    const denominator = 10 ** places;
    const numerator = fraction.times(denominator).toNumber();
    const common = gcd(numerator, denominator);
    return result.times(rationalPower(yearFactor(rate), numerator / common, denominator / common));
  }
  return result.times(yearFactor(rate).pow(fraction));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

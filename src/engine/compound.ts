import { assert } from './assert.js';
import { D } from './decimal.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';

/**
 * value x (1 + rate)^years. Whole years multiply step by step, so the result is exact
 * whenever it fits 40 digits; a fractional part of a year goes through pow.
 */
export function compound(value: D, rate: D, years: D | number): D {
  assert(rate.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  const span = new D(years);
  assert(span.gte(0), NEGATIVE_SPAN_MESSAGE);
  const factor = new D(1).plus(rate);
  const whole = span.trunc();
  let result = new D(value);
  for (let k = 0; whole.gt(k); k += 1) {
    result = result.times(factor);
  }
  const fraction = span.minus(whole);
  return fraction.isZero() ? result : result.times(factor.pow(fraction));
}

import { assert } from './assert.js';
import { compound } from './compound.js';
import { P, type D } from './decimal.js';
import { DISCOUNT_AT_MINUS_ONE_MESSAGE } from './messages.js';

/** The value that compound(value, rate, years) came from: value / (1 + rate)^years. */
export function discount(value: D, rate: D, years: D | number): D {
  assert(rate.gt(-1), DISCOUNT_AT_MINUS_ONE_MESSAGE);
  return new P(value).div(compound(new P(1), rate, years));
}

import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE } from './messages.js';

/** The factor of a whole year at `rate` a year: 1 + rate, exact. */
export function yearFactor(rate: D): D {
  assert(rate.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  return new P(1).plus(rate);
}

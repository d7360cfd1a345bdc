import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { lnOnePlus, SERIES_BELOW } from './lnOnePlus.js';
import { LN_RATIO_POSITIVE_MESSAGE } from './messages.js';

/** ln(to / from) for positive amounts, to full precision even when to and from are close. */
export function lnRatio(to: D, from: D): D {
  assert(to.gt(0) && from.gt(0), LN_RATIO_POSITIVE_MESSAGE);
  const change = new P(to).minus(from).div(from);
  return change.abs().lt(SERIES_BELOW) ? lnOnePlus(change) : new P(to).div(from).ln();
}

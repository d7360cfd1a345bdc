import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { LN_ONE_PLUS_DOMAIN_MESSAGE } from './messages.js';

/** Below this size, ln(1 + x) and e^x - 1 are summed as series: forming 1 + x would throw digits of x away. */
export const SERIES_BELOW = new P('0.1');

/** ln(1 + x) for x above -1, to full precision near x = 0 (a log1p). */
export function lnOnePlus(x: D): D {
  assert(x.gt(-1), LN_ONE_PLUS_DOMAIN_MESSAGE);
  if (x.abs().gte(SERIES_BELOW)) {
    return new P(1).plus(x).ln();
  }
  // ln(1 + x) = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...) with z = x / (2 + x). Here |z| < 0.053,
  // so each term is at least 350 times smaller than the one before; stop when one no longer counts.
  const z = new P(x).div(new P(2).plus(x));
  const zSquared = z.times(z);
  let power = z;
  let sum = z;
  for (let k = 3; ; k += 2) {
    power = power.times(zSquared);
    const next = sum.plus(power.div(k));
    if (next.eq(sum)) {
      return sum.times(2);
    }
    sum = next;
  }
}

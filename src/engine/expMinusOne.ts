import { P, type D } from './decimal.js';
import { SERIES_BELOW } from './lnOnePlus.js';

/** e^x - 1, to full precision near x = 0 (an expm1). */
export function expMinusOne(x: D): D {
  x = new P(x);
  if (x.abs().gte(SERIES_BELOW)) {
    return x.exp().minus(1);
  }
  // x + x^2/2! + x^3/3! + ...; with |x| < 0.1 each term is at least 20 times smaller than the one before.
  let term = new P(x);
  let sum = new P(x);
  for (let k = 2; ; k += 1) {
    term = term.times(x).div(k);
    const next = sum.plus(term);
    if (next.eq(sum)) {
      return sum;
    }
    sum = next;
  }
}

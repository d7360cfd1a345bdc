import { FIXED_DIGITS, FIXED_ZERO, roundFixed, type Fixed } from '../core/fixed.js';
import { powerOfTen } from '../core/powerOfTen.js';

/** a / b for a nonzero b, rounded once to FIXED_DIGITS, half to even: the digits of P's a.div(b). */
export function fixedQuotient(a: Fixed, b: Fixed): Fixed {
  if (a.m === 0n) {
    return FIXED_ZERO;
  }
  // Enough digits for a quotient of at least FIXED_DIGITS + 1; the remainder says whether more follow.
  const k = Math.max(0, FIXED_DIGITS + 2 - a.digits + b.digits);
  const scaled = a.m * powerOfTen(k);
  const q = scaled / b.m;
  const r = scaled - q * b.m;
  return roundFixed(q, a.e - k - b.e, (q < 0n ? -q : q).toString().length, r !== 0n);
}

import { FIXED_DIGITS, FIXED_ZERO, roundFixed, type Fixed } from '../core/fixed.js';
import { powerOfTen } from '../core/powerOfTen.js';

/**
 * a / b - 1 for a nonzero b, as (a - b) / b: the difference exact, the quotient rounded once to
 * FIXED_DIGITS, half to even. The change of a period from its TVL and the one before it.
 */
export function fixedChange(a: Fixed, b: Fixed): Fixed {
  const e = Math.min(a.e, b.e);
  const difference = a.m * powerOfTen(a.e - e) - b.m * powerOfTen(b.e - e);
  if (difference === 0n) {
    return FIXED_ZERO;
  }
  const magnitude = difference < 0n ? -difference : difference;
  // The difference's digits: at most one more than the longer of the two aligned, fewer by as many as cancel.
  let digits = Math.max(a.digits + a.e - e, b.digits + b.e - e) + 1;
  while (digits > 1 && magnitude < powerOfTen(digits - 1)) {
    digits -= 1;
  }
  // Enough digits for a quotient of at least FIXED_DIGITS + 1; the remainder says whether more follow.
  const k = Math.max(0, FIXED_DIGITS + 2 - digits + b.digits);
  const scaled = difference * powerOfTen(k);
  const q = scaled / b.m;
  const r = scaled - q * b.m;
  // A quotient of an n-digit number by an m-digit one has n - m or n - m + 1 digits.
  const least = digits + k - b.digits;
  return roundFixed(q, e - k - b.e, (q < 0n ? -q : q) >= powerOfTen(least) ? least + 1 : least, r !== 0n);
}

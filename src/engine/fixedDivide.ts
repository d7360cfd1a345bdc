import { FIXED_DIGITS, FIXED_ZERO, roundFixed, type Fixed } from '../core/fixed.js';
import { powerOfTen } from '../core/powerOfTen.js';

/** a / n for a whole n of at least 1, rounded to FIXED_DIGITS half to even. */
export function fixedDivide(a: Fixed, n: number): Fixed {
  if (a.m === 0n) {
    return FIXED_ZERO;
  }
  const divisor = BigInt(n);
  // Enough digits for a quotient of at least FIXED_DIGITS + 1; the remainder says whether more follow.
  const k = Math.max(0, FIXED_DIGITS + 2 - a.digits + String(n).length);
  const scaled = a.m * powerOfTen(k);
  const q = scaled / divisor;
  const r = scaled - q * divisor;
  return roundFixed(q, a.e - k, (q < 0n ? -q : q).toString().length, r !== 0n);
}

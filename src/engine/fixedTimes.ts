import { FIXED_ZERO, roundFixed, type Fixed } from '../core/fixed.js';
import { powerOfTen } from '../core/powerOfTen.js';

/** a × b, rounded to FIXED_DIGITS half to even. */
export function fixedTimes(a: Fixed, b: Fixed): Fixed {
  if (a.m === 0n || b.m === 0n) {
    return FIXED_ZERO;
  }
  const m = a.m * b.m;
  const most = a.digits + b.digits;
  const magnitude = m < 0n ? -m : m;
  return roundFixed(m, a.e + b.e, magnitude >= powerOfTen(most - 1) ? most : most - 1);
}

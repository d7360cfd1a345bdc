import { roundFixed, type Fixed } from '../core/fixed.js';
import { powerOfTen } from '../core/powerOfTen.js';

/** a + b, rounded to FIXED_DIGITS half to even. */
export function fixedPlus(a: Fixed, b: Fixed): Fixed {
  if (a.m === 0n) {
    return roundFixed(b.m, b.e, b.digits);
  }
  if (b.m === 0n) {
    return roundFixed(a.m, a.e, a.digits);
  }
  const e = Math.min(a.e, b.e);
  const m = a.m * powerOfTen(a.e - e) + b.m * powerOfTen(b.e - e);
  return roundFixed(m, e, m === 0n ? 0 : (m < 0n ? -m : m).toString().length);
}

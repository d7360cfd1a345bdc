import type { Fixed } from '../core/fixed.js';
import { fixedTimes } from './fixedTimes.js';

/** The amount at a period inside a year: the year end before it × the part-year factor (none at a year end). */
export function amountInYear(yearEnd: Fixed, partYear: Fixed | null): Fixed {
  return partYear === null ? yearEnd : fixedTimes(yearEnd, partYear);
}

import type { Fixed } from '../core/fixed.js';
import { fixedTimes } from './fixedTimes.js';

/** The amount at a year end: start × the whole-year product, rounded to the engine's 60 digits. */
export function atYearEnd(start: Fixed, product: Fixed): Fixed {
  return fixedTimes(start, product);
}

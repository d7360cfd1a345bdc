import { P, type D } from './decimal.js';

/** The amount at a year end: start × the whole-year product, at the engine's precision. */
export function atYearEnd(start: D, product: D): D {
  return new P(start).times(product);
}

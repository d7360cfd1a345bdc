import { P, type D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';

/** The decimal of a Fixed, as a P. */
export function decimalOf(value: Fixed): D {
  return value.m === 0n ? new P(0) : new P(`${value.m}e${value.e}`);
}

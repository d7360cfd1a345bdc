import type { D } from './decimal.js';
import { FIXED_ZERO, type Fixed } from '../core/fixed.js';

/** 1 as a Fixed. */
export const FIXED_ONE: Fixed = { m: 1n, e: 0, digits: 1 };

/** A decimal as a Fixed, exactly (no rounding: the operations round their results). */
export function fixedOf(value: D): Fixed {
  const words = value.d as number[];
  if (words[0] === 0) {
    return FIXED_ZERO;
  }
  let text = String(words[0]);
  for (let i = 1; i < words.length; i += 1) {
    text += String(words[i]).padStart(7, '0');
  }
  const m = BigInt(text);
  return { m: value.s < 0 ? -m : m, e: value.e - (text.length - 1), digits: text.length };
}

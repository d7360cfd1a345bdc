import type { D } from '../engine/decimal.js';
import type { Fixed } from '../core/fixed.js';

/** Digits in one word of a decimal.js coefficient (base 1e7). */
const WORD_DIGITS = 7;

/**
 * A decimal as plain text (no exponent, no trailing zeros), rounded once, half to even, to
 * `significant` digits: the text of value.toSignificantDigits(significant, ROUND_HALF_EVEN).toFixed(),
 * read straight from the decimal's digits (its documented `d`, `e` and `s` properties) without
 * building a rounded Decimal. The output of a large projection is mostly this.
 */
export function plainDigits(value: D, significant: number): string {
  const words = value.d as number[] | null;
  if (words === null) {
    return value.toFixed();
  }
  if (words[0] === 0) {
    return '0';
  }
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i += 1) {
    digits += String(words[i]).padStart(WORD_DIGITS, '0');
  }
  return roundedText(digits, value.e, value.s < 0, significant);
}

/** A Fixed of the engine's step as plainDigits writes a decimal: rounded once, half to even, to `significant` digits. */
export function plainFixed(value: Fixed, significant: number): string {
  if (value.m === 0n) {
    return '0';
  }
  const negative = value.m < 0n;
  const digits = (negative ? -value.m : value.m).toString();
  return roundedText(digits, value.e + digits.length - 1, negative, significant);
}

/**
 * Plain text of 0.digits × 10^(exponent + 1), rounded half to even to `significant` digits, trailing zeros trimmed.
 * Cut by position in `text` itself: a new string of digits only when rounding up carries.
 */
function roundedText(text: string, first: number, negative: boolean, significant: number): string {
  let digits = text;
  let exponent = first;
  let end = digits.length;
  if (end > significant) {
    const next = digits.charCodeAt(significant) - 48;
    let up = next > 5;
    if (next === 5) {
      // Past a 5: any other digit makes it more than half; exactly half rounds to an even last digit.
      up = (digits.charCodeAt(significant - 1) - 48) % 2 === 1;
      for (let i = significant + 1; !up && i < end; i += 1) {
        up = digits.charCodeAt(i) !== 48;
      }
    }
    if (up) {
      digits = increment(digits.slice(0, significant));
      if (digits.length > significant) {
        exponent += 1;
      }
      end = digits.length;
    } else {
      end = significant;
    }
  }
  while (end > 1 && digits.charCodeAt(end - 1) === 48) {
    end -= 1;
  }
  const sign = negative ? '-' : '';
  if (exponent < 0) {
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits.slice(0, end)}`;
  }
  if (end <= exponent + 1) {
    return sign + digits.slice(0, end) + '0'.repeat(exponent + 1 - end);
  }
  return sign + digits.slice(0, exponent + 1) + '.' + digits.slice(exponent + 1, end);
}

/** A string of decimal digits plus one in its last place: `199` gives `200`, `999` gives `1000`. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') {
    i -= 1;
  }
  if (i < 0) {
    return `1${'0'.repeat(digits.length)}`;
  }
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

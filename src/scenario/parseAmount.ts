import { D } from '../engine/decimal.js';
import type { Distribution } from '../engine/distribution.js';
import { err, ok, type Result } from '../core/result.js';
import type { Unit } from '../core/unit.js';
import { quoted, shown } from '../core/visibleText.js';

export interface Amount {
  readonly value: D;
  /** The unit the text itself names ($, USD or BTC), or null for a bare number. */
  readonly marker: Unit | null;
  readonly text: string;
  /** Set when the figure is uncertain (a range or a distribution); value is then its median. */
  readonly distribution?: Distribution;
}

export interface TextProblem {
  readonly message: string;
  readonly hint: string | null;
}

const SUFFIX_POWERS: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9, t: 12 };
/**
 * Linear by construction: every run of spaces is matched by one `\s*` that the next token (a
 * digit, a suffix letter, a unit letter or the end) cannot also match, so a failed match gives
 * back at most one run once. Two `\s*` in a row (`\s*(suffix)?(\s*unit)?`) took 77 s on
 * `1<120,000 spaces>1`.
 */
const AMOUNT_PATTERN =
  /^(?<dollar>\$)?\s*(?<digits>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(?:[eE](?<exponent>[+-]?[0-9]{1,6}))?\s*(?:(?<suffix>[KkMmBbTt])\s*)?(?<unit>USD|usd|BTC|btc)?$/;
const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;
export const MAX_AMOUNT = new D('1e36');
/** The smallest amount above zero: below it an amount's digits would outgrow every figure printed. */
export const MIN_AMOUNT = new D('1e-30');
/**
 * The longest text of one figure (an amount or a rate, after trimming): 60 significant digits with
 * separators, an exponent and a unit fit many times over. Longer text is refused before any pattern
 * runs, so no pattern ever sees more than this.
 */
export const MAX_FIGURE_LENGTH = 200;
/** The significant digits the engine keeps (src/core/decimal.ts P): a figure with more is refused, never rounded. */
export const MAX_SIGNIFICANT_DIGITS = 60;
export const AMOUNT_HINT = 'write a number with an optional K, M, B or T suffix, like 2T, $238.5B, 2e12 or 91,332 BTC';

/** Reads an amount as written in a scenario or a flag: `2T`, `$238.5B`, `"2,000,000"`, `2e12`, `91,332 BTC`. */
export function parseAmount(text: string): Result<Amount, TextProblem> {
  const trimmed = text.trim();
  if (trimmed.length > MAX_FIGURE_LENGTH) {
    return err(tooLong(trimmed));
  }
  const match = AMOUNT_PATTERN.exec(trimmed);
  if (match?.groups === undefined) {
    const positive = /^-\s*[$0-9.]/.test(trimmed) ? trimmed.replace(/^-\s*/, '') : null;
    const absolute = positive === null ? null : parseAmount(positive);
    if (absolute?.ok === true) {
      // -0 is zero, not a negative amount; it is kept as written.
      return absolute.value.value.isZero()
        ? ok({ ...absolute.value, text: trimmed })
        : err({ message: `an amount cannot be negative (got ${shown(trimmed)})`, hint: null });
    }
    return err({ message: `${quoted(trimmed)} is not an amount`, hint: AMOUNT_HINT });
  }
  const { dollar, digits = '', exponent, suffix, unit } = match.groups;
  if (digits.includes(',') && !GROUPED.test(digits)) {
    return err({ message: `${quoted(trimmed)} has misplaced thousands separators`, hint: 'group digits in threes: 2,000,000,000' });
  }
  const markerFromUnit = unit === undefined ? null : (unit.toUpperCase() as Unit);
  if (dollar !== undefined && markerFromUnit === 'BTC') {
    return err({ message: `${quoted(trimmed)} names both dollars and BTC`, hint: null });
  }
  const plain = digits.replaceAll(',', '');
  const tooPrecise = checkSignificantDigits(plain, trimmed);
  if (tooPrecise !== null) {
    return err(tooPrecise);
  }
  const power = Number(exponent ?? '0') + (suffix === undefined ? 0 : SUFFIX_POWERS[suffix.toLowerCase()]!);
  // The magnitude is checked on the exponent first, so `1e999999` never becomes a huge decimal.
  const magnitude = plain.replace(/^[0.]+/, '') === '' ? null : new D(plain).e + power;
  if (magnitude !== null && magnitude > MAX_AMOUNT.e + 1) {
    return err(tooLargeAmount(trimmed));
  }
  if (magnitude !== null && magnitude < MIN_AMOUNT.e - 1) {
    return err(tooSmallAmount(trimmed));
  }
  // Built from its text with the exponent, so every digit is kept (times() would round to 40).
  const value = new D(`${plain}e${power}`);
  if (value.gt(MAX_AMOUNT)) {
    return err(tooLargeAmount(trimmed));
  }
  if (!value.isZero() && value.lt(MIN_AMOUNT)) {
    return err(tooSmallAmount(trimmed));
  }
  return ok({ value, marker: dollar !== undefined ? 'USD' : markerFromUnit, text: trimmed });
}

function tooLargeAmount(trimmed: string): TextProblem {
  return { message: `${quoted(trimmed)} is too large: amounts go up to 1e36`, hint: null };
}

function tooSmallAmount(trimmed: string): TextProblem {
  return { message: `${quoted(trimmed)} is too small: an amount is 0 or from 1e-30 to 1e36`, hint: null };
}

/** A figure's text cut to its first 40 characters, for a message about its length. */
export function tooLong(trimmed: string): TextProblem {
  return {
    message: `'${trimmed.slice(0, 40)}…' is too long for a figure (${trimmed.length.toLocaleString('en-US')} characters; at most ${MAX_FIGURE_LENGTH})`,
    hint: null,
  };
}

/** A problem when the digits of a number (no sign, no separators) hold more significant digits than the engine keeps. */
export function checkSignificantDigits(plain: string, trimmed: string): TextProblem | null {
  const significant = significantDigits(plain);
  if (significant <= MAX_SIGNIFICANT_DIGITS) {
    return null;
  }
  return {
    message: `'${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}' has ${significant} significant digits; btcfi keeps ${MAX_SIGNIFICANT_DIGITS}`,
    hint: `round it to ${MAX_SIGNIFICANT_DIGITS} significant digits or fewer`,
  };
}

/** The digits from the first non-zero to the last non-zero, the point aside: one scan each way. */
function significantDigits(plain: string): number {
  const digits = plain.replace('.', '');
  let first = 0;
  while (first < digits.length && digits[first] === '0') {
    first += 1;
  }
  let last = digits.length;
  while (last > first && digits[last - 1] === '0') {
    last -= 1;
  }
  return last - first;
}

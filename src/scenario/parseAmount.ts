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

const SUFFIXES: Readonly<Record<string, string>> = { k: '1e3', m: '1e6', b: '1e9', t: '1e12' };
const AMOUNT_PATTERN =
  /^(?<dollar>\$)?\s*(?<digits>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(?:[eE](?<exponent>[+-]?[0-9]{1,4}))?\s*(?<suffix>[KkMmBbTt])?(?:\s*(?<unit>USD|usd|BTC|btc))?$/;
const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;
export const MAX_AMOUNT = new D('1e36');
export const AMOUNT_HINT = 'write a number with an optional K, M, B or T suffix, like 2T, $238.5B, 2e12 or 91,332 BTC';

/** Reads an amount as written in a scenario or a flag: `2T`, `$238.5B`, `"2,000,000"`, `2e12`, `91,332 BTC`. */
export function parseAmount(text: string): Result<Amount, TextProblem> {
  const trimmed = text.trim();
  const match = AMOUNT_PATTERN.exec(trimmed);
  if (match?.groups === undefined) {
    const positive = /^-\s*[$0-9.]/.test(trimmed) ? trimmed.replace(/^-\s*/, '') : null;
    if (positive !== null && parseAmount(positive).ok) {
      return err({ message: `an amount cannot be negative (got ${shown(trimmed)})`, hint: null });
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
  let value = new D(digits.replaceAll(',', ''));
  if (exponent !== undefined) {
    value = value.times(new D(10).pow(exponent));
  }
  if (suffix !== undefined) {
    value = value.times(SUFFIXES[suffix.toLowerCase()]!);
  }
  if (value.gt(MAX_AMOUNT)) {
    return err({ message: `${quoted(trimmed)} is too large: amounts go up to 1e36`, hint: null });
  }
  return ok({ value, marker: dollar !== undefined ? 'USD' : markerFromUnit, text: trimmed });
}

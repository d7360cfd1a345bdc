import { err, ok, type Result } from '../core/result.js';
import { quoted } from '../core/visibleText.js';
import type { TextProblem } from './parseAmount.js';

// A field flag given several values (`--utilization 5%,10%,11.9%`) is a sweep: one case per
// value. Amounts may hold commas of their own ("91,332 BTC", "2,000,000,000,000"), so how a
// comma reads depends on what the flag takes:
//
// - an amount: a comma between two digits is a thousands separator, always, and must group
//   digits in threes; any other comma (after a letter, a `%` or a `$`, or before a space)
//   separates values. `100B,200B` and `91,332 BTC, 100,000 BTC` are lists; `2,000,000` is one
//   amount; `1,5B` and `1,000,2000` are refused (a decimal comma? a list without a space?).
// - a rate: rates have no thousands separators, so every comma separates values, and the
//   values of a list are all percentages or all fractions: `1,5%` (a decimal comma) is refused
//   rather than read as 100% and 5%.
// - anything else (years, a start year, a step): every comma separates values.

/** How a flag's value is written, which decides how its commas read. */
export type ListKind = 'amount' | 'rate' | 'other';

/** The most values a sweep may have: a scenario has at most 100 cases. */
export const MAX_SWEEP_VALUES = 100;

const SWEEP_HINT = 'separate the values of a sweep with commas (5%,10%,11.9%), or with a comma and a space after an amount that ends in a digit (1,000, 2,000)';

/**
 * The values of a flag written as a list, trimmed, or null when the text is one value. A list
 * with an empty value, a value twice, or a comma that reads both ways is a problem. Pure.
 */
export function splitList(text: string, kind: ListKind): Result<readonly string[] | null, TextProblem> {
  const parts = kind === 'amount' ? splitAmounts(text) : text.split(',');
  if (parts.length === 1) {
    return kind === 'amount' ? checkGrouping(text, text) : ok(null);
  }
  const values = parts.map((part) => part.trim());
  if (values.some((value) => value === '')) {
    return err({ message: `${quoted(text)} has an empty value in its list`, hint: SWEEP_HINT });
  }
  if (values.length > MAX_SWEEP_VALUES) {
    return err({ message: `${quoted(text)} lists ${values.length} values; a sweep has at most ${MAX_SWEEP_VALUES} (a case each)`, hint: 'for a finer scan of a field use btcfi grid' });
  }
  for (const value of values) {
    const grouping = kind === 'amount' ? checkGrouping(value, text) : ok(null);
    if (!grouping.ok) {
      return grouping;
    }
  }
  if (kind === 'rate' && new Set(values.map((value) => value.endsWith('%'))).size > 1) {
    return err({
      message: `${quoted(text)} mixes percentages and bare fractions`,
      hint: 'a rate takes a point as its decimal mark (1.5%); write every value of a sweep the same way: 5%,10% or 0.05,0.1',
    });
  }
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      return err({ message: `${quoted(value)} comes twice in ${quoted(text)}`, hint: 'each value of a sweep names a case: list each once' });
    }
    seen.add(value);
  }
  return ok(values);
}

/** Splits at every comma that is not between two digits. */
function splitAmounts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) {
    if (!(isDigit(text[at - 1]) && isDigit(text[at + 1]))) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A run of digits and commas in an amount must group its digits in threes: 2,000,000 (what follows a point aside). */
function checkGrouping(value: string, whole: string): Result<null, TextProblem> {
  for (const run of value.replace(/\.[0-9]*/g, ' ').match(/[0-9][0-9,]*[0-9]/g) ?? []) {
    if (run.includes(',') && !/^[0-9]{1,3}(?:,[0-9]{3})+$/.test(run)) {
      return err({
        message: `${quoted(whole)}: a comma between two digits is a thousands separator, and ${quoted(run)} does not group its digits in threes`,
        hint: `write a decimal with a point (1.5B); ${SWEEP_HINT}`,
      });
    }
  }
  return ok(null);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

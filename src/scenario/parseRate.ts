import { D } from '../engine/decimal.js';
import type { Distribution } from '../engine/distribution.js';
import { err, ok, type Result } from '../core/result.js';
import { checkSignificantDigits, tooLong, MAX_FIGURE_LENGTH, type TextProblem } from './parseAmount.js';
import { quoted } from '../core/visibleText.js';

export interface Rate {
  /** A fraction: 0.05 for 5%. */
  readonly value: D;
  readonly text: string;
  /** Set when the rate is uncertain (a range or a distribution); value is then its median. */
  readonly distribution?: Distribution;
}

/** Linear: each run of spaces is matched by one `\s*`, followed by a token that cannot be a space. */
const RATE_PATTERN = /^(?<sign>[+-])?\s*(?<digits>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE](?<exponent>[+-]?[0-9]{1,6}))?\s*(?<percent>%)?$/;
export const MAX_RATE = new D(1000);
/** The smallest rate above zero, as a fraction (1e-28%): smaller rates would write figures of thousands of digits. */
export const MIN_RATE = new D('1e-30');

/** Reads a rate: `5%`, `-74%`, `26.435236211558297%`, or a fraction `0.05`. A bare number above 1 is refused. */
export function parseRate(text: string): Result<Rate, TextProblem> {
  const trimmed = text.trim();
  if (trimmed.length > MAX_FIGURE_LENGTH) {
    return err(tooLong(trimmed));
  }
  const match = RATE_PATTERN.exec(trimmed);
  if (match?.groups === undefined) {
    return err({ message: `${quoted(trimmed)} is not a rate`, hint: 'write a percentage like 5% or -74%, or a fraction like 0.05' });
  }
  const { sign, digits = '', exponent, percent } = match.groups;
  const tooPrecise = checkSignificantDigits(digits, trimmed);
  if (tooPrecise !== null) {
    return err(tooPrecise);
  }
  const power = Number(exponent ?? '0') - (percent === undefined ? 0 : 2);
  // A decimal holds its exponent apart from its digits, so `1e999999%` is small until written out.
  const magnitude = digits.replace(/^[0.]+/, '') === '' ? null : new D(digits).e + power;
  if (magnitude !== null && magnitude < MIN_RATE.e - 1) {
    return err(tooSmallRate(trimmed));
  }
  // Built from its text with the exponent, so every digit is kept (times() would round to 40).
  let value = new D(`${digits}e${power}`);
  if (!value.isZero() && value.abs().lt(MIN_RATE)) {
    return err(tooSmallRate(trimmed));
  }
  if (sign === '-' && !value.isZero()) {
    value = value.negated();
  }
  if (percent === undefined && value.abs().gt(1)) {
    return err({
      message: `${quoted(trimmed)} would be a rate of ${value.e < 40 ? value.times(100).toFixed() : value.times(100).toExponential()}%`,
      hint: `a bare number is a fraction (0.05 is 5%); for ${trimmed} percent write ${trimmed}%`,
    });
  }
  if (value.abs().gt(MAX_RATE)) {
    return err(tooLargeRate(trimmed));
  }
  return ok({ value, text: trimmed });
}

function tooLargeRate(trimmed: string): TextProblem {
  return { message: `${quoted(trimmed)} is too large: rates go up to 100000%`, hint: null };
}

function tooSmallRate(trimmed: string): TextProblem {
  return { message: `${quoted(trimmed)} is too small: a rate is 0 or from 1e-28% to 100000% either way`, hint: null };
}

/**
 * The deepest fall a year short of -100%: growth is -100% (everything gone) or at least -99.9%, so
 * 1 + growth is 0 or at least 0.001. Over 200 years a path then stays 0 or above 1e-600 times its
 * start, and every figure printed stays a few hundred digits long (a fall of -99.99…% with 60
 * digits would make figures of ten thousand digits).
 */
export const MIN_GROWTH_ABOVE_WIPE_OUT = new D('-0.999');

/** The problem with a growth rate below -100%, or between -100% and -99.9%; null when it is fine. */
export function growthProblem(value: D, text: string): TextProblem | null {
  if (value.lt(-1)) {
    return { message: `must be at least -100% (got ${text})`, hint: 'a fall can take away at most everything: -100%' };
  }
  if (value.gt(-1) && value.lt(MIN_GROWTH_ABOVE_WIPE_OUT)) {
    return { message: `must be -100% or at least -99.9% (got ${text})`, hint: 'a fall of more than 99.9% a year short of everything would give figures thousands of digits long' };
  }
  return null;
}

import { D } from '../engine/decimal.js';
import type { Distribution } from '../engine/distribution.js';
import { err, ok, type Result } from '../core/result.js';
import type { TextProblem } from './parseAmount.js';
import { quoted } from '../core/visibleText.js';

export interface Rate {
  /** A fraction: 0.05 for 5%. */
  readonly value: D;
  readonly text: string;
  /** Set when the rate is uncertain (a range or a distribution); value is then its median. */
  readonly distribution?: Distribution;
}

const RATE_PATTERN = /^(?<sign>[+-])?\s*(?<digits>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE](?<exponent>[+-]?[0-9]{1,3}))?\s*(?<percent>%)?$/;
export const MAX_RATE = new D(1000);

/** Reads a rate: `5%`, `-74%`, `26.435236211558297%`, or a fraction `0.05`. A bare number above 1 is refused. */
export function parseRate(text: string): Result<Rate, TextProblem> {
  const trimmed = text.trim();
  const match = RATE_PATTERN.exec(trimmed);
  if (match?.groups === undefined) {
    return err({ message: `${quoted(trimmed)} is not a rate`, hint: 'write a percentage like 5% or -74%, or a fraction like 0.05' });
  }
  const { sign, digits = '', exponent, percent } = match.groups;
  let value = new D(digits);
  if (exponent !== undefined) {
    value = value.times(new D(10).pow(exponent));
  }
  if (sign === '-') {
    value = value.negated();
  }
  if (percent !== undefined) {
    value = value.div(100);
  } else if (value.abs().gt(1)) {
    return err({
      message: `${quoted(trimmed)} would be a rate of ${value.times(100).toFixed()}%`,
      hint: `a bare number is a fraction (0.05 is 5%); for ${trimmed} percent write ${trimmed}%`,
    });
  }
  if (value.abs().gt(MAX_RATE)) {
    return err({ message: `${quoted(trimmed)} is too large: rates go up to 100000%`, hint: null });
  }
  return ok({ value, text: trimmed });
}

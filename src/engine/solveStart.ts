import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { discount } from './discount.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE, NEGATIVE_SOLVE_AMOUNT_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';

/** `wiped-out`: at -100% every start ends at zero, so the end says nothing of where it began. */
export type StartNoAnswer = 'wiped-out';

export type SolveStartResult = { readonly value: D; readonly reason: null } | { readonly value: null; readonly reason: StartNoAnswer };

export interface SolveStartInput {
  readonly to: D;
  /** A fraction, at least -1. */
  readonly growth: D;
  /** 0 or more; may be fractional. */
  readonly years: D;
}

/** The amount that grows into `to` in `years` at `growth` a year: start = to / (1 + growth)^years. */
export function solveStart({ to, growth, years }: SolveStartInput): SolveStartResult {
  assert(to.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  assert(growth.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  assert(years.gte(0), NEGATIVE_SPAN_MESSAGE);
  if (years.isZero()) {
    return { value: new P(to), reason: null };
  }
  if (growth.eq(-1)) {
    return { value: null, reason: 'wiped-out' };
  }
  return { value: discount(to, growth, years), reason: null };
}

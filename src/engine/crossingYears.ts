import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { lnRatio } from './lnRatio.js';
import { CROSSING_MESSAGE } from './messages.js';

export interface CrossingInput {
  /** The figure at the start of the step (period `index`) and at its end (period index + 1). */
  readonly before: D;
  readonly after: D;
  /** The level crossed: strictly on the other side of `before`, and reached by `after`. */
  readonly level: D;
  /** The period the step starts from: 0 for the first. */
  readonly index: number;
  /** Periods in a year: 1, 4 or 12. */
  readonly periodsPerYear: number;
}

/**
 * When, in years since the first period, a path crosses a level within one step. Within a step
 * the path compounds at a constant rate, before x (after / before)^s for s from 0 to 1, so the
 * crossing solves before x (1 + g)^t = level on that curve, not on a straight line:
 * s = ln(level / before) / ln(after / before), and the time is (index + s) / periodsPerYear.
 * A level the step's end meets exactly is crossed at the end (s = 1, exactly). A path that falls
 * to zero leaves every level at the start of its step; one that starts from zero (a utilization
 * ramp from 0%) has no compounding curve and meets the level at the end of its step.
 */
export function crossingYears({ before, after, level, index, periodsPerYear }: CrossingInput): D {
  const rising = after.gt(before);
  assert(Number.isInteger(index) && index >= 0 && Number.isInteger(periodsPerYear) && periodsPerYear >= 1, CROSSING_MESSAGE);
  assert(rising ? before.lt(level) && after.gte(level) : before.gte(level) && after.lt(level), CROSSING_MESSAGE);
  let share: D;
  if (after.isZero()) {
    share = new P(0);
  } else if (before.isZero() || after.eq(level)) {
    share = new P(1);
  } else {
    share = lnRatio(level, before).div(lnRatio(after, before));
  }
  return share.plus(index).div(periodsPerYear);
}

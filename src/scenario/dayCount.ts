import { D } from '../engine/decimal.js';

// How a span between two dates of a history becomes years. Pure: instants in, decimals out.
//
// - anniversary (the default): the whole years from the first date to its last anniversary on
//   or before the second, then the time left over that anniversary year's own length (365 or
//   366 days). 2024-12-31 to 2025-12-31 is exactly 1 year; 2020-01-01 to 2025-01-01 exactly 5;
//   2024-12-31 to 2025-06-30 is 181/365. An anniversary of 29 February falls on 28 February
//   in a common year (2024-02-29 to 2025-02-28 is 1 year), and on 29 February again in the
//   next leap year (2024-02-29 to 2028-02-29 is 4).
// - actual/365.25: the days between the dates over 365.25, whatever the calendar.

export const DAY_COUNTS = ['anniversary', 'actual/365.25'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

const MS_PER_DAY = 86_400_000;
const DAYS_PER_YEAR = new D('365.25');

/** A span counted by anniversaries: whole years, then days over the length of the year they fall in. */
export interface AnniversarySpan {
  readonly wholeYears: number;
  /** Days after the last anniversary (a fraction when the dates hold times). */
  readonly days: D;
  /** Days from that anniversary to the next: 365 or 366. */
  readonly yearDays: D;
  readonly years: D;
}

/** Years from one instant to a later one (milliseconds since 1970, UTC), by the day count. */
export function yearsBetween(fromMs: number, toMs: number, dayCount: DayCount): D {
  if (dayCount !== 'anniversary') {
    return new D(toMs - fromMs).div(MS_PER_DAY).div(DAYS_PER_YEAR);
  }
  const { wholeYears, last, next } = anniversaryYear(fromMs, toMs);
  return anniversaryYears(wholeYears, last, next, toMs);
}

/** The span from one instant to a later one, counted by the first one's anniversaries. */
export function anniversarySpan(fromMs: number, toMs: number): AnniversarySpan {
  const { wholeYears, last, next } = anniversaryYear(fromMs, toMs);
  const days = new D(toMs - last).div(MS_PER_DAY);
  const yearDays = new D(next - last).div(MS_PER_DAY);
  return { wholeYears, days, yearDays, years: anniversaryYears(wholeYears, last, next, toMs) };
}

/** The whole years from `fromMs` to its last anniversary on or before `toMs`, that anniversary and the next. */
function anniversaryYear(fromMs: number, toMs: number): { wholeYears: number; last: number; next: number } {
  const from = new Date(fromMs);
  let wholeYears = new Date(toMs).getUTCFullYear() - from.getUTCFullYear();
  while (wholeYears > 0 && anniversary(from, wholeYears) > toMs) {
    wholeYears -= 1;
  }
  return { wholeYears, last: anniversary(from, wholeYears), next: anniversary(from, wholeYears + 1) };
}

/** Whole years, then the time past the last anniversary over that anniversary year's length. */
function anniversaryYears(wholeYears: number, last: number, next: number, toMs: number): D {
  return new D(wholeYears).plus(new D(toMs - last).div(next - last));
}

/** The instant `years` years after `from`: the same month, day and time, 29 February as 28 February in a common year. */
function anniversary(from: Date, years: number): number {
  const year = from.getUTCFullYear() + years;
  const month = from.getUTCMonth();
  const day = month === 1 && from.getUTCDate() === 29 && !isLeapYear(year) ? 28 : from.getUTCDate();
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds());
  return date.getTime();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { anniversarySpan, yearsBetween } from '../../src/scenario/dayCount.js';

const at = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const to40 = (value: D): string => value.toSignificantDigits(40).toFixed();

// Expected spans from Python's decimal (80 digits) over day counts taken with datetime.date:
// whole anniversaries, then the days left over that anniversary year's length.
describe('yearsBetween by anniversary', () => {
  it.each([
    { rule: 'a year end to the next is one year', from: '2024-12-31', to: '2025-12-31', years: '1' },
    { rule: 'five 1 January anniversaries, two of them over leap years', from: '2020-01-01', to: '2025-01-01', years: '5' },
    { rule: 'half a common year: 181 days of 365', from: '2024-12-31', to: '2025-06-30', years: '0.4958904109589041095890410958904109589041' },
    { rule: '29 February falls on 28 February in a common year', from: '2024-02-29', to: '2025-02-28', years: '1' },
    { rule: 'and on 29 February again in the next leap year', from: '2024-02-29', to: '2028-02-29', years: '4' },
    { rule: 'the day after a 28 February anniversary: 1 day of 365', from: '2024-02-29', to: '2025-03-01', years: '1.002739726027397260273972602739726027397' },
    { rule: '28 February to 29 February: 1 year and 1 day of 366', from: '2023-02-28', to: '2024-02-29', years: '1.002732240437158469945355191256830601093' },
    { rule: 'a year that holds 29 February is 366 days: 170 of 366', from: '1999-07-15', to: '2000-01-01', years: '0.4644808743169398907103825136612021857923' },
    { rule: 'times of day count: 5.5 days of 366', from: '2024-01-01T00:00:00Z', to: '2024-01-06T12:00:00Z', years: '0.01502732240437158469945355191256830601093' },
    { rule: 'years before 100 are read as written', from: '0050-03-01', to: '0052-03-01', years: '2' },
  ])('$rule', ({ from, to, years }) => {
    expect(to40(yearsBetween(at(from), at(to), 'anniversary'))).toBe(years);
  });

  it('keeps days / 365.25 with actual/365.25', () => {
    // Python: Decimal(365) / Decimal('365.25')
    expect(to40(yearsBetween(at('2024-12-31'), at('2025-12-31'), 'actual/365.25'))).toBe('0.9993155373032169746748802190280629705681');
  });

  it('says how the span splits: whole years, days, and the length of the year they fall in', () => {
    const span = anniversarySpan(at('2024-12-31'), at('2027-03-01'));
    expect({ whole: span.wholeYears, days: span.days.toFixed(), of: span.yearDays.toFixed() }).toEqual({ whole: 2, days: '60', of: '365' });
  });
});

/** A calendar date between 1900 and 2200, as milliseconds since 1970. */
const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => Math.floor(d.getTime() / 86_400_000) * 86_400_000);

/** The n-th anniversary of a date, by its calendar fields as text: an oracle independent of dayCount.ts's arithmetic. */
function nthAnniversary(fromMs: number, n: number): number {
  const [year, month, day] = new Date(fromMs).toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = year + n;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const shown = `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(month === 2 && day === 29 && !leap ? 28 : day).padStart(2, '0')}`;
  return Date.parse(`${shown}T00:00:00Z`);
}

describe('the anniversary count, over any dates', () => {
  it('gives exactly n years from a date to its n-th anniversary', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 150 }), (from, n) => {
        expect(yearsBetween(from, nthAnniversary(from, n), 'anniversary').eq(n)).toBe(true);
      }),
    );
  });

  it('lies between the whole years before and after, and grows with the later date', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, early, late] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const years = yearsBetween(from, early, 'anniversary');
        const whole = years.floor().toNumber();
        expect(nthAnniversary(from, whole) <= early && early < nthAnniversary(from, whole + 1)).toBe(true);
        expect(yearsBetween(from, late, 'anniversary').gte(years)).toBe(true);
        expect(new D(late).gt(early) ? yearsBetween(from, late, 'anniversary').gt(years) : true).toBe(true);
      }),
    );
  });
});

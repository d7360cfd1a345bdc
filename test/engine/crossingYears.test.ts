import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossingYears, D, P } from '../../src/engine/index.js';
import { CROSSING_MESSAGE } from '../../src/engine/messages.js';
import { amount, decimal } from './arbitraries.js';

const d = (text: string): D => new D(text);

describe('crossingYears', () => {
  it.each<{ rule: string; before: string; after: string; level: string; index: number; periodsPerYear: number; gives: string }>([
    { rule: 'a level halfway up in log terms is met halfway through the step: 100 to 121 passes 110 at half a year', before: '100', after: '121', level: '110', index: 0, periodsPerYear: 1, gives: '0.5' },
    { rule: 'a later step counts the periods before it', before: '100', after: '121', level: '110', index: 3, periodsPerYear: 1, gives: '3.5' },
    { rule: 'quarters are quarter years: 100 to 400 passes 200 halfway through the fourth quarter', before: '100', after: '400', level: '200', index: 3, periodsPerYear: 4, gives: '0.875' },
    { rule: 'months are twelfths: halfway through the first month is 1/24 of a year', before: '100', after: '400', level: '200', index: 0, periodsPerYear: 12, gives: '0.04166666666666666666666666666666666666667' },
    { rule: 'a fall passes a level the same way: 400 to 100 passes 200 halfway', before: '400', after: '100', level: '200', index: 0, periodsPerYear: 1, gives: '0.5' },
    { rule: 'a level the step ends on is met at its end, exactly', before: '100', after: '238', level: '238', index: 0, periodsPerYear: 1, gives: '1' },
    { rule: 'a fall from the level itself leaves it at the start of the step', before: '238', after: '200', level: '238', index: 2, periodsPerYear: 1, gives: '2' },
    { rule: 'a fall to zero leaves every level at the start of its step', before: '100', after: '0', level: '50', index: 1, periodsPerYear: 1, gives: '1' },
    { rule: 'a rise from zero (a ramp from 0%) meets the level at the end of its step', before: '0', after: '100', level: '50', index: 0, periodsPerYear: 4, gives: '0.25' },
    // Python's decimal module, 80 digits: ln(238 / 100) / ln(1.3), and ln(238 / 300) / ln(0.8).
    { rule: '$100B at 30% a year meets $238B at ln(2.38)/ln(1.3) years, on the compounding path', before: '219700000000', after: '285610000000', level: '238000000000', index: 3, periodsPerYear: 1, gives: '3.304948901647479276298846593396974174031' },
    { rule: '$300B at -20% a year falls below $238B at ln(238/300)/ln(0.8) years', before: '240000000000', after: '192000000000', level: '238000000000', index: 1, periodsPerYear: 1, gives: '1.037501642423594966390316465522440245295' },
  ])('$rule', ({ before, after, level, index, periodsPerYear, gives }) => {
    const years = crossingYears({ before: d(before), after: d(after), level: d(level), index, periodsPerYear });
    expect(years.toSignificantDigits(40).toFixed()).toBe(gives);
  });

  it.each<{ rule: string; before: string; after: string; level: string }>([
    { rule: 'a level the step does not reach', before: '100', after: '121', level: '122' },
    { rule: 'a level below where a rise starts', before: '100', after: '121', level: '100' },
    { rule: 'a level a fall does not go below', before: '400', after: '100', level: '100' },
  ])('refuses $rule: a bug in the caller', ({ before, after, level }) => {
    expect(() => crossingYears({ before: d(before), after: d(after), level: d(level), index: 0, periodsPerYear: 1 })).toThrow(CROSSING_MESSAGE);
  });

  describe('properties', () => {
    it('the compounding path start x (after/start)^t meets the level at the time found (to 35 digits)', () => {
      const rise = decimal(1, 50_000, 0).map((n) => n.div(10_000)); // 0.01% to 500% in one step
      fc.assert(
        fc.property(amount, rise, fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(1, 4, 12), (start, growth, share, index, periodsPerYear) => {
          const before = new P(start).plus(1);
          const after = before.times(new P(1).plus(growth));
          const level = before.plus(after.minus(before).times(share).div(1000));
          const years = crossingYears({ before, after, level, index, periodsPerYear });
          const within = years.times(periodsPerYear).minus(index);
          expect(within.gte(0) && within.lte(1)).toBe(true);
          const met = before.times(after.div(before).pow(within));
          expect(met.minus(level).abs().div(level).lt('1e-35')).toBe(true);
        }),
      );
    });

    it('a higher level is met later on a rising step', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 998 }), fc.integer({ min: 1, max: 998 }), (a, b) => {
          fc.pre(a !== b);
          const at = (permille: number): D => crossingYears({ before: d('100'), after: d('300'), level: new D(100).plus(new D(permille).div(5)), index: 0, periodsPerYear: 1 });
          expect(at(a).lt(at(b))).toBe(a < b);
        }),
      );
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, D, solveYears } from '../../src/engine/index.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE } from '../../src/engine/messages.js';
import { amount, decimal } from './arbitraries.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';

const d = (text: string): D => new D(text);

describe('solveYears', () => {
  it.each<{ rule: string; from: string; to: string; growth: string; gives: string; whole: string }>([
    { rule: '238.5B reaches 770.6B at 26.4% in 5.0059… years, so in the 6th', from: '238500000000', to: '770600000000', growth: '0.264', gives: '5.005948589434005677463931080420429206067', whole: '6' },
    { rule: 'a fall to a lower target counts: 100B to 26B at -74% is 1 year', from: '100000000000', to: '26000000000', growth: '-0.74', gives: '1', whole: '1' },
    { rule: 'an exact whole-year product is that many years exactly', from: '238500000000', to: '769526806517.121024', growth: '0.264', gives: '5', whole: '5' },
    { rule: 'doubling at 10% takes 7.27… years, so 8 whole ones', from: '1', to: '2', growth: '0.1', gives: '7.272540897341719083319903674960021674054', whole: '8' },
    { rule: 'a small fall to a lower target takes 2.005… years, so 3 whole ones', from: '100', to: '99', growth: '-0.005', gives: '2.005037804631228332947913955908588288869', whole: '3' },
    { rule: 'a target equal to the start takes no time', from: '5', to: '5', growth: '0.1', gives: '0', whole: '0' },
    { rule: 'zero to zero takes no time', from: '0', to: '0', growth: '-1', gives: '0', whole: '0' },
    { rule: 'half a year at 21% makes 10%: exactly half a year', from: '100', to: '110', growth: '0.21', gives: '0.5', whole: '1' },
  ])('$rule', ({ from, to, growth, gives, whole }) => {
    const result = solveYears({ from: d(from), to: d(to), growth: d(growth) });
    expect(result.reason).toBeNull();
    expect(result.value?.toSignificantDigits(40).toFixed()).toBe(gives);
    expect(result.wholeYears?.toSignificantDigits(40).toFixed()).toBe(whole);
  });

  it.each<{ rule: string; from: string; to: string; growth: string; reason: string }>([
    { rule: 'a higher target with negative growth moves away', from: '100', to: '200', growth: '-0.1', reason: 'moves-away' },
    { rule: 'a lower target with positive growth moves away', from: '100', to: '50', growth: '0.1', reason: 'moves-away' },
    { rule: 'growth of -100% is gone at once', from: '100', to: '50', growth: '-1', reason: 'wiped-out' },
    { rule: 'growth of -100% has no first moment at zero', from: '100', to: '0', growth: '-1', reason: 'wiped-out' },
    { rule: 'a zero start stays zero', from: '0', to: '100', growth: '0.5', reason: 'zero-start' },
    { rule: 'a fall above -100% never reaches zero', from: '100', to: '0', growth: '-0.5', reason: 'zero-target' },
    { rule: 'a rise never reaches zero either', from: '100', to: '0', growth: '0.5', reason: 'moves-away' },
    { rule: '0% never gets anywhere', from: '100', to: '200', growth: '0', reason: 'flat' },
  ])('no answer: $rule', ({ from, to, growth, reason }) => {
    expect(solveYears({ from: d(from), to: d(to), growth: d(growth) })).toEqual({ value: null, wholeYears: null, reason });
  });

  // Reference values: Python's decimal module with an 80-digit context, printed to 50
  // significant digits: (to / from).ln() / (1 + growth).ln().
  it.each<{ from: string; to: string; growth: string; reference: string }>([
    { from: '238.5e9', to: '770.6e9', growth: '0.264', reference: '5.0059485894340056774639310804204292060672435222713' },
    { from: '1', to: '2', growth: '0.1', reference: '7.2725408973417190833199036749600216740543492827029' },
    { from: '100', to: '200', growth: '0.000001', reference: '693147.52713347782715372128219707931410279097343249' },
    { from: '100', to: '99', growth: '-0.005', reference: '2.0050378046312283329479139559085882888694075179913' },
  ])('$from to $to at $growth agrees with a 50-digit reference to 30 digits', ({ from, to, growth, reference }) => {
    const got = solveYears({ from: d(from), to: d(to), growth: d(growth) }).value!;
    expect(agreesTo(got, d(reference)), compare(got, d(reference))).toBe(true);
  });

  it('refuses growth below -100% as an engine bug', () => {
    expect(() => solveYears({ from: d('1'), to: d('2'), growth: d('-1.5') })).toThrow(GROWTH_BELOW_MINUS_ONE_MESSAGE);
  });
});

// ---- laws ----

const positive = amount.filter((value) => value.gt(0));
/** A growth rate above -100%, not 0%, in steps of 0.01%. */
const movingRate = decimal(-9_999, 20_000, 0)
  .filter((n) => !n.isZero())
  .map((n) => n.div(10_000));
/** 0 to 50 years, in quarters. */
const span = fc.integer({ min: 0, max: 200 }).map((quarters) => new D(quarters).div(4));

describe('properties', () => {
  it('solveYears inverts compound: the span comes back to 30 digits', () => {
    fc.assert(
      fc.property(positive, movingRate, span, (from, growth, years) => {
        const result = solveYears({ from, to: compound(from, growth, years), growth });
        expect(result.reason).toBeNull();
        expect(agreesTo(result.value!, years) || result.value!.minus(years).abs().lt('1e-30'), compare(result.value!, years)).toBe(true);
      }),
    );
  });

  it('the first whole year is the ceiling of the span, and reaches the target while the year before does not', () => {
    fc.assert(
      fc.property(positive, movingRate, span, (from, growth, years) => {
        const to = compound(from, growth, years);
        const { wholeYears } = solveYears({ from, to, growth });
        const rising = to.gt(from);
        const reached = (k: D): boolean => (rising ? compound(from, growth, k).gte(to) : compound(from, growth, k).lte(to));
        expect(reached(wholeYears!)).toBe(true);
        if (wholeYears!.gt(0)) {
          expect(reached(wholeYears!.minus(1))).toBe(false);
        }
      }),
    );
  });

  it('over whole years, a whole-year target comes back as exactly that many years', () => {
    fc.assert(
      fc.property(decimal(1, 1_000_000, 2), movingRate, fc.integer({ min: 0, max: 6 }), (from, growth, n) => {
        // At most 7 digits of from and 5 of each factor: nothing rounds, so the product is exact.
        expect(solveYears({ from, to: compound(from, growth, n), growth }).value!.toSignificantDigits(40).toFixed()).toBe(String(n));
      }),
    );
  });
});

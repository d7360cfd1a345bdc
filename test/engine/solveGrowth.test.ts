import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, D, expMinusOne, lnOnePlus, solveGrowth } from '../../src/engine/index.js';
import { LN_ONE_PLUS_DOMAIN_MESSAGE, NEGATIVE_SOLVE_AMOUNT_MESSAGE, NEGATIVE_SPAN_MESSAGE } from '../../src/engine/messages.js';
import { amount, decimal } from './arbitraries.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';

const d = (text: string): D => new D(text);

describe('solveGrowth', () => {
  it.each<{ rule: string; from: string; to: string; years: string; gives: string }>([
    { rule: '238.5B to 770.6B over 5 years is the 26.4352…% CAGR', from: '238500000000', to: '770600000000', years: '5', gives: '0.2643523621155829706821108483252730842771' },
    { rule: '100 to 121 over 2 years is exactly 10%', from: '100', to: '121', years: '2', gives: '0.1' },
    { rule: '238.5B to 769.526806517121024B over 5 years is exactly 26.4%', from: '238500000000', to: '769526806517.121024', years: '5', gives: '0.264' },
    { rule: '100 to 6.76 over 2 years is exactly -74%', from: '100', to: '6.76', years: '2', gives: '-0.74' },
    { rule: 'a fall to zero is -100%', from: '100', to: '0', years: '3', gives: '-1' },
    { rule: 'no change is 0%', from: '91332', to: '91332', years: '7.5', gives: '0' },
    { rule: 'one year is the plain change', from: '101721', to: '91332', years: '1', gives: '-0.1021323030642640162798242250862653729318' },
    { rule: 'a fractional span takes the root: 100 to 110 over half a year is 21%', from: '100', to: '110', years: '0.5', gives: '0.21' },
    { rule: 'a cube root of 2 keeps 40 significant digits', from: '1', to: '2', years: '3', gives: '0.2599210498948731647672106072782283505703' },
    { rule: 'growth close to zero keeps its digits', from: '100', to: '100.000000001', years: '2', gives: '0.000000000004999999999987500000000062499999999609375' },
  ])('$rule', ({ from, to, years, gives }) => {
    const result = solveGrowth({ from: d(from), to: d(to), years: d(years) });
    expect(result.reason).toBeNull();
    expect(result.value?.toSignificantDigits(40).toFixed()).toBe(gives);
  });

  it.each<{ rule: string; from: string; to: string; years: string; reason: string }>([
    { rule: 'from zero no rate reaches an amount', from: '0', to: '5', years: '3', reason: 'zero-start' },
    { rule: 'from zero to zero every rate fits', from: '0', to: '0', years: '3', reason: 'zero-start' },
    { rule: 'over no time nothing grows', from: '1', to: '2', years: '0', reason: 'zero-years' },
    { rule: 'over no time, even to the same amount, there is no one rate', from: '1', to: '1', years: '0', reason: 'zero-years' },
  ])('no answer: $rule', ({ from, to, years, reason }) => {
    expect(solveGrowth({ from: d(from), to: d(to), years: d(years) })).toEqual({ value: null, reason });
  });

  // Reference values: Python's decimal module with an 80-digit context, printed to 50
  // significant digits: ((to / from).ln() / years).exp() - 1 (see the report of this change).
  it.each<{ from: string; to: string; years: string; reference: string }>([
    { from: '238.5e9', to: '770.6e9', years: '5', reference: '0.26435236211558297068211084832527308427707702756340' },
    { from: '100e9', to: '150e9', years: '2.5', reference: '0.17607902252467357258497781394178525671402667223698' },
    { from: '101721', to: '91332', years: '1', reference: '-0.10213230306426401627982422508626537293184298227505' },
    { from: '1', to: '2', years: '3', reference: '0.25992104989487316476721060727822835057025146470151' },
    { from: '100', to: '100.000000001', years: '2', reference: '4.9999999999875000000000624999999996093750000027344E-12' },
    { from: '1', to: '1.0000001', years: '10.5', reference: '9.5238090929705488968054137252319633169878696115548E-9' },
  ])('$from to $to over $years years agrees with a 50-digit reference to 30 digits', ({ from, to, years, reference }) => {
    const got = solveGrowth({ from: d(from), to: d(to), years: d(years) }).value!;
    expect(agreesTo(got, d(reference)), compare(got, d(reference))).toBe(true);
  });

  it('refuses a negative span or amount as an engine bug', () => {
    expect(() => solveGrowth({ from: d('1'), to: d('2'), years: d('-1') })).toThrow(NEGATIVE_SPAN_MESSAGE);
    expect(() => solveGrowth({ from: d('-1'), to: d('2'), years: d('1') })).toThrow(NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  });
});

describe('lnOnePlus and expMinusOne', () => {
  // References: Python's decimal module, 80-digit context, (1 + x).ln() to 50 significant digits.
  it.each<{ x: string; ln: string }>([
    { x: '0', ln: '0' },
    { x: '1e-20', ln: '9.9999999999999999999500000000000000000003333333333E-21' },
    { x: '-0.05', ln: '-0.051293294387550533426196144254687238439222361689899' },
    { x: '0.5', ln: '0.40546510810816438197801311546434913657199042346249' },
  ])('ln(1 + $x) agrees with a 50-digit reference to 38 digits', ({ x, ln }) => {
    expect(agreesTo(lnOnePlus(d(x)), d(ln), 38), compare(lnOnePlus(d(x)), d(ln))).toBe(true);
  });

  it('refuses x of -1 or below', () => {
    expect(() => lnOnePlus(d('-1'))).toThrow(LN_ONE_PLUS_DOMAIN_MESSAGE);
  });

  it('e^x - 1 near zero keeps every digit', () => {
    expect(expMinusOne(d('1e-20')).toSignificantDigits(40).toFixed()).toBe('0.00000000000000000001000000000000000000005');
    expect(expMinusOne(d('0')).toSignificantDigits(40).toFixed()).toBe('0');
  });
});

// ---- laws ----

const positive = amount.filter((value) => value.gt(0));
/** A span from a quarter of a year to 50 years, in quarters. */
const span = fc.integer({ min: 1, max: 200 }).map((quarters) => new D(quarters).div(4));

describe('properties', () => {
  it('solveGrowth then compound returns the end to 30 significant digits', () => {
    fc.assert(
      fc.property(positive, positive, span, (from, to, years) => {
        const growth = solveGrowth({ from, to, years }).value!;
        // Near -100% the fraction keeps fewer digits of the factor 1 + growth that compounding
        // uses (at -99.9999% six fewer): a limit of any 40-digit growth rate, not of the solve.
        fc.pre(growth.gt('-0.99'));
        const end = compound(from, growth, years);
        expect(agreesTo(end, to), compare(end, to)).toBe(true);
      }),
    );
  });

  it('compound then solveGrowth returns the rate to 30 significant digits', () => {
    fc.assert(
      fc.property(positive, decimal(-9_999, 20_000, 0).map((n) => n.div(10_000)), span, (from, rate, years) => {
        const growth = solveGrowth({ from, to: compound(from, rate, years), years }).value!;
        // A rate is compared as its factor 1 + rate: near -100% the factor is what compounding keeps.
        expect(agreesTo(growth.plus(1), rate.plus(1)), compare(growth, rate)).toBe(true);
      }),
    );
  });

  it('over whole years, a short rate comes back exactly', () => {
    fc.assert(
      fc.property(decimal(1, 1_000_000, 2), decimal(-999, 2_000, 0).map((n) => n.div(1_000)), fc.integer({ min: 1, max: 6 }), (from, rate, n) => {
        // At most 7 digits of from and 4 of each factor: 7 + 4 x 6 < 40, so the end is exact.
        const result = solveGrowth({ from, to: compound(from, rate, n), years: new D(n) });
        expect(result.value!.toSignificantDigits(40).toFixed()).toBe(rate.toSignificantDigits(40).toFixed());
      }),
    );
  });

  it('the same amount at both ends is 0% over any span', () => {
    fc.assert(
      fc.property(positive, span, (value, years) => {
        expect(solveGrowth({ from: value, to: value, years }).value!.toSignificantDigits(40).toFixed()).toBe('0');
      }),
    );
  });
});

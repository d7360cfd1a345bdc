import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, D, fitLogLinear, type FitPoint } from '../../src/engine/index.js';
import { FIT_POINTS_MESSAGE, FIT_POSITIVE_MESSAGE } from '../../src/engine/messages.js';
import { decimal } from './arbitraries.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';
import { propertyRuns } from '../fuzz/config.js';

const d = (text: string): D => new D(text);
const points = (pairs: readonly (readonly [string, string])[]): FitPoint[] => pairs.map(([years, value]) => ({ years: d(years), value: d(value) }));

/** The yearly figures of test/fixtures/history/defi-tvl-yearly.csv. */
const YEARLY = points([
  ['0', '700000000'],
  ['1', '20000000000'],
  ['2', '250000000000'],
  ['3', '40000000000'],
  ['4', '55000000000'],
  ['5', '120000000000'],
]);

describe('fitLogLinear', () => {
  it('two points are the endpoint CAGR', () => {
    const fit = fitLogLinear(points([['0', '100'], ['2', '121']]));
    expect(agreesTo(fit.growth, d('0.1'), 38), compare(fit.growth, d('0.1'))).toBe(true);
  });

  it('a constant series grows 0%', () => {
    expect(fitLogLinear(points([['0', '5'], ['1', '5'], ['3', '5']])).growth.toSignificantDigits(40).toFixed()).toBe('0');
  });

  it('the intercept is ln of the fitted value at year 0', () => {
    const fit = fitLogLinear(points([['0', '100'], ['1', '110'], ['2', '121']]));
    expect(agreesTo(fit.intercept, d('100').ln(), 38)).toBe(true);
  });

  // Reference: Python's decimal module, 80-digit context: slope = Σ(t - t̄)(ln v - mean ln v) / Σ(t - t̄)²,
  // growth = exp(slope) - 1, to 50 significant digits; the same figures with dates are in test/scenario/parseHistory.test.ts.
  it('the yearly DeFi TVL fixture grows 115.81…% a year, agreeing with a 50-digit reference to 30 digits', () => {
    const got = fitLogLinear(YEARLY).growth;
    const reference = d('1.1581041639720247248190354199967865058571269764270');
    expect(agreesTo(got, reference), compare(got, reference)).toBe(true);
    expect(got.toSignificantDigits(40).toFixed()).toBe('1.158104163972024724819035419996786505857');
  });

  it('refuses fewer than two points, points at one time, or a value of zero, as engine bugs', () => {
    expect(() => fitLogLinear(points([['0', '1']]))).toThrow(FIT_POINTS_MESSAGE);
    expect(() => fitLogLinear(points([['1', '1'], ['1', '2']]))).toThrow(FIT_POINTS_MESSAGE);
    expect(() => fitLogLinear(points([['0', '1'], ['1', '0']]))).toThrow(FIT_POSITIVE_MESSAGE);
  });
});

describe('properties', () => {
  it('an exactly geometric series gives back its rate to 30 digits, whatever the spacing of the points', () => {
    fc.assert(
      fc.property(
        decimal(1, 1_000_000_000, 3),
        decimal(-9_000, 20_000, 0).map((n) => n.div(10_000)),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 12 }),
        (start, rate, quarters) => {
          const series = quarters.map((q) => {
            const years = new D(q).div(4);
            return { years, value: compound(start, rate, years) };
          });
          const { growth } = fitLogLinear(series);
          expect(agreesTo(growth.plus(1), rate.plus(1)), compare(growth, rate)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(40) },
    );
  });
});

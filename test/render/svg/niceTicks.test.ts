import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { axisScale, linearAxis, log10Of, logAxis, niceStep, tickDigits } from '../../../src/render/svg/niceTicks.js';

const texts = (values: readonly D[]): string[] => values.map((value) => value.toFixed());

/** 1, 2 or 5 times a power of ten. */
function isOneTwoFive(value: D): boolean {
  const mantissa = value.div(new D(10).pow(value.e));
  return ['1', '2', '5'].includes(mantissa.toFixed());
}

describe('niceStep', () => {
  it.each([
    ['0.3', '0.5'],
    ['1', '1'],
    ['1.0001', '2'],
    ['2', '2'],
    ['2.5', '5'],
    ['5.1', '10'],
    ['47700000000', '50000000000'],
    ['0.000123', '0.0002'],
  ])('rounds %s up to the step %s', (raw, step) => {
    expect(niceStep(new D(raw)).toFixed()).toBe(step);
  });
});

describe('linearAxis', () => {
  it.each([
    { name: 'defi-2031 from zero: $0 to $800B in $200B', low: '238.5e9', high: '770.6e9', withZero: true, ticks: ['0', '200000000000', '400000000000', '600000000000', '800000000000'] },
    { name: 'a single $238B: $0 to $250B in $50B', low: '238e9', high: '238e9', withZero: true, ticks: ['0', '50000000000', '100000000000', '150000000000', '200000000000', '250000000000'] },
    { name: 'BTC 91,332 to 101,721 without zero: 5,000 BTC steps', low: '91332', high: '101721', withZero: false, ticks: ['90000', '95000', '100000', '105000'] },
    { name: 'all zero: $0 to $1', low: '0', high: '0', withZero: true, ticks: ['0', '0.2', '0.4', '0.6', '0.8', '1'] },
    { name: 'tiny figures keep exact decimals', low: '1e-30', high: '3e-30', withZero: false, ticks: ['1e-30', '1.5e-30', '2e-30', '2.5e-30', '3e-30'].map((text) => new D(text).toFixed()) },
  ])('$name', ({ low, high, withZero, ticks }) => {
    const axis = linearAxis(new D(low), new D(high), 5, withZero);
    expect(texts(axis.ticks)).toEqual(ticks);
    expect(axis.low.toFixed()).toBe(ticks[0]);
    expect(axis.high.toFixed()).toBe(ticks.at(-1));
  });

  describe('properties', () => {
    // Figures from integers and a scale, never doubles: exact decimals, as the engine gives them.
    const figure = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => new D(m).times(new D(10).pow(e)));

    it('every tick is a whole multiple of a 1-2-5 step, the ticks cover the figures, and there are at most count + 1 steps', () => {
      fc.assert(
        fc.property(figure, figure, fc.integer({ min: 2, max: 10 }), fc.boolean(), (a, b, count, withZero) => {
          const [low, high] = a.lte(b) ? [a, b] : [b, a];
          const axis = linearAxis(low, high, count, withZero);
          const step = axis.ticks[1]!.minus(axis.ticks[0]!);
          expect(isOneTwoFive(step)).toBe(true);
          for (const tick of axis.ticks) {
            expect(tick.div(step).isInteger()).toBe(true);
          }
          expect(axis.low.lte(low) && axis.high.gte(high)).toBe(true);
          expect(axis.ticks.length).toBeLessThanOrEqual(count + 2);
          if (withZero) {
            expect(axis.low.lte(0) && axis.high.gte(0)).toBe(true);
          }
        }),
      );
    });
  });
});

describe('logAxis', () => {
  it.each([
    { name: 'defi-2031: $200B to $1T, at 1-2-5', low: '238.5e9', high: '770.6e9', ticks: ['200000000000', '500000000000', '1000000000000'] },
    { name: 'two decades: every 1-2-5 figure', low: '3', high: '150', ticks: ['2', '5', '10', '20', '50', '100', '200'] },
    { name: 'an exact power of ten at the top stays the top', low: '10', high: '1000', ticks: ['10', '20', '50', '100', '200', '500', '1000'] },
    { name: 'many decades: every power of ten, or every 2nd, 5th...', low: '1e-30', high: '1e30', ticks: Array.from({ length: 7 }, (_, i) => new D(10).pow(-30 + 10 * i).toFixed()) },
  ])('$name', ({ low, high, ticks }) => {
    const axis = logAxis(new D(low), new D(high), 5);
    expect(texts(axis.ticks)).toEqual(ticks);
    expect(axis.ticks.every(isOneTwoFive)).toBe(true);
    expect(axis.low.lte(new D(low)) && axis.high.gte(new D(high))).toBe(true);
  });

  it('places figures beyond a double (1e400) by their decimal exponent', () => {
    expect(log10Of(new D('1e400'))).toBe(400);
    expect(log10Of(new D('2.5e-500'))).toBeCloseTo(-499.60206, 5);
    const scale = axisScale(logAxis(new D('1e100'), new D('1e400'), 5));
    expect(scale(new D('1e250'))).toBeCloseTo(0.5, 12);
  });
});

describe('tickDigits', () => {
  it.each([
    ['150000000000', 2],
    ['0', 1],
    ['1000', 1],
    ['0.0025', 2],
  ])('prints %s with %i significant digits', (value, digits) => {
    expect(tickDigits(new D(value))).toBe(digits);
  });
});

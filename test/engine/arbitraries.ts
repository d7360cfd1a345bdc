import fc from 'fast-check';
import { D, type Step } from '../../src/engine/index.js';

// Decimals for property tests, built from bounded integers and a scale (never fc.double):
// no NaN, no infinities, no binary float noise.

/** n × 10^-scale for an integer n in [min, max] and a scale in [0, maxScale]. */
export function decimal(min: number, max: number, maxScale = 6): fc.Arbitrary<D> {
  return fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: maxScale }))
    .map(([n, scale]) => new D(`${n}e-${scale}`));
}

/** A starting amount: 0 to about 2 × 10^15, with up to 6 decimals. */
export const amount = fc
  .tuple(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, magnitude]) => new D(`${n}e${magnitude}`).div(1_000_000));

/** A growth rate from -100% to +200%, in steps of 0.01%. */
export const growthRate = decimal(-10_000, 20_000, 0).map((n) => n.div(10_000));

/** A growth rate from 0% to +200%, in steps of 0.01%. */
export const nonNegativeRate = decimal(0, 20_000, 0).map((n) => n.div(10_000));

/** A utilization from 0% to 100%, in steps of 0.01%. */
export const utilization = decimal(0, 10_000, 0).map((n) => n.div(10_000));

export const step = fc.constantFrom<Step>('year', 'quarter', 'month');

/** A horizon and one rate per year of it. */
export function horizon(rate: fc.Arbitrary<D>, maxYears = 10): fc.Arbitrary<{ years: number; growthByYear: D[] }> {
  return fc
    .integer({ min: 0, max: maxYears })
    .chain((years) => fc.array(rate, { minLength: years, maxLength: years }).map((growthByYear) => ({ years, growthByYear })));
}

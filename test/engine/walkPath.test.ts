import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, makeFactors, PERIODS_PER_YEAR, tvlAtPeriod, walkPath, type Step, type TvlInput } from '../../src/engine/index.js';
import { plainFigure } from '../../src/render/formatNumber.js';
import { step as anyStep } from './arbitraries.js';
import { oracleFigures } from './oracle.js';
import { propertyRuns } from '../fuzz/config.js';

const d = (text: string): D => new D(text);

function printedPoint(input: TvlInput, index: number) {
  let found = null;
  for (const point of walkPath(input, makeFactors())) {
    if (point.index === index) {
      found = point;
    }
  }
  const show = (value: D | null): string | null => (value === null ? null : plainFigure(value));
  return { marketCap: show(found!.marketCap), utilization: show(found!.utilization), tvl: show(found!.tvl)! };
}

const monthly = (years: number, rate: string): TvlInput => ({ years, step: 'month', base: { kind: 'tvl', tvl: d('1') }, growthByYear: Array.from({ length: years }, () => d(rate)) });

describe('walkPath: the figures users saw off by a digit', () => {
  it('a utilization ramp of 0% to 10% on a market cap of 3 prints 0.1, not 0.0999…9', () => {
    const input: TvlInput = { years: 3, step: 'year', base: { kind: 'marketCap', marketCap: d('3'), utilization: { from: d('0'), to: d('0.1') } }, growthByYear: [d('0'), d('0'), d('0')] };
    const tvls = Array.from(walkPath(input, makeFactors()), (point) => plainFigure(point.tvl));
    expect(tvls).toEqual(['0', '0.1', '0.2', '0.3']);
  });

  it('a 200-year path at 7% is the exact value correctly rounded in its 40th digit', () => {
    const input: TvlInput = { years: 200, step: 'year', base: { kind: 'tvl', tvl: d('1') }, growthByYear: Array.from({ length: 200 }, () => d('0.07')) };
    expect(printedPoint(input, 200).tvl).toBe(oracleFigures(input, 200).tvl);
  });

  it('a monthly exponent j/12 is kept exact: half a year at 21% is exactly 1.1', () => {
    expect(printedPoint(monthly(1, '0.21'), 6).tvl).toBe('1.1');
  });

  it('quarters of 1.21^(1/4) and months of 4096^(1/12) are exact where the root is a short decimal', () => {
    expect(printedPoint({ ...monthly(1, '0.4641'), step: 'quarter' }, 2).tvl).toBe('1.21');
    expect(printedPoint(monthly(1, '4095'), 1).tvl).toBe('2');
  });

  it('changes are exact for a yearly step: growth itself', () => {
    const input: TvlInput = { years: 2, step: 'year', base: { kind: 'tvl', tvl: d('3') }, growthByYear: [d('0.125'), d('-0.5')] };
    expect(Array.from(walkPath(input, makeFactors()), (point) => point.change?.toFixed() ?? null)).toEqual([null, '0.125', '-0.5']);
  });
});

// ---- properties ----

/** A short or a long (40-digit) rate from -99% to +150%. */
const rate = fc.oneof(
  fc.integer({ min: -9_900, max: 15_000 }).map((n) => new D(n).div(10_000)),
  fc.tuple(fc.integer({ min: -99, max: 150 }), fc.bigInt({ min: 0n, max: 10n ** 38n - 1n })).map(([whole, digits]) => new D(`${whole < 0 ? '-' : ''}${Math.abs(whole)}.${digits.toString().padStart(38, '0')}`).div(100)),
);

const start = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.integer({ min: -8, max: 14 }))
  .map(([n, exponent]) => new D(`${n}e${exponent}`).toSignificantDigits(20));

const ramp = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })).map(([a, b]) => ({ from: new D(a).div(10_000), to: new D(b).div(10_000) }));

/** One to three phases of constant growth, up to 200 years in all. */
const phases = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 70 }), rate), { minLength: 1, maxLength: 3 })
  .map((list) => list.flatMap(([years, r]) => Array.from({ length: years }, () => r)));

const input: fc.Arbitrary<TvlInput> = fc
  .tuple(anyStep, phases, start, fc.option(ramp, { nil: null }))
  .map(([stepOf, growthByYear, amount, utilization]): TvlInput => ({
    years: growthByYear.length,
    step: stepOf as Step,
    base: utilization === null ? { kind: 'tvl', tvl: amount } : { kind: 'marketCap', marketCap: amount, utilization },
    growthByYear,
  }));

describe('properties', () => {
  it('every printed figure of a path is the exact value correctly rounded to 40 digits (yearly, quarterly, monthly, phases, ramps, up to 200 years)', () => {
    fc.assert(
      fc.property(input, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (path, picks) => {
        const periods = path.years * PERIODS_PER_YEAR[path.step];
        const indices = new Set([0, periods, ...picks.map((p) => Math.floor(p * periods))]);
        const points = new Map<number, ReturnType<typeof printedFigures>>();
        for (const point of walkPath(path, makeFactors())) {
          if (indices.has(point.index)) {
            points.set(point.index, printedFigures(point));
          }
        }
        for (const index of indices) {
          expect(points.get(index), `period ${index}`).toEqual(oracleFigures(path, index));
        }
      }),
      { numRuns: propertyRuns(40), seed: 20_261_202 },
    );
  }, 120_000);
});

describe('properties: one model', () => {
  it('walkPath (BigInt) and tvlAtPeriod (decimal.js) give the same 60-digit decimals at every period', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1, noNaN: true }), (path, pick) => {
        const periods = path.years * PERIODS_PER_YEAR[path.step];
        const index = Math.floor(pick * periods);
        const point = Array.from(walkPath(path, makeFactors()))[index]!;
        const alone = tvlAtPeriod(path, index);
        const all = (p: { marketCap: D | null; utilization: D | null; tvl: D }) => [p.marketCap?.toFixed() ?? null, p.utilization?.toFixed() ?? null, p.tvl.toFixed()];
        expect(all(point)).toEqual(all(alone));
      }),
      { numRuns: 60, seed: 5 },
    );
  }, 120_000);
});

describe('properties: factors shared by a run', () => {
  it('paths walked with one run\'s factors (sharing year products by rate, phases leaving them) give what each gives alone', () => {
    // Paths that start at the same rate (a value-equal object, or the same one) and part ways after some years.
    const family = fc.tuple(rate, fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), rate, start, anyStep), { minLength: 2, maxLength: 5 }));
    fc.assert(
      fc.property(family, ([first, paths]) => {
        const inputs = paths.map(([kept, after, next, amount, stepOf]): TvlInput => {
          const growthByYear = [...Array.from({ length: kept }, () => new D(first.toString())), ...Array.from({ length: after }, () => next)];
          return { years: growthByYear.length, step: stepOf as Step, base: { kind: 'tvl', tvl: amount }, growthByYear };
        });
        const shared = makeFactors();
        const figures = (path: TvlInput, factors: ReturnType<typeof makeFactors>) => Array.from(walkPath(path, factors), (point) => point.tvl.toFixed());
        const together = inputs.map((path) => figures(path, shared));
        expect(together).toEqual(inputs.map((path) => figures(path, makeFactors())));
      }),
      { numRuns: 40, seed: 31 },
    );
  }, 120_000);
});

function printedFigures(point: { marketCap: D | null; utilization: D | null; tvl: D }) {
  const show = (value: D | null): string | null => (value === null ? null : plainFigure(value));
  return { marketCap: show(point.marketCap), utilization: show(point.utilization), tvl: plainFigure(point.tvl) };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, PERIODS_PER_YEAR, projectTvl, tvlAtPeriod, type Step, type TvlInput } from '../../src/engine/index.js';
import { computeGridRows, type GridModel } from '../../src/report/computeGridRows.js';
import { parseAxis } from '../../src/scenario/parseAxis.js';
import { GRID_FIELDS, type Axis, type GridField } from '../../src/scenario/axis.js';
import { amount, growthRate, step, utilization } from '../engine/arbitraries.js';
import { propertyRuns } from '../fuzz/config.js';

const d = (text: string): D => new D(text);

function axis(text: string): Axis {
  const parsed = parseAxis(text);
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return parsed.value;
}

function capInput(marketCap: string, u: string, rate: string, years: number, stepOf: Step = 'year'): TvlInput {
  return {
    years,
    step: stepOf,
    base: { kind: 'marketCap', marketCap: d(marketCap), utilization: { from: d(u), to: d(u) } },
    growthByYear: Array.from({ length: years }, () => d(rate)),
  };
}

const grid = (model: GridModel): string[][] => [...computeGridRows(model)].map((row) => row.map((value) => value.toSignificantDigits(40).toFixed()));

/** A case with its years set, as the CLI would resolve it: the same rate for every year. */
const withYears = (input: TvlInput, rate: D) => (years: number | null): TvlInput =>
  years === null ? input : { ...input, years, growthByYear: Array.from({ length: years }, () => rate) };

describe('computeGridRows', () => {
  it('gives one row per y value and one cell per x value: utilization across, growth down', () => {
    const input = capInput('2000000000000', '0.05', '0', 5);
    expect(grid({ x: axis('utilization=1%..3%:1%'), y: axis('growth=0%..20%:10%'), at: null, inputFor: () => input })).toEqual([
      ['20000000000', '40000000000', '60000000000'],
      ['32210200000', '64420400000', '96630600000'],
      ['49766400000', '99532800000', '149299200000'],
    ]);
  });

  it('reads each cell at --at when given', () => {
    const input = capInput('2000000000000', '0.05', '0.1', 5);
    expect(grid({ x: axis('market_cap=1T,2T'), y: axis('utilization=5%'), at: 1, inputFor: () => input })).toEqual([['55000000000', '110000000000']]);
  });

  it('takes each cell to its own last period when years varies', () => {
    const input = capInput('100', '1', '0.1', 0);
    expect(grid({ x: axis('years=0..3'), y: axis('utilization=100%'), at: null, inputFor: withYears(input, d('0.1')) })).toEqual([['100', '110', '121', '133.1']]);
  });

  it('replaces a utilization ramp with each cell\'s constant utilization', () => {
    const input: TvlInput = { ...capInput('1000', '0', '0', 2), base: { kind: 'marketCap', marketCap: d('1000'), utilization: { from: d('0.01'), to: d('0.05') } } };
    expect(grid({ x: axis('utilization=10%'), y: axis('growth=0%'), at: 1, inputFor: () => input })).toEqual([['100']]);
    expect(grid({ x: axis('market_cap=1000'), y: axis('growth=0%'), at: 1, inputFor: () => input })).toEqual([['30']]);
  });

  it('varies a TVL directly', () => {
    const input: TvlInput = { years: 5, step: 'year', base: { kind: 'tvl', tvl: d('238500000000') }, growthByYear: Array.from({ length: 5 }, () => d('0.264')) };
    expect(grid({ x: axis('tvl=238.5B'), y: axis('growth=26.4%'), at: null, inputFor: () => input })).toEqual([['769526806517.121024']]);
  });

  it('keeps every digit of a 40-digit growth rate, as projectTvl does', () => {
    const input: TvlInput = { years: 5, step: 'year', base: { kind: 'tvl', tvl: d('238500000000') }, growthByYear: [] };
    expect(grid({ x: axis('years=5'), y: axis('growth=26.4352362115582970682110848325273084277%'), at: null, inputFor: withYears(input, d('0')) })).toEqual([
      ['770599999999.9999999999999999999999999998'],
    ]);
  });
});

// ---- properties ----

/** A small axis of the field with values the arbitraries make (years 0..6). */
function axisOf(field: GridField): fc.Arbitrary<Axis> {
  const values: Record<GridField, fc.Arbitrary<D>> = {
    market_cap: amount,
    tvl: amount,
    utilization,
    growth: growthRate,
    years: fc.integer({ min: 0, max: 6 }).map((n) => new D(n)),
  };
  return fc.array(values[field], { minLength: 1, maxLength: 4 }).map((list) => ({ field, values: list, marked: [], stopsShort: null }));
}

const fieldPair = fc
  .tuple(fc.constantFrom(...GRID_FIELDS), fc.constantFrom(...GRID_FIELDS))
  .filter(([a, b]) => a !== b && !(new Set([a, b]).has('tvl') && (new Set([a, b]).has('market_cap') || new Set([a, b]).has('utilization'))));

describe('properties', () => {
  it('every cell is tvlAtPeriod of the case with the cell\'s two values set, and projectTvl agrees', () => {
    const model = fieldPair.chain(([xField, yField]) =>
      fc.record({
        x: axisOf(xField),
        y: axisOf(yField),
        years: fc.integer({ min: 0, max: 6 }),
        step,
        rate: growthRate,
        start: amount,
        ramp: fc.tuple(utilization, utilization),
        atFraction: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(model, ({ x, y, years, step: stepOf, rate, start, ramp, atFraction }) => {
        const tvlBase = x.field === 'tvl' || y.field === 'tvl' || (x.field !== 'market_cap' && y.field !== 'market_cap' && x.field !== 'utilization' && y.field !== 'utilization' && ramp[0].gt(ramp[1]));
        const base: TvlInput['base'] = tvlBase ? { kind: 'tvl', tvl: start } : { kind: 'marketCap', marketCap: start, utilization: { from: ramp[0], to: ramp[1] } };
        const inputFor = (n: number | null): TvlInput => {
          const horizon = n ?? years;
          return { years: horizon, step: stepOf, base, growthByYear: Array.from({ length: horizon }, () => rate) };
        };
        const perYear = PERIODS_PER_YEAR[stepOf];
        const yearsAxis = x.field === 'years' ? x : y.field === 'years' ? y : null;
        const shortest = yearsAxis === null ? years : Math.min(...yearsAxis.values.map((v) => v.toNumber()));
        const at = atFraction === null ? null : Math.floor((atFraction * shortest * perYear) / 100);

        const rows = [...computeGridRows({ x, y, at, inputFor })];
        expect(rows).toHaveLength(y.values.length);
        rows.forEach((row, j) => {
          expect(row).toHaveLength(x.values.length);
          row.forEach((cell, i) => {
            let input = inputFor(null);
            // Years first: a horizon set afterwards would drop a growth value set before it.
            const settings = [[x.field, x.values[i]!], [y.field, y.values[j]!]] as const;
            for (const [field, value] of [...settings].sort(([a], [b]) => Number(b === 'years') - Number(a === 'years'))) {
              input = setField(input, field, value, rate);
            }
            const index = at ?? input.years * perYear;
            const expected = tvlAtPeriod(input, index).tvl.toFixed();
            expect(cell.toFixed()).toBe(expected);
            expect(projectTvl(input)[index]!.tvl.toFixed()).toBe(expected);
          });
        });
      }),
      { numRuns: propertyRuns(50) },
    );
  });
});

/** The case with one field set, the way a grid cell sets it. */
function setField(input: TvlInput, field: GridField, value: D, rate: D): TvlInput {
  switch (field) {
    case 'market_cap':
      return input.base.kind === 'marketCap' ? { ...input, base: { ...input.base, marketCap: value } } : input;
    case 'tvl':
      return { ...input, base: { kind: 'tvl', tvl: value } };
    case 'utilization':
      return input.base.kind === 'marketCap' ? { ...input, base: { ...input.base, utilization: { from: value, to: value } } } : input;
    case 'growth':
      return { ...input, growthByYear: input.growthByYear.map(() => value) };
    case 'years': {
      const years = value.toNumber();
      const growth = input.growthByYear[0] ?? rate;
      return { ...input, years, growthByYear: Array.from({ length: years }, () => growth) };
    }
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compoundToPeriod,
  D,
  growthToPeriod,
  PERIODS_PER_YEAR,
  projectTvl,
  tvlAtPeriod,
  type Step,
  type TvlAtPeriod,
  type TvlInput,
} from '../../src/engine/index.js';
import { NEGATIVE_HORIZON_MESSAGE } from '../../src/engine/messages.js';
import { PERIOD_INDEX_MESSAGE } from '../../src/engine/messages.js';
import { amount, growthRate, horizon, step, utilization } from './arbitraries.js';
import { plainFigure } from '../../src/render/formatNumber.js';
import { exactFigure } from './oracle.js';
import { propertyRuns } from '../fuzz/config.js';

// ---- helpers: literal strings in, literal strings out ----

const d = (text: string): D => new D(text);
const each = (rate: string, years: number): string[] => Array.from({ length: years }, () => rate);

function tvlInput(tvl: string, growth: readonly string[], stepOf: Step = 'year'): TvlInput {
  return { years: growth.length, step: stepOf, base: { kind: 'tvl', tvl: d(tvl) }, growthByYear: growth.map(d) };
}

function capInput(marketCap: string, from: string, to: string, growth: readonly string[], stepOf: Step = 'year'): TvlInput {
  return {
    years: growth.length,
    step: stepOf,
    base: { kind: 'marketCap', marketCap: d(marketCap), utilization: { from: d(from), to: d(to) } },
    growthByYear: growth.map(d),
  };
}

/** A point's figures as exact strings, 'null' where a field does not apply. */
function figures(point: Pick<TvlAtPeriod, 'marketCap' | 'utilization' | 'tvl'>): { marketCap: string; utilization: string; tvl: string } {
  const show = (value: D | null): string => (value === null ? 'null' : value.toSignificantDigits(40).toFixed());
  return { marketCap: show(point.marketCap), utilization: show(point.utilization), tvl: show(point.tvl) };
}

const EXACT_GROWTH = '0.264352362115582970682110848325273084277';

// ---- rules, by example ----

describe('tvlAtPeriod', () => {
  it.each<{ rule: string; input: TvlInput; index: number; tvl: string; marketCap?: string; utilization?: string }>([
    {
      rule: 'a TVL compounds once a year: 238.5B x 1.264^5 is 769526806517.121024',
      input: tvlInput('238500000000', each('0.264', 5)),
      index: 5,
      tvl: '769526806517.121024',
    },
    { rule: 'a period inside the horizon: two years in', input: tvlInput('238500000000', each('0.264', 5)), index: 2, tvl: '381050496000' },
    { rule: 'the first period is the start itself', input: tvlInput('238500000000', each('0.264', 5)), index: 0, tvl: '238500000000' },
    {
      rule: 'a start with more than 40 digits is printed rounded to 40 at the first period',
      input: tvlInput('1.00000000000000000000000000000000000000000000001', []),
      index: 0,
      tvl: '1',
    },
    {
      rule: 'a rate with 40 digits rounds year by year, as projectTvl does: 770.6B less 2e-28',
      input: tvlInput('238500000000', each(EXACT_GROWTH, 5)),
      index: 5,
      tvl: '770599999999.9999999999999999999999999998',
    },
    { rule: 'growth of -100% leaves nothing', input: tvlInput('100', each('-1', 2)), index: 2, tvl: '0' },
    { rule: 'phases: 50% then 20% (100 -> 150 -> 180)', input: tvlInput('100', ['0.5', '0.2']), index: 2, tvl: '180' },
    {
      rule: 'market cap times utilization: 5% of 2T is 100B',
      input: capInput('2000000000000', '0.05', '0.05', []),
      index: 0,
      tvl: '100000000000',
      marketCap: '2000000000000',
      utilization: '0.05',
    },
    {
      rule: 'a utilization ramp moves linearly: halfway from 0.46% to 5% is 2.73%',
      input: capInput('1000', '0.0046', '0.05', each('0', 2)),
      index: 1,
      tvl: '27.3',
      marketCap: '1000',
      utilization: '0.0273',
    },
    {
      rule: 'a quarter inside a year grows by (1 + g)^(1/4): half a year at 21% is 10%',
      input: tvlInput('100', each('0.21', 1), 'quarter'),
      index: 2,
      tvl: '110',
    },
    { rule: 'a quarterly year end equals the yearly path', input: tvlInput('100', each('0.21', 2), 'quarter'), index: 8, tvl: '146.41' },
    {
      rule: 'a month in the second year grows from the first year end',
      input: tvlInput('100', ['0.5', '0.44'], 'month'),
      index: 18,
      tvl: '180',
    },
  ])('$rule', ({ input, index, tvl, marketCap = 'null', utilization: u = 'null' }) => {
    expect(figures(tvlAtPeriod(input, index))).toEqual({ marketCap, utilization: u, tvl });
  });

  it('names the period it computed: year and subperiod', () => {
    const point = tvlAtPeriod(tvlInput('100', each('0.1', 3), 'month'), 26);
    expect([point.index, point.year, point.subperiod]).toEqual([26, 2, 2]);
  });

  it.each([
    { rule: 'an index past the last period', index: 6 },
    { rule: 'a negative index', index: -1 },
    { rule: 'a fractional index', index: 1.5 },
  ])('refuses $rule as a bug', ({ index }) => {
    expect(() => tvlAtPeriod(tvlInput('100', each('0.1', 5)), index)).toThrow(PERIOD_INDEX_MESSAGE);
  });

  it('checks the same invariants as projectTvl', () => {
    expect(() => tvlAtPeriod({ ...tvlInput('100', []), years: -1 }, 0)).toThrow(NEGATIVE_HORIZON_MESSAGE);
  });
});

describe('growthToPeriod and compoundToPeriod', () => {
  it('multiply the whole years into one product: 1.1^5 is exact', () => {
    const growth = growthToPeriod(each('0.1', 5).map(d), 'year', 5);
    expect(growth.product.toSignificantDigits(40).toFixed()).toBe('1.61051');
    expect(compoundToPeriod(d('1000000000'), growth).toSignificantDigits(40).toFixed()).toBe('1610510000');
  });

  it('keep 20 digits beyond the 40 printed, so the printed figure is the exact one correctly rounded', () => {
    const growth = growthToPeriod(each(EXACT_GROWTH, 5).map(d), 'year', 5);
    const amount = compoundToPeriod(d('238500000000'), growth);
    expect(amount.sd()).toBeGreaterThan(40);
    expect(plainFigure(amount)).toBe(exactFigure('238500000000', EXACT_GROWTH, 5));
  });

  it('need growth for every year up to the period', () => {
    expect(() => growthToPeriod(each('0.1', 2).map(d), 'quarter', 9)).toThrow();
  });
});

// ---- properties ----

/** Rates and amounts with up to 45 digits, so that products round and the year-by-year path is taken. */
const digits = (max: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: max }).map((list) => list.join('') || '0');
const longRate = fc.tuple(fc.integer({ min: -99, max: 150 }), digits(45)).map(([whole, fraction]) => new D(`${whole}.${fraction}`).div(100));
const longAmount = fc.tuple(fc.integer({ min: 0, max: 2_000_000_000 }), digits(45)).map(([whole, fraction]) => new D(`${whole}.${fraction}`));
const anyRate = fc.oneof(growthRate, longRate);
const anyAmount = fc.oneof(amount, longAmount);

const input: fc.Arbitrary<TvlInput> = fc
  .tuple(
    horizon(anyRate, 6),
    step,
    fc.oneof(
      anyAmount.map((tvl) => ({ kind: 'tvl' as const, tvl })),
      fc.tuple(anyAmount, utilization, utilization).map(([marketCap, from, to]) => ({ kind: 'marketCap' as const, marketCap, utilization: { from, to } })),
    ),
  )
  .map(([{ years, growthByYear }, stepOf, base]) => ({ years, step: stepOf, base, growthByYear }));

describe('properties', () => {
  it('tvlAtPeriod gives exactly the point of projectTvl at every index', () => {
    fc.assert(
      fc.property(input, (tvl) => {
        const path = projectTvl(tvl);
        expect(path).toHaveLength(tvl.years * PERIODS_PER_YEAR[tvl.step] + 1);
        for (const point of path) {
          const at = tvlAtPeriod(tvl, point.index);
          expect(figures(at)).toEqual(figures(point));
          expect([at.year, at.subperiod]).toEqual([point.year, point.subperiod]);
        }
      }),
      { numRuns: propertyRuns(50) },
    );
  });

  it('one growth factor applied to many starts gives what compounding each start gives', () => {
    fc.assert(
      // Year ends only: the part of a year is one multiplication, the same either way.
      fc.property(horizon(anyRate, 12), fc.array(anyAmount, { minLength: 1, maxLength: 8 }), ({ years, growthByYear }, starts) => {
        const growth = growthToPeriod(growthByYear, 'year', years);
        for (const start of starts) {
          const path = projectTvl({ years, step: 'year', base: { kind: 'tvl', tvl: start }, growthByYear });
          expect(compoundToPeriod(start, growth).toSignificantDigits(40).toFixed()).toBe(path.at(-1)!.tvl.toSignificantDigits(40).toFixed());
        }
      }),
      { numRuns: 300 },
    );
  });
});

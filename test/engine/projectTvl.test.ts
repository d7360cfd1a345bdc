import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, PERIODS_PER_YEAR, projectTvl, type Step, type TvlInput, type TvlPath, type TvlPoint } from '../../src/engine/index.js';
import {
  GROWTH_BELOW_MINUS_ONE_MESSAGE,
  GROWTH_LENGTH_MESSAGE,
  NEGATIVE_AMOUNT_MESSAGE,
  NEGATIVE_HORIZON_MESSAGE,
  UTILIZATION_RANGE_MESSAGE,
} from '../../src/engine/messages.js';
import { amount, growthRate, horizon, nonNegativeRate, step, utilization } from './arbitraries.js';
import { propertyRuns } from '../fuzz/config.js';

// ---- helpers: literal strings in, literal strings out ----

const d = (text: string): D => new D(text);

/** The same rate for each of `years` years. */
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

type Column = 'tvl' | 'marketCap' | 'utilization' | 'change' | 'period';

/** One column of a path as exact strings: `null` for a missing value, `year/subperiod` for the period. */
function column(path: TvlPath, name: Column): string[] {
  return path.map((point) => {
    if (name === 'period') {
      return `${point.year}/${point.subperiod}`;
    }
    const value = point[name];
    return value === null ? 'null' : value.toSignificantDigits(40).toFixed();
  });
}

const finalTvl = (path: TvlPath): D => path.at(-1)!.tvl;

// ---- rules, by example ----

describe('projectTvl', () => {
  it.each<{ rule: string; input: TvlInput; column: Column; gives: string[] }>([
    {
      rule: 'a TVL compounds once a year: 238.5B × 1.264^5 reaches 769526806517.121024',
      input: tvlInput('238500000000', each('0.264', 5)),
      column: 'tvl',
      gives: ['238500000000', '301464000000', '381050496000', '481647826944', '608802853257.216', '769526806517.121024'],
    },
    {
      rule: 'change is tvl / previous tvl - 1',
      input: tvlInput('238500000000', each('0.264', 3)),
      column: 'change',
      gives: ['null', '0.264', '0.264', '0.264'],
    },
    {
      rule: 'tvl is market cap × utilization: 2T × 5% is 100B',
      input: capInput('2000000000000', '0.05', '0.05', []),
      column: 'tvl',
      gives: ['100000000000'],
    },
    {
      rule: 'the market cap compounds, not the utilization',
      input: capInput('2000000000000', '0.05', '0.05', each('0.1', 2)),
      column: 'marketCap',
      gives: ['2000000000000', '2200000000000', '2420000000000'],
    },
    {
      rule: 'a constant utilization locks the same share of a growing market cap',
      input: capInput('2000000000000', '0.05', '0.05', each('0.1', 2)),
      column: 'tvl',
      gives: ['100000000000', '110000000000', '121000000000'],
    },
    {
      rule: 'a TVL path has no market cap',
      input: tvlInput('100', each('0.1', 1)),
      column: 'marketCap',
      gives: ['null', 'null'],
    },
    {
      rule: 'a TVL path has no utilization',
      input: tvlInput('100', each('0.1', 1)),
      column: 'utilization',
      gives: ['null', 'null'],
    },
    {
      rule: '-74% keeps 26% a year: 100 → 26 → 6.76',
      input: tvlInput('100', each('-0.74', 2)),
      column: 'tvl',
      gives: ['100', '26', '6.76'],
    },
    {
      rule: 'a fall shows as a negative change',
      input: tvlInput('100', each('-0.74', 2)),
      column: 'change',
      gives: ['null', '-0.74', '-0.74'],
    },
    {
      rule: 'growth -100% leaves nothing, and nothing grows after it',
      input: tvlInput('100', ['-1', '0.5', '0']),
      column: 'tvl',
      gives: ['100', '0', '0', '0'],
    },
    {
      rule: 'the fall to zero is a change of -100%, and change is null after a zero',
      input: tvlInput('100', ['-1', '0.5', '0']),
      column: 'change',
      gives: ['null', '-1', 'null', 'null'],
    },
    {
      rule: 'a zero start has no change at all',
      input: tvlInput('0', each('0.2', 2)),
      column: 'change',
      gives: ['null', 'null', 'null'],
    },
    {
      rule: 'a utilization ramp {from 0.46%, to 5%} over 4 years moves by equal steps',
      input: capInput('2000000000000', '0.0046', '0.05', each('0', 4)),
      column: 'utilization',
      gives: ['0.0046', '0.01595', '0.0273', '0.03865', '0.05'],
    },
    {
      rule: 'a ramp on a flat market cap moves the TVL by equal steps',
      input: capInput('2000000000000', '0.0046', '0.05', each('0', 4)),
      column: 'tvl',
      gives: ['9200000000', '31900000000', '54600000000', '77300000000', '100000000000'],
    },
    {
      rule: 'a ramp can fall',
      input: capInput('1000', '0.05', '0.01', each('0', 2)),
      column: 'utilization',
      gives: ['0.05', '0.03', '0.01'],
    },
    {
      rule: 'a quarterly ramp moves every quarter, not every year',
      input: capInput('1000', '0', '0.04', each('0', 1), 'quarter'),
      column: 'utilization',
      gives: ['0', '0.01', '0.02', '0.03', '0.04'],
    },
    {
      rule: 'a ramp and growth combine: market cap × ramp',
      input: capInput('1000', '0.1', '0.3', each('1', 2)),
      column: 'tvl',
      gives: ['100', '400', '1200'],
    },
    {
      rule: 'phases apply their own rate each year: 2 years at 50%, then 3 at 20%',
      input: tvlInput('100', ['0.5', '0.5', '0.2', '0.2', '0.2']),
      column: 'tvl',
      gives: ['100', '150', '225', '270', '324', '388.8'],
    },
    {
      rule: 'years 0 gives one row, the start',
      input: tvlInput('100', []),
      column: 'tvl',
      gives: ['100'],
    },
    {
      rule: 'years 0 of a monthly path is still one row',
      input: tvlInput('100', [], 'month'),
      column: 'period',
      gives: ['0/0'],
    },
    {
      rule: 'a yearly path labels every row with subperiod 0',
      input: tvlInput('100', each('0.1', 3)),
      column: 'period',
      gives: ['0/0', '1/0', '2/0', '3/0'],
    },
    {
      rule: 'quarters are labelled year/0..3, and the year end starts the next year',
      input: tvlInput('100', each('0.21550625', 2), 'quarter'),
      column: 'period',
      gives: ['0/0', '0/1', '0/2', '0/3', '1/0', '1/1', '1/2', '1/3', '2/0'],
    },
    {
      rule: 'a quarter grows by (1 + g)^(1/4): 21.550625% a year is 5% a quarter',
      input: tvlInput('100', each('0.21550625', 2), 'quarter'),
      column: 'tvl',
      gives: ['100', '105', '110.25', '115.7625', '121.550625', '127.62815625', '134.0095640625', '140.710042265625', '147.74554437890625'],
    },
    {
      rule: 'months are labelled year/0..11',
      input: tvlInput('100', each('0.126825030131969720661201', 1), 'month'),
      column: 'period',
      gives: ['0/0', '0/1', '0/2', '0/3', '0/4', '0/5', '0/6', '0/7', '0/8', '0/9', '0/10', '0/11', '1/0'],
    },
    {
      rule: 'a month grows by (1 + g)^(1/12): 1.01^12 - 1 a year is 1% a month',
      input: tvlInput('100', each('0.126825030131969720661201', 1), 'month'),
      column: 'tvl',
      gives: [
        '100',
        '101',
        '102.01',
        '103.0301',
        '104.060401',
        '105.10100501',
        '106.1520150601',
        '107.213535210701',
        '108.28567056280801',
        '109.3685272684360901',
        '110.462212541120451001',
        '111.56683466653165551101',
        '112.6825030131969720661201',
      ],
    },
    {
      rule: 'growth -100% empties a quarterly path from its first quarter on',
      input: tvlInput('100', ['-1', '0.5'], 'quarter'),
      column: 'tvl',
      gives: ['100', '0', '0', '0', '0', '0', '0', '0', '0'],
    },
    {
      rule: 'a 12345678901234567891.25 TVL keeps every digit',
      input: tvlInput('12345678901234567891.25', each('0.1', 2)),
      column: 'tvl',
      gives: ['12345678901234567891.25', '13580246791358024680.375', '14938271470493827148.4125'],
    },
    {
      rule: 'a 12345678901234567891.25 market cap keeps every digit under a utilization',
      input: capInput('12345678901234567891.25', '0.5', '0.5', []),
      column: 'tvl',
      gives: ['6172839450617283945.625'],
    },
  ])('$rule', ({ input, column: name, gives }) => {
    expect(column(projectTvl(input), name)).toEqual(gives);
  });

  it('numbers each row 0, 1, 2, ... in index', () => {
    expect(projectTvl(tvlInput('1', each('0', 2), 'quarter')).map((point) => point.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('does not change its input', () => {
    const input = capInput('2000000000000', '0.0046', '0.05', each('0.264', 3), 'month');
    const before = JSON.stringify(input);
    projectTvl(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each<{ rule: string; input: TvlInput; message: string }>([
    { rule: 'a negative horizon', input: { ...tvlInput('100', []), years: -1 }, message: NEGATIVE_HORIZON_MESSAGE },
    { rule: 'a fractional horizon', input: { ...tvlInput('100', ['0.1']), years: 0.5 }, message: NEGATIVE_HORIZON_MESSAGE },
    { rule: 'fewer rates than years', input: { ...tvlInput('100', ['0.1']), years: 2 }, message: GROWTH_LENGTH_MESSAGE },
    { rule: 'more rates than years', input: { ...tvlInput('100', ['0.1', '0.1']), years: 1 }, message: GROWTH_LENGTH_MESSAGE },
    { rule: 'a rate below -100%', input: tvlInput('100', ['0.1', '-1.0001']), message: GROWTH_BELOW_MINUS_ONE_MESSAGE },
    { rule: 'a negative TVL', input: tvlInput('-1', []), message: NEGATIVE_AMOUNT_MESSAGE },
    { rule: 'a negative market cap', input: capInput('-1', '0.05', '0.05', []), message: NEGATIVE_AMOUNT_MESSAGE },
    { rule: 'a utilization above 100%', input: capInput('1', '0.05', '1.01', []), message: UTILIZATION_RANGE_MESSAGE },
    { rule: 'a negative utilization', input: capInput('1', '-0.01', '0.05', []), message: UTILIZATION_RANGE_MESSAGE },
  ])('refuses $rule as an engine bug', ({ input, message }) => {
    expect(() => projectTvl(input)).toThrow(message);
  });
});

// ---- laws ----

/** A TVL base or a market-cap base with a utilization ramp. */
const base = fc.oneof(
  amount.map((tvl) => ({ kind: 'tvl' as const, tvl })),
  fc
    .record({ marketCap: amount, from: utilization, to: utilization })
    .map(({ marketCap, from, to }) => ({ kind: 'marketCap' as const, marketCap, utilization: { from, to } })),
);

const input = fc
  .record({ base, step, horizon: horizon(growthRate, 6) })
  .map(({ base: b, step: s, horizon: h }): TvlInput => ({ base: b, step: s, ...h }));

const startOf = (path: TvlPath): TvlPoint => path[0]!;

describe('properties', () => {
  it('zero growth keeps the path flat', () => {
    fc.assert(
      fc.property(base, step, fc.integer({ min: 0, max: 10 }), (b, s, years) => {
        const path = projectTvl({ base: b, step: s, years, growthByYear: Array.from({ length: years }, () => new D(0)) });
        const start = b.kind === 'tvl' ? b.tvl : b.marketCap;
        for (const point of path) {
          expect((point.marketCap ?? point.tvl).toSignificantDigits(40).toFixed()).toBe(start.toSignificantDigits(40).toFixed());
        }
      }),
    );
  });

  it('zero growth and a constant utilization keep the TVL flat, with a change of 0', () => {
    fc.assert(
      fc.property(amount.filter((a) => !a.isZero()), utilization.filter((u) => !u.isZero()), step, fc.integer({ min: 1, max: 10 }), (marketCap, u, s, years) => {
        const path = projectTvl({ base: { kind: 'marketCap', marketCap, utilization: { from: u, to: u } }, step: s, years, growthByYear: Array.from({ length: years }, () => new D(0)) });
        expect(new Set(path.map((point) => point.tvl.toSignificantDigits(40).toFixed()))).toEqual(new Set([marketCap.times(u).toSignificantDigits(40).toFixed()]));
        expect(path.slice(1).every((point) => point.change !== null && point.change.isZero())).toBe(true);
      }),
    );
  });

  it('tvl = marketCap × utilization in every row', () => {
    fc.assert(
      fc.property(input, (tvlIn) => {
        fc.pre(tvlIn.base.kind === 'marketCap');
        for (const point of projectTvl(tvlIn)) {
          expect(point.tvl.toSignificantDigits(40).toFixed()).toBe(point.marketCap!.times(point.utilization!).toSignificantDigits(40).toFixed());
        }
      }),
    );
  });

  it('a utilization ramp starts at from and ends at to', () => {
    fc.assert(
      fc.property(amount, utilization, utilization, step, fc.integer({ min: 1, max: 10 }), (marketCap, from, to, s, years) => {
        const path = projectTvl({ base: { kind: 'marketCap', marketCap, utilization: { from, to } }, step: s, years, growthByYear: Array.from({ length: years }, () => new D(0)) });
        expect(startOf(path).utilization!.toSignificantDigits(40).toFixed()).toBe(from.toSignificantDigits(40).toFixed());
        expect(path.at(-1)!.utilization!.toSignificantDigits(40).toFixed()).toBe(to.toSignificantDigits(40).toFixed());
      }),
    );
  });

  it('a path has years × periods-per-year + 1 rows, indexed year × periods-per-year + subperiod', () => {
    fc.assert(
      fc.property(input, (tvlIn) => {
        const perYear = PERIODS_PER_YEAR[tvlIn.step];
        const path = projectTvl(tvlIn);
        expect(path).toHaveLength(tvlIn.years * perYear + 1);
        path.forEach((point, position) => {
          expect(point.index).toBe(position);
          expect(point.year * perYear + point.subperiod).toBe(position);
          expect(point.subperiod).toBeLessThan(perYear);
        });
      }),
    );
  });

  it('the first row is the start', () => {
    fc.assert(
      fc.property(input, (tvlIn) => {
        const first = startOf(projectTvl(tvlIn));
        const start = tvlIn.base.kind === 'tvl' ? tvlIn.base.tvl : tvlIn.base.marketCap;
        expect((first.marketCap ?? first.tvl).toSignificantDigits(40).toFixed()).toBe(start.toSignificantDigits(40).toFixed());
        expect(first.change).toBeNull();
      }),
    );
  });

  it('change is tvl / previous - 1, and null only for the first row or after a zero', () => {
    fc.assert(
      fc.property(input, (tvlIn) => {
        const path = projectTvl(tvlIn);
        path.forEach((point, position) => {
          const previous = position === 0 ? null : path[position - 1]!.tvl;
          if (previous === null || previous.isZero()) {
            expect(point.change).toBeNull();
          } else {
            expect(point.change!.toSignificantDigits(40).toFixed()).toBe(point.tvl.div(previous).minus(1).toSignificantDigits(40).toFixed());
          }
        });
      }),
    );
  });

  it('with non-negative growth, final TVL never falls as growth rises', () => {
    const rates = fc
      .integer({ min: 1, max: 10 })
      .chain((years) => fc.array(fc.tuple(nonNegativeRate, nonNegativeRate), { minLength: years, maxLength: years }));
    fc.assert(
      fc.property(base, step, rates, (b, s, pairs) => {
        const lower = pairs.map(([rate]) => rate);
        const higher = pairs.map(([rate, rise]) => rate.plus(rise));
        const years = pairs.length;
        const low = finalTvl(projectTvl({ base: b, step: s, years, growthByYear: lower }));
        const high = finalTvl(projectTvl({ base: b, step: s, years, growthByYear: higher }));
        expect(high.gte(low)).toBe(true);
      }),
      { numRuns: propertyRuns(40) },
    );
  });

  it('monthly and quarterly paths equal the yearly path at every year end', () => {
    fc.assert(
      fc.property(base, horizon(growthRate, 6), (b, h) => {
        const yearly = projectTvl({ base: b, step: 'year', ...h });
        const quarterly = projectTvl({ base: b, step: 'quarter', ...h });
        const monthly = projectTvl({ base: b, step: 'month', ...h });
        for (const point of yearly) {
          const quarterEnd = quarterly[point.year * 4]!;
          const monthEnd = monthly[point.year * 12]!;
          // The law asks for 30 significant digits; the engine promises exact equality.
          expect(quarterEnd.tvl.toSignificantDigits(30).toSignificantDigits(40).toFixed()).toBe(point.tvl.toSignificantDigits(30).toSignificantDigits(40).toFixed());
          expect(monthEnd.tvl.toSignificantDigits(30).toSignificantDigits(40).toFixed()).toBe(point.tvl.toSignificantDigits(30).toSignificantDigits(40).toFixed());
          expect([quarterEnd.year, quarterEnd.subperiod, monthEnd.year, monthEnd.subperiod]).toEqual([point.year, 0, point.year, 0]);
          expect(quarterEnd.tvl.toSignificantDigits(40).toFixed()).toBe(point.tvl.toSignificantDigits(40).toFixed());
          expect(monthEnd.tvl.toSignificantDigits(40).toFixed()).toBe(point.tvl.toSignificantDigits(40).toFixed());
          expect(monthEnd.utilization?.toSignificantDigits(40).toFixed()).toBe(point.utilization?.toSignificantDigits(40).toFixed());
        }
      }),
      { numRuns: propertyRuns(40) },
    );
  });

  it('the periods of a year with non-negative growth never fall', () => {
    fc.assert(
      fc.property(base, step, horizon(nonNegativeRate, 5), (b, s, h) => {
        fc.pre(b.kind === 'tvl');
        const path = projectTvl({ base: b, step: s, ...h });
        path.slice(1).forEach((point, position) => {
          expect(point.tvl.gte(path[position]!.tvl)).toBe(true);
        });
      }),
    );
  });
});

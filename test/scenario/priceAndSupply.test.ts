// price: and supply: from a file to the engine's path: a market cap of price × supply, a supply
// implied by the TVL's share of it, a price that turns the TVL into the other unit. Expected
// figures come from Python's decimal module at 100 digits, rounded half to even to 40
// significant digits (see the comment at each table).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, P } from '../../src/engine/decimal.js';
import { makeFactors } from '../../src/engine/makeFactors.js';
import { simulateCase } from '../../src/engine/sample/simulateCase.js';
import type { TvlPoint } from '../../src/engine/types.js';
import { walkPath } from '../../src/engine/walkPath.js';
import { makeRandomSource } from '../../src/report/makeRandomSource.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedCase } from '../../src/scenario/resolveScenario.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function resolve(text: string) {
  const parsed = parseScenario(text, 'scenario.yaml');
  if (!parsed.ok) {
    return parsed;
  }
  return resolveScenario(parsed.value);
}

function cases(text: string): readonly ResolvedCase[] {
  const result = resolve(text);
  if (!result.ok) {
    throw new Error(result.error.map((issue) => issue.message).join('\n'));
  }
  return result.value.cases;
}

function messages(text: string): string[] {
  const result = resolve(text);
  if (result.ok) {
    throw new Error('expected issues, but the scenario resolved');
  }
  return result.error.map((issue) => `${issue.span === null ? '' : `${issue.span.line}:${issue.span.column} `}${issue.message}`);
}

const path = (c: ResolvedCase): TvlPoint[] => Array.from(walkPath(c.input, makeFactors()));
const printed = (value: D | null | undefined): string | null => (value == null ? null : value.toSignificantDigits(40, D.ROUND_HALF_EVEN).toFixed());

describe('a market cap of price × supply', () => {
  // price 100,000 × 1.1^t; supply 20M BTC × (1 + 164,250 / 20M)^t; market cap = price × supply; TVL 5% of it.
  const [quarterly] = cases(lines('name: a', 'start: 2026', 'years: 2', 'step: quarter', 'price: 100K', 'growth: 10%', 'supply: {value: 20M BTC, issuance: "164,250 BTC"}', 'utilization: 5%'));
  const points = path(quarterly!);

  it.each([
    { index: 0, price: '100000', supply: '20000000', marketCap: '2000000000000', tvl: '100000000000', tvlBtc: '1000000' },
    {
      index: 1,
      price: '102411.3689084445129404144960023014989083',
      supply: '20040936.64275328903005381536877549527947',
      marketCap: '2052419755791.770543362921667146805142219',
      tvl: '102620987789.5885271681460833573402571109',
      tvlBtc: '1002046.832137664451502690768438774763974',
    },
    { index: 4, price: '110000', supply: '20164250', marketCap: '2218067500000', tvl: '110903375000', tvlBtc: '1008212.5' },
    {
      index: 5,
      price: '112652.5057992889642344559456025316487991',
      supply: '20205522.83493190041621313232749156403446',
      marketCap: '2276202778339.831504845318627472073107394',
      tvl: null,
      tvlBtc: null,
    },
  ])('period $index: price, supply, market cap and TVL, to 40 digits', ({ index, price, supply, marketCap, tvl, tvlBtc }) => {
    const point = points[index]!;
    expect(printed(point.price)).toBe(price);
    expect(printed(point.supply)).toBe(supply);
    expect(printed(point.marketCap)).toBe(marketCap);
    if (tvl !== null) {
      expect(printed(point.tvl)).toBe(tvl);
      expect(printed(point.tvlUsd)).toBe(tvl);
      expect(printed(point.tvlBtc)).toBe(tvlBtc);
    }
  });

  it('in bitcoin, the market cap is the supply, growing by its issuance, and the price converts', () => {
    const [btc] = cases(lines('name: a', 'unit: BTC', 'years: 1', 'supply: {value: 20M, issuance: 0.5%}', 'utilization: 0.46%', 'price: {value: 100K, growth: 10%}'));
    const [first, last] = path(btc!);
    expect([printed(first!.marketCap), printed(first!.tvl), printed(first!.tvlUsd)]).toEqual(['20000000', '92000', '9200000000']);
    expect([printed(last!.marketCap), printed(last!.supply), printed(last!.tvl), printed(last!.price), printed(last!.tvlUsd)]).toEqual(['20100000', '20100000', '92460', '110000', '10170600000']);
  });

  it('a layer that sets tvl or market_cap replaces a supply of its own beneath it, and a supply replaces them', () => {
    const text = lines('name: a', 'price: 100K', 'supply: 20M', 'utilization: 5%', 'cases:', '  tvl: {tvl: 1B}', '  cap: {market_cap: 3T}', '  back: {supply: 10M}');
    const byName = Object.fromEntries(cases(text).map((c) => [c.name, c.input.base]));
    expect(byName['tvl']).toEqual({ kind: 'tvl', tvl: new D('1e9') });
    expect(byName['cap']?.kind === 'marketCap' && byName['cap'].marketCap.toFixed()).toBe('3000000000000');
    expect(byName['back']?.kind === 'marketCap' && byName['back'].marketCap.toFixed()).toBe('1000000000000');
  });
});

describe('a supply implied by the TVL’s share of it', () => {
  it('91,332 BTC at 0.46% of supply is 19854782.60869565217391304347826086956522 BTC', () => {
    // 91332 / 0.0046 = 19854782.608695652173913043478260869565217391304347826086956…
    const [share] = cases(lines('name: a', 'unit: BTC', 'tvl: 91,332 BTC', 'supply: {share: 0.46%}', 'price: 87K'));
    const [point] = path(share!);
    expect(printed(point!.marketCap)).toBe('19854782.60869565217391304347826086956522');
    expect(printed(point!.supply)).toBe('19854782.60869565217391304347826086956522');
    expect(printed(point!.tvl)).toBe('91332');
    expect(printed(point!.utilization)).toBe('0.0046');
    // 91,332 BTC at $87,000: $7,945,884,000.
    expect(printed(point!.tvlUsd)).toBe('7945884000');
  });
});

describe('a price that turns the TVL into the other unit', () => {
  it('compounds at its own growth by the same step (month 6 of 238.5B at 26.4% and $100K at 10%)', () => {
    // tvl = 238.5e9 × 1.264^(1/2), price = 100000 × 1.1^(1/2), in bitcoin tvl / price.
    const [monthly] = cases(lines('name: a', 'years: 1', 'step: month', 'tvl: 238.5B', 'growth: 26.4%', 'price: {value: 100K, growth: 10%}'));
    const point = path(monthly!)[6]!;
    expect(printed(point.tvl)).toBe('268140194674.353139957167038205971993443');
    expect(printed(point.price)).toBe('104880.8848170151546991453513679937598475');
    expect(printed(point.tvlBtc)).toBe('2556616.442950259279982634746970488455718');
    expect(point.supply).toBeNull();
  });

  it('stays flat without a growth of its own', () => {
    const [flat] = cases(lines('name: a', 'years: 2', 'tvl: 100B', 'growth: 50%', 'price: 100K'));
    expect(path(flat!).map((p) => printed(p.price))).toEqual(['100000', '100000', '100000']);
  });
});

describe('problems, at their place', () => {
  it.each([
    { name: 'a dollar market cap of a supply needs a price', text: lines('name: a', 'supply: 20M', 'utilization: 5%'), says: '2:9 a market cap of price x supply needs a price' },
    { name: 'tvl and a supply of its own', text: lines('name: a', 'tvl: 1B', 'supply: 20M'), says: '3:9 tvl and supply are both set' },
    { name: 'market_cap and a supply', text: lines('name: a', 'market_cap: 1T', 'supply: 20M', 'utilization: 5%'), says: '3:9 market_cap and supply are both set' },
    { name: 'a converting price range', text: lines('name: a', 'tvl: 1B', 'price: 80K to 120K'), says: '3:8 a price that only turns the TVL into the other unit must be exact' },
    { name: 'a price in BTC', text: lines('name: a', 'tvl: 1B', 'price: 2 BTC'), says: "3:8 '2 BTC' is in BTC, but a price is dollars per bitcoin" },
    { name: 'a supply in dollars', text: lines('name: a', 'price: 1', 'supply: $20M', 'utilization: 5%'), says: "3:9 '$20M' is in dollars, but a supply is counted in bitcoin" },
    { name: 'growth in bitcoin with no price', text: lines('name: a', 'unit: BTC', 'supply: 20M', 'utilization: 5%', 'growth: 5%'), says: "5:9 in bitcoin a market cap of the supply grows by its issuance, and growth is the price's, but no price is set" },
    { name: 'a share with a utilization', text: lines('name: a', 'unit: BTC', 'tvl: 1', 'supply: {share: 1%}', 'utilization: 5%'), says: '5:14 utilization and a supply share are both set' },
    { name: 'a share above 100%', text: lines('name: a', 'tvl: 1', 'supply: {share: 140%}'), says: 'must be above 0% and at most 100% (got 140%)' },
    { name: 'value and share', text: lines('name: a', 'tvl: 1', 'supply: {value: 1, share: 1%}'), says: 'needs value (19.85M BTC) or share (0.46%), not both' },
  ])('$name', ({ text, says }) => {
    expect(messages(text).join('\n')).toContain(says);
  });
});

describe('sampling a range of price', () => {
  it('is sampling the market cap it makes: the same paths as market_cap of the price’s bounds × supply', () => {
    const [byPrice] = cases(lines('name: a', 'years: 3', 'price: 80K to 120K', 'supply: 20M', 'growth: 5% to 15%', 'utilization: 5%'));
    const [byMarketCap] = cases(lines('name: a', 'years: 3', 'market_cap: 1.6T to 2.4T', 'growth: 5% to 15%', 'utilization: 5%'));
    const run = (c: ResolvedCase) => simulateCase(c.input, c.uncertain!, null, { samples: 500, random: makeRandomSource(7) });
    expect(run(byPrice!)).toEqual(run(byMarketCap!));
  });
});

describe('properties', () => {
  it('at each year end the supply is supply × (1 + issuance)^years and the price price × (1 + growth)^years, to 40 digits', () => {
    const figure = (scale: number) => fc.integer({ min: 1, max: 99_999 }).map((n) => new P(n).times(new P(10).pow(scale)).toFixed());
    fc.assert(
      fc.property(figure(0), figure(3), fc.integer({ min: -50, max: 80 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('year', 'quarter', 'month'), (price, supply, growth, issuance, step) => {
        const [c] = cases(lines('name: a', 'years: 2', `step: ${step}`, `price: ${price}`, `growth: ${growth}%`, `supply: {value: ${supply}, issuance: ${issuance / 10}%}`, 'utilization: 5%'));
        for (const point of path(c!).filter((p) => p.subperiod === 0)) {
          const supplyAt = new P(supply).times(new P(issuance).div(1000).plus(1).pow(point.year));
          const priceAt = new P(price).times(new P(growth).div(100).plus(1).pow(point.year));
          expect(printed(point.supply)).toBe(printed(supplyAt));
          expect(printed(point.price)).toBe(printed(priceAt));
          expect(printed(point.marketCap)).toBe(printed(priceAt.times(supplyAt)));
        }
      }),
      { numRuns: 25 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, D, solveStart, solveUtilization } from '../../src/engine/index.js';
import { NEGATIVE_SPAN_MESSAGE } from '../../src/engine/messages.js';
import { amount, decimal, utilization } from './arbitraries.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';

const d = (text: string): D => new D(text);

describe('solveStart', () => {
  it.each<{ rule: string; to: string; growth: string; years: string; gives: string }>([
    { rule: '770.6B after 5 years at 26.4% started at 238.83…B', to: '770600000000', growth: '0.264', years: '5', gives: '238832615632.748514337517022547106066222' },
    { rule: '769526806517.121024 after 5 years at 26.4% started at exactly 238.5B', to: '769526806517.121024', growth: '0.264', years: '5', gives: '238500000000' },
    { rule: 'a fractional span: 10.5 years', to: '770600000000', growth: '0.264', years: '10.5', gives: '65839227748.35541979810953437413490360033' },
    { rule: 'no time leaves the amount as it is, even at -100%', to: '5', growth: '-1', years: '0', gives: '5' },
    { rule: 'a fall: 6.76 after 2 years at -74% started at 100', to: '6.76', growth: '-0.74', years: '2', gives: '100' },
    { rule: 'zero came from zero', to: '0', growth: '0.5', years: '3', gives: '0' },
  ])('$rule', ({ to, growth, years, gives }) => {
    const result = solveStart({ to: d(to), growth: d(growth), years: d(years) });
    expect(result.reason).toBeNull();
    expect(result.value?.toSignificantDigits(40).toFixed()).toBe(gives);
  });

  it('no answer at -100%: every start ends at zero', () => {
    expect(solveStart({ to: d('5'), growth: d('-1'), years: d('2') })).toEqual({ value: null, reason: 'wiped-out' });
    expect(solveStart({ to: d('0'), growth: d('-1'), years: d('0.5') })).toEqual({ value: null, reason: 'wiped-out' });
  });

  // Reference values: Python's decimal module with an 80-digit context, printed to 50
  // significant digits: to / ((1 + growth).ln() x years).exp().
  it.each<{ to: string; growth: string; years: string; reference: string }>([
    { to: '770.6e9', growth: '0.264', years: '5', reference: '238832615632.74851433751702254710606622196007399213' },
    { to: '770.6e9', growth: '0.264', years: '10.5', reference: '65839227748.355419798109534374134903600333999448136' },
  ])('$to at $growth over $years years agrees with a 50-digit reference to 30 digits', ({ to, growth, years, reference }) => {
    const got = solveStart({ to: d(to), growth: d(growth), years: d(years) }).value!;
    expect(agreesTo(got, d(reference)), compare(got, d(reference))).toBe(true);
  });

  it('refuses a negative span as an engine bug', () => {
    expect(() => solveStart({ to: d('1'), growth: d('0.1'), years: d('-1') })).toThrow(NEGATIVE_SPAN_MESSAGE);
  });
});

describe('solveUtilization', () => {
  it.each<{ rule: string; marketCap: string; tvl: string; growth: string; years: string; gives: string; horizon: string }>([
    { rule: '238B of a 2T market cap is 11.9%', marketCap: '2000000000000', tvl: '238000000000', growth: '0', years: '0', gives: '0.119', horizon: '2000000000000' },
    { rule: '100B of 2T is 5%', marketCap: '2000000000000', tvl: '100000000000', growth: '0', years: '0', gives: '0.05', horizon: '2000000000000' },
    { rule: 'in BTC: 91,310 of 19.85M is 0.46%', marketCap: '19850000', tvl: '91310', growth: '0', years: '0', gives: '0.0046', horizon: '19850000' },
    { rule: 'at the horizon of a market cap growing 10% for 5 years', marketCap: '2000000000000', tvl: '238000000000', growth: '0.1', years: '5', gives: '0.07388963744403946575929363990288790507355', horizon: '3221020000000' },
    { rule: 'a TVL above the market cap is more than 100%', marketCap: '2000000000000', tvl: '3000000000000', growth: '0', years: '0', gives: '1.5', horizon: '2000000000000' },
  ])('$rule', ({ marketCap, tvl, growth, years, gives, horizon }) => {
    const result = solveUtilization({ marketCap: d(marketCap), tvl: d(tvl), growth: d(growth), years: d(years) });
    expect(result.value?.toSignificantDigits(40).toFixed()).toBe(gives);
    expect(result.marketCapAtHorizon.toSignificantDigits(40).toFixed()).toBe(horizon);
  });

  it('no answer for a zero market cap, or one gone by the horizon', () => {
    expect(solveUtilization({ marketCap: d('0'), tvl: d('5'), growth: d('0'), years: d('0') }).reason).toBe('zero-market-cap');
    expect(solveUtilization({ marketCap: d('2e12'), tvl: d('5'), growth: d('-1'), years: d('1') }).reason).toBe('wiped-out');
  });

  // Reference: Python's decimal module, 80-digit context: 238e9 / (2e12 x 1.1^5), to 50 significant digits.
  it('at the horizon agrees with a 50-digit reference to 30 digits', () => {
    const got = solveUtilization({ marketCap: d('2e12'), tvl: d('238e9'), growth: d('0.1'), years: d('5') }).value!;
    const reference = d('0.073889637444039465759293639902887905073548130716357');
    expect(agreesTo(got, reference), compare(got, reference)).toBe(true);
  });
});

// ---- laws ----

const positive = amount.filter((value) => value.gt(0));
const discountableRate = decimal(-9_999, 20_000, 0).map((n) => n.div(10_000));
const span = fc.integer({ min: 0, max: 200 }).map((quarters) => new D(quarters).div(4));

describe('properties', () => {
  it('solveStart inverts compound: the start comes back to 30 digits', () => {
    fc.assert(
      fc.property(positive, discountableRate, span, (from, growth, years) => {
        const start = solveStart({ to: compound(from, growth, years), growth, years }).value!;
        expect(agreesTo(start, from), compare(start, from)).toBe(true);
      }),
    );
  });

  it('compound of the start is the end to 30 digits', () => {
    fc.assert(
      fc.property(positive, discountableRate, span, (to, growth, years) => {
        const end = compound(solveStart({ to, growth, years }).value!, growth, years);
        expect(agreesTo(end, to), compare(end, to)).toBe(true);
      }),
    );
  });

  it('solveUtilization inverts tvl = market cap x utilization exactly', () => {
    fc.assert(
      fc.property(decimal(1, 2_000_000_000, 0), utilization, (marketCap, share) => {
        expect(solveUtilization({ marketCap, tvl: marketCap.times(share), growth: new D(0), years: new D(0) }).value!.toSignificantDigits(40).toFixed()).toBe(share.toSignificantDigits(40).toFixed());
      }),
    );
  });
});

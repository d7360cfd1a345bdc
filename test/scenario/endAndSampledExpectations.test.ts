// end: as it is read (which layer wins, what is refused) and expectations of sampled figures as
// they are parsed. Table-driven; the figures of paths are held in test/cli/endPoints.golden.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFactors, PERIODS_PER_YEAR, tvlAtPeriod, walkPath } from '../../src/engine/index.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function resolve(text: string) {
  const parsed = parseScenario(text, 'scenario.yaml');
  if (!parsed.ok) {
    return { ok: false as const, messages: parsed.error.map((issue) => `${issue.span?.line ?? '?'}: ${issue.message}`) };
  }
  const result = resolveScenario(parsed.value);
  return result.ok ? { ok: true as const, value: result.value } : { ok: false as const, messages: result.error.map((issue) => `${issue.span?.line ?? '?'}: ${issue.message}`) };
}

describe('end: which layer wins', () => {
  const cases: { name: string; text: string; growth: string[]; end: string | null }[] = [
    { name: 'a scenario end', text: lines('name: a', 'years: 2', 'tvl: 100', 'end: 121'), growth: ['0.1', '0.1'], end: '121' },
    { name: 'a case growth over a scenario end', text: lines('name: a', 'years: 2', 'tvl: 100', 'end: 121', 'cases:', '  g: {growth: 5%}'), growth: ['0.05', '0.05'], end: null },
    { name: 'a case end over a scenario growth', text: lines('name: a', 'years: 2', 'tvl: 100', 'growth: 5%', 'cases:', '  e: {end: 144}'), growth: ['0.2', '0.2'], end: '144' },
    { name: 'a case start under a scenario end', text: lines('name: a', 'years: 1', 'tvl: 100', 'end: 90', 'cases:', '  s: {tvl: 120}'), growth: ['-0.25'], end: '90' },
    { name: 'a market cap', text: lines('name: a', 'years: 2', 'market_cap: 2T', 'utilization: 5%', 'end: 2.42T'), growth: ['0.1', '0.1'], end: '2420000000000' },
  ];
  it.each(cases)('$name', ({ text, growth, end }) => {
    const result = resolve(text);
    expect(result.ok).toBe(true);
    const { input } = result.ok ? result.value.cases[0]! : (null as never);
    expect(input.growthByYear.map((rate) => rate.toString())).toEqual(growth);
    expect(input.end?.toFixed() ?? null).toEqual(end);
  });
});

describe('end: the last period is the stated figure itself', () => {
  it('at the engine\'s full precision, not only once rounded to 40 digits: in walkPath and tvlAtPeriod, at every step', () => {
    const figure = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: -3, max: 12 })).map(([n, e]) => `${n}e${e}`);
    fc.assert(
      fc.property(figure, figure, fc.integer({ min: 1, max: 30 }), fc.constantFrom('year', 'quarter', 'month'), fc.boolean(), (from, to, years, step, market) => {
        const base = market ? [`market_cap: ${from}`, 'utilization: {from: 5%, to: 10%}'] : [`tvl: ${from}`];
        const result = resolve(lines('name: a', `years: ${years}`, `step: ${step}`, ...base, `end: ${to}`));
        expect(result.ok).toBe(true);
        const { input } = result.ok ? result.value.cases[0]! : (null as never);
        const points = Array.from(walkPath(input, makeFactors()));
        const last = points.at(-1)!;
        const amount = market ? last.marketCap! : last.tvl;
        expect(amount.eq(to), `${amount.toFixed()} is not ${to}`).toBe(true);
        const periods = years * PERIODS_PER_YEAR[input.step];
        const direct = tvlAtPeriod(input, periods);
        expect((market ? direct.marketCap! : direct.tvl).eq(amount)).toBe(true);
        expect(direct.tvl.eq(last.tvl)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('end: what is refused, at its place', () => {
  const cases: { name: string; text: string; message: string }[] = [
    { name: 'end and growth together', text: lines('name: a', 'years: 2', 'tvl: 100', 'growth: 5%', 'end: 121'), message: '5: end and growth are both set' },
    { name: 'no years', text: lines('name: a', 'tvl: 100', 'end: 121'), message: '3: end: needs a horizon of 1 year or more' },
    { name: 'a start of 0', text: lines('name: a', 'years: 1', 'tvl: 0', 'end: 121'), message: "4: from a tvl of 0 no growth reaches '121'" },
    { name: 'a range as the start', text: lines('name: a', 'years: 1', 'tvl: 100 to 200', 'end: 121'), message: '3: tvl is a range, but end: needs an exact start to solve the growth from' },
    { name: 'another unit', text: lines('name: a', 'years: 1', 'tvl: 100', 'end: 5 BTC'), message: "4: '5 BTC' is in BTC, but the scenario's unit is USD" },
    { name: 'a negative end', text: lines('name: a', 'years: 1', 'tvl: 100', 'end: -5'), message: '4: ' },
  ];
  it.each(cases)('$name', ({ text, message }) => {
    const result = resolve(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.messages.some((m) => m.startsWith(message))).toBe(true);
  });
});

describe('expectations of sampled figures', () => {
  const scenario = (expectation: string): string => lines('name: a', 'years: 1', 'tvl: 100 to 200', 'target: 150', 'expect:', `  - ${expectation}`);
  const read: { written: string; statistic: string; value: string; tolerance: string }[] = [
    { written: '{period: +1, p50: 140, within: 2%}', statistic: 'p50', value: '140', tolerance: 'relative 0.02' },
    { written: '{period: +1, p_target: 0.67, abs: 0.02}', statistic: 'p_target', value: '0.67', tolerance: 'absolute 0.02' },
    { written: '{period: +1, p_target: 67%}', statistic: 'p_target', value: '0.67', tolerance: 'exact' },
    { written: '{period: +1, mean: 150}', statistic: 'mean', value: '150', tolerance: 'exact' },
    { written: '{period: +1, p95: {at_most: 300}}', statistic: 'p95', value: 'bounds', tolerance: '-' },
  ];
  it.each(read)('$written', ({ written, statistic, value, tolerance }) => {
    const result = resolve(scenario(written));
    expect(result.ok).toBe(true);
    const expectation = result.ok ? result.value.expectations[0]! : (null as never);
    expect(expectation.statistic).toBe(statistic);
    expect(expectation.field).toBe('tvl');
    const { target } = expectation;
    expect(target.kind === 'value' ? target.figure.value.toString() : 'bounds').toBe(value);
    const shown = target.kind === 'bounds' ? '-' : target.tolerance.kind === 'exact' ? 'exact' : target.tolerance.kind === 'relative' ? `relative ${target.tolerance.rate.value}` : `absolute ${target.tolerance.amount.value}`;
    expect(shown).toBe(tolerance);
  });

  it.each([
    ['{period: +1, p50: 140, tvl: 140}', 'names tvl and p50; an expectation checks one figure'],
    ['{period: +1, p50: 140, p_target: 0.5}', 'names p50 and p_target; an expectation checks one figure'],
    ['{period: +1, p_target: lots}', ''],
  ])('%s is refused', (written, message) => {
    const result = resolve(scenario(written));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.messages.some((m) => m.includes(message))).toBe(true);
  });

  it('an expectation of the exact path has no statistic', () => {
    const result = resolve(scenario('{period: +1, tvl: 150}'));
    expect(result.ok && (result.value.expectations[0]!.statistic ?? null)).toBe(null);
  });
});

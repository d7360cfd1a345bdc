import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { projectTvl } from '../../src/engine/projectTvl.js';
import type { TvlInput } from '../../src/engine/types.js';
import { buildTargetReport } from '../../src/report/buildTargetReport.js';
import type { ReportRow } from '../../src/report/types.js';

const d = (text: string) => new D(text);

function tvlInput(tvl: string, growth: string, years: number): TvlInput {
  return { years, step: 'year', base: { kind: 'tvl', tvl: d(tvl) }, growthByYear: Array.from({ length: years }, () => d(growth)) };
}

function marketInput(marketCap: string, utilization: string, growth: string, years: number): TvlInput {
  return {
    years,
    step: 'year',
    base: { kind: 'marketCap', marketCap: d(marketCap), utilization: { from: d(utilization), to: d(utilization) } },
    growthByYear: Array.from({ length: years }, () => d(growth)),
  };
}

function rows(input: TvlInput, start = 2026): ReportRow[] {
  return projectTvl(input).map((point) => ({
    index: point.index,
    marketCap: point.marketCap,
    utilization: point.utilization,
    tvl: point.tvl,
    change: point.change,
    period: String(start + point.year),
    quantiles: null,
  }));
}

function target(value: string, input: TvlInput) {
  return buildTargetReport(d(value), input, rows(input));
}

describe('buildTargetReport', () => {
  it.each([
    { rule: 'a rising path reaches a higher target in the first period at or above it', input: tvlInput('238.5e9', '0.264', 5), target: '500e9', reached: '2030' },
    { rule: 'a target equal to a period is reached in that period', input: tvlInput('100', '0.1', 3), target: '121', reached: '2028' },
    { rule: 'a target beyond the horizon is not reached', input: tvlInput('100', '0.1', 3), target: '1000', reached: null },
    { rule: 'a falling path reaches a lower target in the first period at or below it', input: tvlInput('100', '-0.74', 2), target: '10', reached: '2028' },
    { rule: 'the start itself reaches a target equal to it', input: tvlInput('100', '0.1', 2), target: '100', reached: '2026' },
  ])('$rule', ({ input, target: value, reached }) => {
    expect(target(value, input).reached).toBe(reached);
  });

  it('gives the CAGR that reaches the target exactly at the horizon', () => {
    // (770.6 / 238.5)^(1/5) - 1, as FIGURES.md gives it: 0.264352362115582970682...
    const report = target('770.6e9', tvlInput('238.5e9', '0.264', 5));
    expect(report.growthNeeded!.toSignificantDigits(21).toFixed()).toBe('0.264352362115582970682');
    expect(report.utilizationNeeded).toBeNull();
  });

  it('gives the utilization of the final market cap that makes the target: 11.9% of $2T is $238B', () => {
    const report = target('238e9', marketInput('2e12', '0.05', '0', 0));
    expect(report.utilizationNeeded!.toFixed()).toBe('0.119');
    expect(report.growthNeeded).toBeNull();
    expect(report.reached).toBeNull();
  });

  it('gives the market cap growth that makes the target at the final utilization', () => {
    // 2T x (1 + g)^5 x 5% = 161.051B exactly when g = 10%
    const report = target('161.051e9', marketInput('2e12', '0.05', '0.1', 5));
    expect(report.growthNeeded!.toFixed()).toBe('0.1');
    expect(report.utilizationNeeded!.toFixed()).toBe('0.05');
    expect(report.reached).toBe('2031');
  });

  it('has no growth to offer from a zero start', () => {
    expect(target('100', tvlInput('0', '0.1', 3)).growthNeeded).toBeNull();
  });
});

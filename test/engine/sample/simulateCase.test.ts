// Correctness of the sampling at a fixed seed and 100,000 samples, as the issue on ranges asks.
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { projectTvl } from '../../../src/engine/projectTvl.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedCase } from '../../../src/scenario/resolveScenario.js';
import { makeRandomSource } from '../../../src/report/makeRandomSource.js';
import { simulateCase, type SimulatedRow } from '../../../src/engine/sample/simulateCase.js';

const SAMPLES = 100_000;

function resolved(yaml: string): ResolvedCase {
  const parsed = parseScenario(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(parsed.error.map((i) => i.message).join('; '));
  const result = resolveScenario(parsed.value);
  if (!result.ok) throw new Error(result.error.map((i) => i.message).join('; '));
  return result.value.cases[0]!;
}

function simulate(yaml: string, seed = 1, samples = SAMPLES): readonly SimulatedRow[] {
  const c = resolved(yaml);
  expect(c.uncertain).not.toBeNull();
  const result = simulateCase(c.input, c.uncertain!, c.target, { samples, random: makeRandomSource(seed) });
  if (!result.ok) throw new Error('overflow');
  return result.rows;
}

const within = (got: number, expected: number, relative: number) => expect(Math.abs(got / expected - 1)).toBeLessThanOrEqual(relative);

describe('simulateCase', () => {
  it("puts the 5th and 95th percentiles of '5% to 10%' within 1% of the bounds", () => {
    const [row] = simulate('name: a\nmarket_cap: 1\nutilization: 5% to 10%\n');
    within(row!.tvl.p5, 0.05, 0.01);
    within(row!.tvl.p95, 0.1, 0.01);
    within(row!.utilization!.p50, Math.sqrt(0.05 * 0.1), 0.01);
  });

  it('puts the median of {normal: {mean: 10%, sd: 5%}} within 0.2 points of 10%', () => {
    const rows = simulate('name: a\ntvl: 1\nyears: 1\ngrowth: {normal: {mean: 10%, sd: 5%}}\n');
    // TVL after one year is 1 + g, so its median is 1 + the median growth.
    expect(Math.abs(rows[1]!.tvl.p50 - 1.1)).toBeLessThanOrEqual(0.002);
  });

  it("applies a growth range to the factor 1 + g, so '-20% to 30%' is valid and its bounds hold", () => {
    const rows = simulate('name: a\ntvl: 1\nyears: 1\ngrowth: -20% to 30%\n');
    within(rows[1]!.tvl.p5, 0.8, 0.01);
    within(rows[1]!.tvl.p95, 1.3, 0.01);
  });

  it('keeps utilization within 0..100% even when a normal reaches past it', () => {
    const [row] = simulate('name: a\nmarket_cap: 1\nutilization: {normal: {mean: 95%, sd: 10%}}\n');
    expect(row!.utilization!.p95).toBeLessThanOrEqual(1);
    expect(row!.tvl.p95).toBeLessThanOrEqual(1);
  });

  // The issue on ranges expected yearly draws to widen the band. They cannot: a constant draw
  // moves every year of a path together, while independent years partly cancel out, so the
  // spread of the product over 5 years is narrower (a variance of 5 s^2 instead of 25 s^2 for
  // the sum of the log-factors). Year one is the same either way.
  it('narrows the band at the horizon when growth is drawn anew each year, and keeps the first year the same', () => {
    const base = 'name: a\ntvl: 100\nyears: 5\ngrowth: 5% to 25%\n';
    const once = simulate(base);
    const yearly = simulate(`${base}resample: yearly\n`);
    const band = (row: SimulatedRow) => Math.log(row.tvl.p95 / row.tvl.p5);
    within(band(yearly[1]!), band(once[1]!), 0.02);
    // Sum of five independent log-factors: the band is about sqrt(5) times a year's, against 5 times.
    within(band(yearly.at(-1)!) / band(once[1]!), Math.sqrt(5), 0.03);
    within(band(once.at(-1)!) / band(once[1]!), 5, 0.001);
  });

  it('gives the same paths for the same seed, and other paths for another seed', () => {
    const yaml = 'name: a\nmarket_cap: 2T\nutilization: 5% to 10%\ngrowth: 5% to 25%\nyears: 5\n';
    expect(simulate(yaml, 7, 5000)).toEqual(simulate(yaml, 7, 5000));
    expect(simulate(yaml, 8, 5000).at(-1)!.tvl.p50).not.toBe(simulate(yaml, 7, 5000).at(-1)!.tvl.p50);
  });

  it('gives the chance of reaching a target, never falling from one period to the next', () => {
    const rows = simulate('name: a\ntvl: 100\nyears: 5\ngrowth: 0% to 20%\ntarget: 150\n');
    const chances = rows.map((row) => row.targetProbability!);
    expect(chances[0]).toBe(0);
    chances.slice(1).forEach((chance, i) => expect(chance).toBeGreaterThanOrEqual(chances[i]!));
    // 100 x (1 + g)^5 >= 150 needs g >= 8.447%; the lognormal of 1 + g with p5 1, p95 1.2 puts about 55% above it.
    expect(chances.at(-1)!).toBeGreaterThan(0.4);
    expect(chances.at(-1)!).toBeLessThan(0.7);
  });
});

describe('a range of zero width', () => {
  it('is the exact figure, with nothing to sample', () => {
    const ranged = resolved('name: a\nmarket_cap: 2T\nutilization: 5% to 5%\ngrowth: 10% to 10%\nyears: 3\n');
    const exact = resolved('name: a\nmarket_cap: 2T\nutilization: 5%\ngrowth: 10%\nyears: 3\n');
    expect(ranged.uncertain).toBeNull();
    expect(projectTvl(ranged.input).map((p) => p.tvl.toFixed())).toEqual(projectTvl(exact.input).map((p) => p.tvl.toFixed()));
    expect(projectTvl(ranged.input).at(-1)!.tvl.toFixed()).toBe(new D('2e12').times('0.05').times('1.331').toFixed());
  });
});

// The order of the random draws, which fixes every sampled figure at a seed: per-path figures
// path by path, then each path's growths of phases, then (resample: yearly) each year's growths.
import { describe, expect, it } from 'vitest';
import { drawPerPath } from '../../../src/engine/sample/drawPerPath.js';
import { makeGrowthOfYear } from '../../../src/engine/sample/makeGrowthOfYear.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedCase } from '../../../src/scenario/resolveScenario.js';
import { makeRandomSource } from '../../../src/report/makeRandomSource.js';

const N = 7;

function resolved(yaml: string): ResolvedCase & { uncertain: NonNullable<ResolvedCase['uncertain']> } {
  const parsed = parseScenario(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(parsed.error.map((i) => i.message).join('; '));
  const result = resolveScenario(parsed.value);
  if (!result.ok) throw new Error(result.error.map((i) => i.message).join('; '));
  const c = result.value.cases[0]!;
  expect(c.uncertain).not.toBeNull();
  return c as ResolvedCase & { uncertain: NonNullable<ResolvedCase['uncertain']> };
}

/** The next `count` uniform draws of a stream, for each of N paths in turn. */
function streamByPath(stream: ReturnType<typeof makeRandomSource>, count: number): number[][] {
  return Array.from({ length: N }, () => Array.from({ length: count }, () => stream.draw()));
}

// Uniform ranges sample as low + width * u, so each figure shows the draw it was made from.
const PHASES = [
  'name: a',
  'market_cap: {uniform: [1, 2]}',
  'utilization: {uniform: [0%, 100%]}',
  'years: 4',
  'growth: [{years: 2, rate: {uniform: [0%, 100%]}}, {years: 1, rate: 3%}, {years: 1, rate: {uniform: [0%, 50%]}}]',
].join('\n');

describe('drawPerPath and makeGrowthOfYear', () => {
  it('draws, path by path, the base, the utilization drawn once for both ends, then skips the growth of each phase', () => {
    const c = resolved(PHASES);
    const draws = drawPerPath(c.uncertain, N, makeRandomSource(3));
    const expected = streamByPath(makeRandomSource(3), 4);
    expect(draws.laterGrowths).toHaveLength(2);
    expect([...draws.values.get(c.uncertain.base!)!]).toEqual(expected.map(([u]) => 1 + u!));
    expect(c.uncertain.utilizationFrom).toBe(c.uncertain.utilizationTo);
    expect([...draws.values.get(c.uncertain.utilizationFrom!)!]).toEqual(expected.map(([, u]) => u));
  });

  it('draws the growth of each phase, at its first year, as the draws that follow the path in the stream', () => {
    const c = resolved(PHASES);
    const random = makeRandomSource(3);
    const growthOfYear = makeGrowthOfYear(c.input, c.uncertain, drawPerPath(c.uncertain, N, random), N, random);
    const expected = streamByPath(makeRandomSource(3), 4);
    const first = [...(growthOfYear(0) as Float64Array)];
    expect(first).toEqual(expected.map(([, , u]) => u));
    expect([...(growthOfYear(1) as Float64Array)]).toEqual(first);
    expect(growthOfYear(2)).toBe(0.03);
    expect([...(growthOfYear(3) as Float64Array)]).toEqual(expected.map(([, , , u]) => 0.5 * u!));
  });

  it('draws a growth resampled yearly from the stream after every path, one year after another, and an exact year not at all', () => {
    const c = resolved(PHASES.replace('years: 4', 'years: 4\nresample: yearly'));
    const random = makeRandomSource(5);
    const growthOfYear = makeGrowthOfYear(c.input, c.uncertain, drawPerPath(c.uncertain, N, random), N, random);
    const stream = makeRandomSource(5);
    streamByPath(stream, 2);
    const years = [0, 1, 2, 3].map((k) => {
      const growth = growthOfYear(k);
      return typeof growth === 'number' ? growth : [...growth];
    });
    expect(years).toEqual([
      streamByPath(stream, 1).map(([u]) => u),
      streamByPath(stream, 1).map(([u]) => u),
      0.03,
      streamByPath(stream, 1).map(([u]) => 0.5 * u!),
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { histogram } from '../../../src/engine/sample/histogram.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { resolveScenario } from '../../../src/scenario/resolveScenario.js';
import { buildProjectReport } from '../../../src/report/buildProjectReport.js';

const of = (values: readonly number[]): Float64Array => Float64Array.from(values);
/** An edge as the report gives it: the double's 12 significant digits, as a decimal. */
const edgeText = (edge: number): string => new D(edge.toPrecision(12)).toFixed();

describe('histogram', () => {
  it('puts 1..100 in bins of 5 from 0 to 105: four in the first, one in the last', () => {
    const result = histogram(of(Array.from({ length: 100 }, (_, i) => i + 1)), 20);
    expect(result.edges.map(edgeText)).toEqual(Array.from({ length: 22 }, (_, i) => String(5 * i)));
    expect(result.counts).toEqual([4, ...Array<number>(19).fill(5), 1]);
    expect([result.below, result.above]).toEqual([0, 0]);
  });

  it('writes decimal widths as the nearest doubles: edges 0.1 apart read 0.1, 0.2, 0.3', () => {
    const result = histogram(of(Array.from({ length: 21 }, (_, i) => 0.05 + i * 0.1)), 20);
    expect(result.edges.slice(0, 4).map(edgeText)).toEqual(['0', '0.1', '0.2', '0.3']);
    expect(result.counts.every((count) => count === 1)).toBe(true);
  });

  it('gives one bin of equal edges when every path has the same figure', () => {
    expect(histogram(of([7, 7, 7]), 20)).toEqual({ edges: [7, 7], counts: [3], below: 0, above: 0 });
  });

  it('counts the extreme paths beyond the 0.5th and 99.5th percentiles apart', () => {
    const values = [...Array.from({ length: 998 }, (_, i) => 100 + (i % 10)), -1e9, 1e12];
    const result = histogram(of(values), 20);
    expect([result.below, result.above]).toEqual([1, 1]);
    expect(result.edges.map(edgeText)).toEqual(Array.from({ length: 20 }, (_, i) => new D(100).plus(new D('0.5').times(i)).toFixed()));
  });

  describe('properties', () => {
    const sample = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 400 });

    it('counts every path once, in bins of one round width, at most about `bins` of them, whatever the order', () => {
      fc.assert(
        fc.property(sample, fc.integer({ min: -6, max: 6 }), fc.integer({ min: 2, max: 40 }), (integers, scale, bins) => {
          const values = integers.map((i) => i * 10 ** scale);
          const result = histogram(of(values), bins);
          expect(result.counts.reduce((a, b) => a + b, 0) + result.below + result.above).toBe(values.length);
          expect(result.counts.length).toBeLessThanOrEqual(bins + 1);
          const edges = result.edges.map((edge) => new D(edgeText(edge)));
          if (!edges[0]!.eq(edges.at(-1)!)) {
            const width = edges[1]!.minus(edges[0]!);
            expect(['1', '2', '5']).toContain(width.div(new D(10).pow(width.e)).toFixed());
            edges.forEach((edge, i) => expect(edge.minus(edges[0]!).eq(width.times(i))).toBe(true));
          }
          expect(histogram(of([...values].reverse()), bins)).toEqual(result);
        }),
      );
    });
  });
});

describe('the report of a sampled case', () => {
  it('carries the spread of its last period, the same for the same seed; an exact case carries none', () => {
    const parsed = parseScenario('name: a\nstart: 2026\nyears: 5\ntvl: 100B\ngrowth: 5% to 25%\ncases:\n  ranged: {}\n  exact: {growth: 10%}\n', 'a.yaml');
    if (!parsed.ok) throw new Error('parse');
    const resolved = resolveScenario(parsed.value);
    if (!resolved.ok) throw new Error('resolve');
    const build = () => buildProjectReport([resolved.value], { samples: 3000, seed: 7 }).scenarios[0]!.cases;
    const [ranged, exact] = build();
    const distribution = ranged!.distribution!;
    expect(distribution.period).toBe('2031');
    expect(distribution.samples).toBe(3000);
    expect(distribution.counts.reduce((a, b) => a + b, 0) + distribution.below + distribution.above).toBe(3000);
    expect(distribution.edges.length).toBe(distribution.counts.length + 1);
    expect(exact!.distribution ?? null).toBeNull();
    expect(build()[0]!.distribution).toEqual(distribution);
  });
});

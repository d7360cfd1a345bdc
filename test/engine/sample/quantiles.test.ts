import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../src/engine/sample/normalQuantile.js';
import { quantiles } from '../../../src/engine/sample/quantiles.js';

/** Percentile by sorting, h = (n - 1) p with linear interpolation (PERCENTILE.INC). */
function reference(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  return sorted[lower]! + (h - lower) * ((sorted[Math.min(lower + 1, sorted.length - 1)] ?? 0) - sorted[lower]!);
}

describe('quantiles', () => {
  it.each([
    { rule: 'a single value is every percentile', values: [7], p5: 7, p50: 7, p95: 7 },
    { rule: 'two values interpolate', values: [0, 10], p5: 0.5, p50: 5, p95: 9.5 },
    { rule: 'the median of an odd count is the middle value', values: [5, 1, 3], p5: 1.2, p50: 3, p95: 4.8 },
    { rule: 'ties stay ties', values: [2, 2, 2, 2], p5: 2, p50: 2, p95: 2 },
  ])('$rule', ({ values, p5, p50, p95 }) => {
    const q = quantiles(Float64Array.from(values));
    expect(q.p5).toBeCloseTo(p5, 12);
    expect(q.p50).toBeCloseTo(p50, 12);
    expect(q.p95).toBeCloseTo(p95, 12);
  });

  describe('properties', () => {
    it('equals the sorted-array definition for any sample, duplicates included', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 400 }), (integers) => {
          const values = integers.map((x) => x / 4);
          const q = quantiles(Float64Array.from(values));
          for (const [p, got] of [[0.05, q.p5], [0.25, q.p25], [0.5, q.p50], [0.75, q.p75], [0.95, q.p95]] as const) {
            expect(got).toBeCloseTo(reference(values, p), 9);
          }
          expect(q.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
        }),
      );
    });

    it('orders its percentiles: p5 <= p25 <= p50 <= p75 <= p95', () => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
          const q = quantiles(Float64Array.from(values));
          expect(q.p5 <= q.p25 && q.p25 <= q.p50 && q.p50 <= q.p75 && q.p75 <= q.p95).toBe(true);
        }),
      );
    });
  });
});

describe('normalQuantile', () => {
  it.each([
    { p: 0.5, z: 0 },
    { p: 0.975, z: 1.959963984540054 },
    { p: 0.05, z: -1.6448536269514722 },
    { p: 0.001, z: -3.090232306167813 },
    { p: 0.999, z: 3.090232306167813 },
  ])('gives z = $z at p = $p, to 1e-8', ({ p, z }) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8);
  });

  it('never decreases, so sorted uniforms make sorted normals', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(normalQuantile(low)).toBeLessThanOrEqual(normalQuantile(high));
      }),
    );
  });
});

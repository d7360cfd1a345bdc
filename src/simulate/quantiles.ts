/** Summary of a sample: its mean and the 5th, 25th, 50th, 75th and 95th percentiles. */
export interface Quantiles {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

const LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Mean and percentiles of `values`, which it reorders. Percentiles interpolate linearly between
 * order statistics (h = (n - 1) p: the definition of Excel's PERCENTILE.INC and numpy's
 * default). Order statistics are found by quickselect, each within what the previous left,
 * so five percentiles cost a few passes instead of a sort.
 */
export function quantiles(values: Float64Array): Quantiles {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += values[i]!;
  }
  const found: number[] = [];
  let from = 0;
  for (const level of LEVELS) {
    const h = (n - 1) * level;
    const lower = Math.floor(h);
    const bound = select(values, lower, from, n - 1);
    from = lower;
    let value = values[lower]!;
    if (h > lower) {
      // The next order statistic is the smallest value after `lower`, which select left by `bound`.
      let next = Infinity;
      for (let i = lower + 1; i <= bound; i += 1) {
        if (values[i]! < next) {
          next = values[i]!;
        }
      }
      value += (h - lower) * (next - value);
    }
    found.push(value);
  }
  const [p5, p25, p50, p75, p95] = found as [number, number, number, number, number];
  return { mean: sum / n, p5, p25, p50, p75, p95 };
}

/**
 * Puts the k-th smallest of values[left..right] at k, smaller ones before it and larger after.
 * Returns an index `bound` above k (or k itself when k is the last) such that the smallest value
 * after k lies in (k, bound]: every value past `bound` is at least every value up to it.
 */
function select(values: Float64Array, k: number, left: number, right: number): number {
  let lo = left;
  let hi = right;
  let bound = right > k ? right : k;
  while (hi > lo) {
    if (hi > k) {
      bound = hi;
    }
    const middle = (lo + hi) >>> 1;
    // Median of three as the pivot, which also keeps sorted input fast.
    if (values[middle]! < values[lo]!) swap(values, middle, lo);
    if (values[hi]! < values[lo]!) swap(values, hi, lo);
    if (values[hi]! < values[middle]!) swap(values, hi, middle);
    const pivot = values[middle]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        swap(values, i, j);
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      return hi > k ? hi : bound;
    }
  }
  return bound;
}

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a]!;
  values[a] = values[b]!;
  values[b] = held;
}

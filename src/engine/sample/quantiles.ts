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
 * default). All the order statistics needed are placed by one multi-way quickselect, which
 * costs a few passes over the sample instead of a sort.
 */
export function quantiles(values: Float64Array): Quantiles {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += values[i]!;
  }
  const positions = LEVELS.map((level) => (n - 1) * level);
  const ranks = [...new Set(positions.flatMap((h) => (h > Math.floor(h) ? [Math.floor(h), Math.floor(h) + 1] : [h])))];
  selectAll(values, ranks);
  const [p5, p25, p50, p75, p95] = positions.map((h) => {
    const lower = Math.floor(h);
    return h > lower ? values[lower]! + (h - lower) * (values[lower + 1]! - values[lower]!) : values[lower]!;
  }) as [number, number, number, number, number];
  return { mean: sum / n, p5, p25, p50, p75, p95 };
}

/**
 * Reorders values so that each rank in `ranks` (ascending) holds the value a sort would put
 * there: quickselect that, after each partition, goes on into every side that holds a rank.
 */
export function selectAll(values: Float64Array, ranks: readonly number[]): void {
  const stack: [number, number, number, number][] = [[0, values.length - 1, 0, ranks.length]];
  while (stack.length > 0) {
    const [left, right, first, end] = stack.pop()!;
    if (first >= end || left >= right) {
      continue;
    }
    const middle = (left + right) >>> 1;
    // Median of three as the pivot, which also keeps sorted input fast.
    if (values[middle]! < values[left]!) swap(values, middle, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[middle]!) swap(values, right, middle);
    const pivot = values[middle]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        swap(values, i, j);
        i += 1;
        j -= 1;
      }
    }
    // Now values[left..j] <= pivot <= values[i..right], and values strictly between j and i equal the pivot.
    let split = first;
    while (split < end && ranks[split]! <= j) split += 1;
    let rest = split;
    while (rest < end && ranks[rest]! < i) rest += 1;
    stack.push([left, j, first, split], [i, right, rest, end]);
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a]!;
  values[a] = values[b]!;
  values[b] = held;
}

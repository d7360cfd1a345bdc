import { selectAll } from './quantiles.js';

/** How the paths of a period are spread: bins of one round width, and the paths outside them. */
export interface Histogram {
  /**
   * Ascending bin edges, one more than `counts`, each a multiple of the bin width (1, 2 or 5
   * times a power of ten), as the double nearest it. Two equal edges: every counted path is at
   * that one figure.
   */
  readonly edges: readonly number[];
  /** Paths in each bin, from its lower edge (included) to its upper (excluded; the last bin includes its upper edge). */
  readonly counts: readonly number[];
  /** Paths below the first edge, and above the last: the bins span the 0.5th to the 99.5th percentile, and these are the tails beyond. */
  readonly below: number;
  readonly above: number;
}

/** The share of paths left out at each end, so that a few extreme paths do not squeeze the rest into one bin. */
const TAIL = 0.005;

/** The width `m × 10^k` (m 1, 2 or 5) of at most `bins` bins over `span` (> 0), as its m and k. */
function roundWidth(span: number, bins: number): { m: number; k: number } {
  const raw = span / bins;
  let k = Math.floor(Math.log10(raw));
  // log10 may land a hair off for an exact power of ten: keep 10^k <= raw < 10^(k+1).
  if (10 ** k > raw) k -= 1;
  if (10 ** (k + 1) <= raw) k += 1;
  const m = [1, 2, 5, 10].find((candidate) => edge(1, candidate, k) >= raw)!;
  return m === 10 ? { m: 1, k: k + 1 } : { m, k };
}

/** i × m × 10^k as the double nearest the exact figure (a division for negative k: 0.3, not 0.30000000000000004). */
function edge(i: number, m: number, k: number): number {
  return k >= 0 ? i * m * 10 ** k : (i * m) / 10 ** -k;
}

/**
 * The paths' values (reordered in place) in at most about `bins` bins of a round width covering
 * the 0.5th to the 99.5th percentile; the paths beyond are counted apart. Deterministic: the
 * same values give the same bins, whatever their order. Memory: the bins.
 */
export function histogram(values: Float64Array, bins: number): Histogram {
  const n = values.length;
  const lowRank = Math.floor((n - 1) * TAIL);
  const highRank = Math.ceil((n - 1) * (1 - TAIL));
  selectAll(values, lowRank === highRank ? [lowRank] : [lowRank, highRank]);
  const low = values[lowRank]!;
  const high = values[highRank]!;
  let edges: number[];
  if (low === high) {
    edges = [low, low];
  } else {
    const { m, k } = roundWidth(high - low, bins);
    const first = Math.floor(low / edge(1, m, k));
    const last = Math.floor(high / edge(1, m, k)) + 1;
    edges = Array.from({ length: last - first + 1 }, (_, i) => edge(first + i, m, k));
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  let below = 0;
  let above = 0;
  const top = edges.at(-1)!;
  for (let i = 0; i < n; i += 1) {
    const value = values[i]!;
    if (value < edges[0]! || value > top) {
      below += value < edges[0]! ? 1 : 0;
      above += value > top ? 1 : 0;
      continue;
    }
    counts[binOf(edges, value)]! += 1;
  }
  return { edges, counts, below, above };
}

/** The bin of a value within the edges: by binary search on the edges themselves, so the counts agree with them exactly. */
function binOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (value >= edges[mid]!) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

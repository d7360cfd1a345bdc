import type { ChalkInstance } from 'chalk';
import { D } from '../../engine/decimal.js';
import type { Unit } from '../../core/unit.js';
import type { FinalDistribution } from '../../report/types.js';
import { visible } from '../../core/visibleText.js';
import { displayWidth } from '../displayWidth.js';
import { group } from '../formatEnUs.js';
import { formatAmount, formatRate } from '../formatNumber.js';
import { tickDigits } from '../svg/niceTicks.js';

export interface HistogramOptions {
  /** Columns available: no line is wider. */
  readonly width: number;
  readonly chalk: ChalkInstance;
  readonly unit: Unit;
  readonly locale: string;
  /** The case, named in the heading; null for a scenario without cases. */
  readonly name: string | null;
}

/** More bins than this are drawn two to a line: round widths stay round (twice 1, 2 or 5 × 10^k), the lines fewer. */
const MOST_LINES = 12;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Bins two by two, when there are many: the edges every second one, the counts summed. */
export function mergeBins(distribution: FinalDistribution, most: number): { edges: readonly D[]; counts: readonly number[] } {
  const { edges, counts } = distribution;
  if (counts.length <= most) {
    return { edges, counts };
  }
  const merged: number[] = [];
  const mergedEdges: D[] = [edges[0]!];
  for (let i = 0; i < counts.length; i += 2) {
    merged.push(counts[i]! + (counts[i + 1] ?? 0));
    mergedEdges.push(edges[Math.min(i + 2, edges.length - 1)]!);
  }
  return { edges: mergedEdges, counts: merged };
}

/** A bar of `length` columns (a fraction shown in eighths). */
function bar(length: number): string {
  const whole = Math.floor(length);
  const eighths = Math.round((length - whole) * 8);
  return eighths === 8 ? '█'.repeat(whole + 1) : '█'.repeat(whole) + EIGHTHS[eighths]!;
}

/**
 * The last period's TVL over the sampled paths as a histogram: one line per bin (its range, a
 * bar as long as its share, the share), under a heading, and a line for the paths beyond the
 * bins. No trailing newline; '' when the width is too narrow for a bar.
 */
export function renderHistogram(distribution: FinalDistribution, options: HistogramOptions): string {
  const { chalk, unit, locale } = options;
  const { edges, counts } = mergeBins(distribution, MOST_LINES);
  const total = new D(distribution.samples);
  const edgeText = (value: D): string => formatAmount(value, unit, locale, tickDigits(value));
  const single = edges[0]!.eq(edges.at(-1)!);
  const ranges = counts.map((_, i) => (single ? edgeText(edges[0]!) : `${edgeText(edges[i]!)} – ${edgeText(edges[i + 1]!)}`));
  const shares = counts.map((count) => formatRate(new D(count).div(total), locale, false, 3));
  const rangeWidth = Math.max(...ranges.map(displayWidth));
  const shareWidth = Math.max(...shares.map(displayWidth));
  const room = options.width - rangeWidth - shareWidth - 4;
  if (room < 8) {
    return '';
  }
  const most = Math.max(...counts, 1);
  const heading = `TVL in ${distribution.period} over ${group(String(distribution.samples))} paths${options.name === null ? '' : ` · ${visible(options.name)}`}`;
  const lines = [chalk.bold(heading)];
  counts.forEach((count, i) => {
    const drawn = bar((room * count) / most);
    const range = ' '.repeat(rangeWidth - displayWidth(ranges[i]!)) + ranges[i]!;
    const share = ' '.repeat(shareWidth - displayWidth(shares[i]!)) + shares[i]!;
    lines.push(`${chalk.dim(range)} │${chalk.cyan(drawn)}${' '.repeat(room - displayWidth(drawn))} ${share}`.replace(/ +$/, ''));
  });
  if (distribution.below + distribution.above > 0) {
    const tail = (count: number): string => formatRate(new D(count).div(total), locale, false, 3);
    lines.push(chalk.dim(`beyond the bins: ${tail(distribution.below)} below ${edgeText(edges[0]!)}, ${tail(distribution.above)} above ${edgeText(edges.at(-1)!)}`));
  }
  return lines.join('\n');
}

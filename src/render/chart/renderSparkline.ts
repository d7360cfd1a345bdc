import { D } from '../../engine/decimal.js';

// Our own rather than a package: sparkly (the usual one) works in floats, has no width cap and
// depends on chalk 4, a second chalk beside ours; this is a dozen lines, exact on the decimals.

const BLOCKS = '▁▂▃▄▅▆▇█';
const TOP = BLOCKS.length - 1;

/**
 * A path as one line of blocks, `▁▂▃▅▇█`: one character per period, the lowest value ▁ and the
 * highest █, heights scaled exactly on the decimals. A flat path is ▄ all along (▁ when it is
 * zero). Longer than `maxWidth`, the periods shown are spread evenly over the path, the first
 * and last always among them. No colour: the caller may paint it.
 */
export function renderSparkline(values: readonly D[], maxWidth = Number.POSITIVE_INFINITY): string {
  const width = Math.min(values.length, Math.floor(maxWidth));
  if (width < 1) {
    return '';
  }
  const low = D.min(...values);
  const high = D.max(...values);
  const range = high.minus(low);
  const block = (value: D): string => {
    if (range.isZero()) {
      return value.isZero() ? BLOCKS[0]! : BLOCKS[3]!;
    }
    const level = value.minus(low).div(range).times(TOP).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    return BLOCKS[level]!;
  };
  return pick(values, width).map(block).join('');
}

/** `width` of the values, at evenly spread places, the first and last included (the last alone for width 1). */
function pick(values: readonly D[], width: number): readonly D[] {
  if (width >= values.length) {
    return values;
  }
  if (width === 1) {
    return [values.at(-1)!];
  }
  return Array.from({ length: width }, (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))]!);
}

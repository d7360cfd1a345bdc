import type { ChalkInstance } from 'chalk';
import { D } from '../../engine/decimal.js';
import { FIELD_KIND, type Axis, type GridReport } from '../../report/gridTypes.js';
import type { Unit } from '../../core/unit.js';
import { formatAmount, formatRate } from '../formatNumber.js';
import type { GridRenderOptions } from './options.js';
import { visible } from '../../core/visibleText.js';

const GAP = '  ';
const SHADES = 5;

/**
 * y down, x across, TVL in every cell rounded for reading (4 significant digits), under a
 * heading that says which scenario and period. With colour on, each cell is shaded by its value,
 * cold to hot, on a log scale between the smallest positive cell and the largest.
 *
 * Two passes over the rows, neither keeping the grid: the first finds the range of the values
 * (for the shading and the column width), the second formats and writes the rows. Formatting
 * is the slow part, so it happens once per cell: the columns are as wide as the widest text a
 * value in the range can format to.
 */
export function* renderGridTable(grid: GridReport, options: GridRenderOptions): Generator<string, void, undefined> {
  const { chalk, locale } = options;
  const cell = (value: D): string => formatAmount(value, grid.unit, locale);
  const xs = grid.x.values.map((value) => axisLabel(grid.x, value, grid.unit, locale));
  const ys = grid.y.values.map((value) => axisLabel(grid.y, value, grid.unit, locale));
  const corner = `${grid.y.field} \\ ${grid.x.field}`;

  let max: D | null = null;
  let minPositive: D | null = null;
  let hasZero = false;
  for (const row of grid.rows()) {
    for (const value of row) {
      if (value.isZero()) {
        hasZero = true;
      } else if (minPositive === null || value.lt(minPositive)) {
        minPositive = value;
      }
      if (max === null || value.gt(max)) {
        max = value;
      }
    }
  }
  const cellWidth = widestCell(minPositive, max, hasZero, cell);
  const widths = xs.map((label) => Math.max(label.length, cellWidth));
  const labelWidth = Math.max(corner.length, ...ys.map((label) => label.length));
  const shade = chalk.level > 0 && max !== null && minPositive !== null && max.gt(minPositive) ? makeShade(chalk, minPositive, max) : (_: D, text: string) => text;

  const at = grid.at === null ? "each cell's last period" : visible(grid.at);
  const details = [grid.scenario, grid.case === null ? null : `case ${grid.case}`, grid.unit].filter((part) => part !== null).map(visible);
  const heading = `${chalk.bold(`TVL at ${at}`)}  ${chalk.dim(details.join(' · '))}`;
  const header = [corner.padEnd(labelWidth), ...xs.map((label, i) => label.padStart(widths[i]!))].join(GAP);
  const rule = [labelWidth, ...widths].map((width) => '─'.repeat(width)).join(GAP);
  yield `${heading}\n${chalk.bold(header)}\n${rule}\n`;

  let j = 0;
  for (const row of grid.rows()) {
    const cells = row.map((value, i) => shade(value, cell(value).padStart(widths[i]!)));
    yield `${[ys[j]!.padEnd(labelWidth), ...cells].join(GAP)}\n`;
    j += 1;
  }
}

/**
 * The widest text any value from low to high (and zero) formats to. Rounded to 4 significant
 * digits, values of one order of magnitude print at most as wide as 1.111 x 10^k; one just below
 * the next power may round up to it (999,999.6 prints $1,000,000).
 */
function widestCell(low: D | null, high: D | null, hasZero: boolean, cell: (value: D) => string): number {
  let widest = hasZero ? cell(new D(0)).length : 0;
  if (low === null || high === null) {
    return widest;
  }
  for (let k = low.e; k <= high.e; k += 1) {
    for (const candidate of [new D(`1.111e${k}`), new D(`9.9999999e${k}`)]) {
      widest = Math.max(widest, cell(candidate).length);
    }
  }
  return Math.max(widest, cell(low).length, cell(high).length);
}

export function axisLabel(axis: Axis, value: D, unit: Unit, locale: string): string {
  switch (FIELD_KIND[axis.field]) {
    case 'amount':
      return formatAmount(value, unit, locale);
    case 'rate':
      return formatRate(value, locale);
    case 'years':
      return value.toFixed();
  }
}

/** Colours from cold to hot for SHADES bands, evenly spaced on a log scale from low to high. */
function makeShade(chalk: ChalkInstance, low: D, high: D): (value: D, text: string) => string {
  const colours = [chalk.blue, chalk.cyan, chalk.green, chalk.yellow, chalk.red];
  const ratio = high.div(low);
  const bounds = Array.from({ length: SHADES - 1 }, (_, k) => low.times(ratio.pow(new D(k + 1).div(SHADES))));
  return (value, text) => {
    let band = 0;
    while (band < bounds.length && value.gte(bounds[band]!)) {
      band += 1;
    }
    return colours[band]!(text);
  };
}

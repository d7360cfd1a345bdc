import type { D } from '../../engine/decimal.js';
import type { GridReport } from '../../report/gridTypes.js';
import { formatAmount } from '../formatNumber.js';
import { axisLabel } from '../grid/renderGridTable.js';
import type { GridRenderOptions } from '../grid/options.js';
import { heatColour, textOn } from './heatColour.js';
import { axisScale, linearAxis, logAxis, tickDigits, type ValueAxis } from './niceTicks.js';
import { AXIS_COLOUR, MUTED_TEXT } from './palette.js';
import { svgDocumentHead } from './svgDocument.js';
import { px } from './svgNumber.js';
import { centreWithin, fitText, svgText, textWidth, TICK_FONT_SIZE } from './svgText.js';
import { DEFAULT_WIDTH } from './svgOptions.js';

const MARGIN = 16;
const HEADER = 72;
const MAX_CELL_HEIGHT = 28;
const MAX_PLOT_HEIGHT = 480;
const LEGEND = 64;
const LEGEND_STEPS = 64;
const CELL_FONT = 10;

interface Range {
  readonly min: D | null;
  readonly max: D | null;
  readonly minPositive: D | null;
}

/** The lowest, highest and lowest positive cell: one pass over the rows, none kept. */
function cellRange(grid: GridReport): Range {
  let min: D | null = null;
  let max: D | null = null;
  let minPositive: D | null = null;
  for (const row of grid.rows()) {
    for (const value of row) {
      min = min === null || value.lt(min) ? value : min;
      max = max === null || value.gt(max) ? value : max;
      minPositive = value.gt(0) && (minPositive === null || value.lt(minPositive)) ? value : minPositive;
    }
  }
  return { min, max, minPositive };
}

/** The colour scale: log (from the lowest positive cell) when asked and no cell is zero or below; else linear. */
function colourAxis(range: Range, log: boolean): { axis: ValueAxis | null; refused: boolean } {
  if (range.min === null || range.max === null) {
    return { axis: null, refused: false };
  }
  if (log && range.min.gt(0)) {
    return { axis: logAxis(range.min, range.max, 5), refused: false };
  }
  return { axis: linearAxis(range.min, range.max, 5, false), refused: log };
}

/**
 * `btcfi grid --format svg`: a heat map, y down and x across as in the table, each cell coloured
 * by its TVL (viridis, linear or with --log on a log scale) and labelled with it where it fits,
 * over a colour legend with round-figure ticks. The rows are walked twice (range, then cells),
 * and each row of cells is written as it is computed: a large grid keeps memory flat.
 */
export function* renderGridSvg(grid: GridReport, options: GridRenderOptions): Generator<string, void, undefined> {
  const locale = options.locale;
  const range = cellRange(grid);
  const { axis, refused } = colourAxis(range, options.log === true);
  const scale = axis === null ? () => 0 : axisScale(axis);
  const amount = (value: D): string => formatAmount(value, grid.unit, locale);
  const xs = grid.x.values.map((value) => axisLabel(grid.x, value, grid.unit, locale));
  const ys = grid.y.values.map((value) => axisLabel(grid.y, value, grid.unit, locale));
  const width = DEFAULT_WIDTH;
  const left = MARGIN + Math.ceil(Math.max(textWidth(`${grid.y.field}`, TICK_FONT_SIZE), ...ys.map((label) => textWidth(label, TICK_FONT_SIZE)))) + 10;
  const plotWidth = width - left - MARGIN;
  const cellWidth = plotWidth / Math.max(1, xs.length);
  const cellHeight = Math.min(MAX_CELL_HEIGHT, MAX_PLOT_HEIGHT / Math.max(1, ys.length));
  const top = HEADER + 22;
  const widest = Math.max(...[range.min, range.max, range.minPositive].flatMap((value) => (value === null ? [] : [textWidth(amount(value), CELL_FONT)])));
  const labelled = cellHeight >= 14 && widest + 6 <= cellWidth;
  const plotBottom = top + cellHeight * ys.length;
  // The size is known before the rows: the document is written as they are computed.
  yield `${svgDocumentHead(width, plotBottom + LEGEND + 24)}<g class="grid-chart">\n${heading(grid, width)}\n${axisLabels(grid, xs, ys, { left, top, cellWidth, cellHeight })}\n`;
  let j = 0;
  for (const row of grid.rows()) {
    yield `${cellRow(row, j, { left, top, cellWidth, cellHeight }, scale, labelled ? amount : null)}\n`;
    j += 1;
  }
  const parts = [`<path class="axis" d="M${px(left)} ${px(top)}V${px(plotBottom)}H${px(left + plotWidth)}" stroke="${AXIS_COLOUR}" stroke-width="1" fill="none"/>`];
  if (axis !== null) {
    parts.push(colourLegend(axis, scale, left, plotBottom + 16, Math.min(360, plotWidth), (value) => formatAmount(value, grid.unit, locale, tickDigits(value))));
  }
  const note = refused ? 'A log scale was asked for, but a cell is zero or below: coloured on a linear scale.' : axis?.log === true ? 'Colours on a log scale.' : 'Colours on a linear scale.';
  parts.push(svgText(MARGIN, plotBottom + LEGEND + 12, note, { size: TICK_FONT_SIZE, fill: MUTED_TEXT, className: 'note' }));
  yield `${parts.join('\n')}\n</g>\n</svg>\n`;
}

function heading(grid: GridReport, width: number): string {
  const at = grid.at ?? "each cell's last period";
  const details = [grid.scenario, grid.case === null ? null : `case ${grid.case}`, grid.unit].filter((part) => part !== null).join(' · ');
  return [
    svgText(MARGIN, 30, fitText(`TVL at ${at}`, width - 2 * MARGIN, 16, 'bold'), { size: 16, weight: 'bold', fill: '#111111', className: 'title' }),
    svgText(MARGIN, 50, fitText(details, width - 2 * MARGIN, 12), { size: 12, fill: MUTED_TEXT, className: 'subtitle' }),
  ].join('\n');
}

interface CellLayout {
  readonly left: number;
  readonly top: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
}

/** The x values over the columns and the y values beside the rows, every k-th where they would crowd; the fields named in the corner. */
function axisLabels(grid: GridReport, xs: readonly string[], ys: readonly string[], layout: CellLayout): string {
  const { left, top, cellWidth, cellHeight } = layout;
  const xEvery = Math.max(1, Math.ceil((Math.max(...xs.map((label) => textWidth(label, TICK_FONT_SIZE))) + 8) / cellWidth));
  const yEvery = Math.max(1, Math.ceil(13 / cellHeight));
  const style = { size: TICK_FONT_SIZE, fill: MUTED_TEXT, className: 'tick' } as const;
  const parts = [svgText(MARGIN, top - 22, `${grid.y.field} \\ ${grid.x.field}`, { ...style, className: 'axis-title' })];
  xs.forEach((label, i) => {
    if (i % xEvery === 0) {
      parts.push(svgText(centreWithin(left + cellWidth * (i + 0.5), label, TICK_FONT_SIZE, DEFAULT_WIDTH), top - 6, label, { ...style, anchor: 'middle' }));
    }
  });
  ys.forEach((label, j) => {
    if (j % yEvery === 0) {
      parts.push(svgText(left - 6, top + cellHeight * (j + 0.5) + 4, label, { ...style, anchor: 'end' }));
    }
  });
  return parts.join('\n');
}

/** A row of cells: one path per colour, then each cell's figure where it fits in the cell. */
function cellRow(row: readonly D[], j: number, layout: CellLayout, scale: (value: D) => number, label: ((value: D) => string) | null): string {
  const { left, top, cellWidth, cellHeight } = layout;
  const y = top + cellHeight * j;
  const byColour = new Map<string, string>();
  const texts: string[] = [];
  row.forEach((value, i) => {
    const t = scale(value);
    const colour = heatColour(t);
    const x = left + cellWidth * i;
    byColour.set(colour, `${byColour.get(colour) ?? ''}M${px(x)} ${px(y)}h${px(cellWidth)}v${px(cellHeight)}h${px(-cellWidth)}Z`);
    const text = label === null ? '' : label(value);
    // The lowest and highest cells fit (labelled says so), but a figure between them may be written longer.
    if (text !== '' && textWidth(text, CELL_FONT) + 6 <= cellWidth) {
      texts.push(svgText(x + cellWidth / 2, y + cellHeight / 2 + 3.5, text, { size: CELL_FONT, anchor: 'middle', fill: textOn(t), className: 'cell' }));
    }
  });
  const paths = [...byColour].map(([colour, d]) => `<path class="cells" d="${d}" fill="${colour}"/>`);
  return [...paths, ...texts].join('\n');
}

/** The colour scale as a bar of LEGEND_STEPS steps, with a mark and a label at each round-figure tick. */
function colourLegend(axis: ValueAxis, scale: (value: D) => number, left: number, top: number, width: number, label: (value: D) => string): string {
  const step = width / LEGEND_STEPS;
  const parts = Array.from({ length: LEGEND_STEPS }, (_, s) => `<path class="legend-step" d="M${px(left + step * s)} ${px(top)}h${px(step + 0.5)}v12h${px(-step - 0.5)}Z" fill="${heatColour((s + 0.5) / LEGEND_STEPS)}"/>`);
  const marks = axis.ticks.map((tick) => `M${px(left + width * scale(tick))} ${px(top + 12)}v4`).join('');
  parts.push(`<path class="legend-ticks" d="${marks}" stroke="${AXIS_COLOUR}" stroke-width="1" fill="none"/>`);
  axis.ticks.forEach((tick) => parts.push(svgText(centreWithin(left + width * scale(tick), label(tick), TICK_FONT_SIZE, DEFAULT_WIDTH), top + 29, label(tick), { size: TICK_FONT_SIZE, anchor: 'middle', fill: MUTED_TEXT, className: 'tick' })));
  return `<g class="colour-legend">\n${parts.join('\n')}\n</g>`;
}

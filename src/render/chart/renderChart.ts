import asciichart from 'asciichart';
import type { ChalkInstance, ForegroundColorName } from 'chalk';
import { displayWidth } from '../displayWidth.js';
import { D } from '../../engine/decimal.js';
import type { Unit } from '../../core/unit.js';
import { formatAmount } from '../formatNumber.js';
import { visible } from '../../core/visibleText.js';

// A line chart of TVL paths, drawn by asciichart. The figures arrive as exact decimals; only the
// picture is drawn in floating point, after scaling every value into [100, 1000) so that no path
// (1e30, or beyond the range of a double) can overflow. The labels come from the decimals.

/** One line of the chart: a case's TVL by period. */
export interface ChartSeries {
  /** The case; null for a scenario without cases. */
  readonly name: string | null;
  readonly periods: readonly string[];
  readonly values: readonly D[];
}

export interface ChartOptions {
  /** Columns available: no line of the chart is wider. */
  readonly width: number;
  /** Rows of the plot, without the period and legend lines (default 10). */
  readonly height?: number;
  /** Chosen once by the CLI; level 0 when colour is off, and then no escape code is written. */
  readonly chalk: ChalkInstance;
  readonly unit: Unit;
  readonly locale: string;
  /** Levels drawn as labelled horizontal lines (a scenario's references); the y range takes them in. */
  readonly references?: readonly ChartReference[];
}

/** A horizontal line across the plot, labelled with its name at the right. */
export interface ChartReference {
  readonly name: string;
  readonly value: D;
}

/** The owner of a reference line's cells: painted dim, never over a path. */
const REFERENCE_OWNER = -1;

const DEFAULT_HEIGHT = 10;
/** A short path is stretched to this many columns (when they fit), so its shape can be seen. */
const STRETCH_TO = 60;
/** Fewer plot columns than this would not show a shape: no chart. */
const MIN_COLUMNS = 8;
const COLORS: readonly ForegroundColorName[] = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'];
const MARKERS = 'abcdefghijklmnopqrstuvwxyz';

interface Cell {
  readonly glyph: string;
  /** The path drawn in this cell, by its index; null for the axis, a label or blank. */
  readonly owner: number | null;
}

/**
 * The TVL paths as a line chart: a y axis of compact amounts, one line per case ending in a
 * letter (when there are several, so that they can be told apart without colour), the first and
 * last period under the plot, and a legend. Returns '' when there is nothing to draw: no path of
 * two periods or more, or too few columns. No trailing newline.
 */
export function renderChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const { chalk } = options;
  const drawn = series.filter((s) => s.values.length > 0);
  const longest = drawn.reduce<ChartSeries | null>((best, s) => (best === null || s.values.length > best.values.length ? s : best), null);
  if (longest === null || longest.values.length < 2) {
    return '';
  }
  const points = longest.values.length;
  const height = Math.max(2, Math.floor(options.height ?? DEFAULT_HEIGHT));

  const { shown: references, off } = referencesInReach(drawn, options.references ?? []);
  const { scale, toPlot, plotLow, plotHigh } = plotRange(drawn, references);
  const frame = { min: plotLow, max: plotHigh, height: height - 1 };

  // First pass: the value asciichart gives each row's label, to size the label column.
  const rowValues: number[] = [];
  asciichart.plot([[plotLow, plotHigh]], { ...frame, format: (x) => (rowValues.push(x), '') });
  const labels = yLabels(rowValues.map((x) => new D(String(x)).times(scale)), options);
  const labelWidth = Math.max(3, ...labels.map((label) => displayWidth(label)));
  // asciichart puts the label in the first of `offset` (3) cells, then a space and the axis.
  const padded = labels.map((label) => ' '.repeat(labelWidth - displayWidth(label)) + label);

  // With several paths, each ends in its letter; paths ending in the same row need more columns.
  const ends = drawn.map((s) => rowOf(toPlot(s.values.at(-1)!), frame));
  const markerColumns = drawn.length === 1 ? 0 : Math.max(...ends.map((row) => ends.filter((other) => other === row).length));
  // A row is: label, space, axis (which holds the first point), then one column per further point.
  const available = options.width - labelWidth - 1 - markerColumns;
  const columns = Math.min(available, Math.max(points, STRETCH_TO));
  if (columns < MIN_COLUMNS) {
    return '';
  }

  const sampled = drawn.map((s) => resample(s.values.map(toPlot), points, columns, plotLow, plotHigh));
  const sentinel = (j: number): string => `\u0000${j}\u0001`;
  const plot = asciichart.plot(sampled, {
    ...frame,
    offset: 3,
    colors: drawn.map((_, j) => sentinel(j)),
    format: (_x, i) => padded[i] ?? '',
  });

  const grid = toCells(plot, padded);
  for (const reference of references) {
    drawReference(grid[rowOf(toPlot(reference.value), frame)], visible(reference.name), columns);
  }
  if (drawn.length > 1) {
    placeMarkers(grid, sampled, frame, 1 + columns + markerColumns - 1);
  }
  const paint = (j: number, text: string): string => (j === REFERENCE_OWNER ? chalk.dim(text) : chalk[COLORS[j % COLORS.length]!](text));
  const lines = grid.map((row) => paintRow(row, chalk, paint));

  const first = longest.periods[0] ?? '';
  const last = longest.periods.at(-1) ?? '';
  const indent = ' '.repeat(labelWidth + 1);
  const gap = columns - displayWidth(first) - displayWidth(last);
  lines.push(chalk.dim(gap >= 1 ? `${indent}${first}${' '.repeat(gap)}${last}` : `${indent}${first}`));
  lines.push(...legend(drawn, options.width, paint));
  if (off.length > 0) {
    lines.push(chalk.dim(fit(`off the chart: ${off.map((r) => `${visible(r.name)} ${formatAmount(r.value, options.unit, options.locale)}`).join(', ')}`, options.width)));
  }
  return lines.join('\n');
}

/**
 * The references drawn: those within half the paths' span beyond their lowest and highest
 * figures (the range then takes them in). One far away would flatten every path into a line;
 * those are named under the chart instead.
 */
function referencesInReach(drawn: readonly ChartSeries[], references: readonly ChartReference[]): { shown: ChartReference[]; off: ChartReference[] } {
  const all = drawn.flatMap((s) => s.values);
  const low = D.min(...all);
  const high = D.max(...all);
  const reach = D.max(high.minus(low).div(2), high.abs().div(2));
  const within = (r: ChartReference): boolean => r.value.gte(low.minus(reach)) && r.value.lte(high.plus(reach));
  return { shown: references.filter(within), off: references.filter((r) => !within(r)) };
}

/**
 * The y range, in decimals: the paths' lowest to highest, or from zero when they are all flat;
 * and the power of ten that brings it to the few digits a float plots exactly enough.
 */
function plotRange(drawn: readonly ChartSeries[], references: readonly ChartReference[]): { scale: D; toPlot: (value: D) => number; plotLow: number; plotHigh: number } {
  const all = [...drawn.flatMap((s) => s.values), ...references.map((r) => r.value)];
  let low = D.min(...all);
  let high = D.max(...all);
  if (low.eq(high)) {
    low = D.min(low, 0);
    high = D.max(high, 0);
  }
  const largest = D.max(low.abs(), high.abs());
  const scale = largest.isZero() ? new D(1) : new D(10).pow(largest.e - 2);
  const toPlot = (value: D): number => value.div(scale).toNumber();
  return { scale, toPlot, plotLow: toPlot(low), plotHigh: toPlot(high) };
}

interface ChartRow {
  readonly label: string;
  readonly cells: Cell[];
}

/**
 * Back from asciichart's text to cells, each owned by the path drawn in it (if any): cell 0 is
 * the space after the label, cell 1 the axis and first point, cell 1 + x point x.
 */
function toCells(plot: string, padded: readonly string[]): ChartRow[] {
  return plot.split('\n').map((line, i) => {
    const label = padded[i] ?? '';
    const cells = [...line.slice(label.length).matchAll(/\u0000(\d+)\u0001(.)\u001b\[0m|(.)/gsu)].map(
      (m): Cell => (m[1] === undefined ? { glyph: m[3]!, owner: null } : { glyph: m[2]!, owner: Number(m[1]) }),
    );
    return { label, cells };
  });
}

/**
 * A reference's level as a dotted line over the blank cells of its row (paths stay drawn over
 * it), its name at the right end of the plot where it fits.
 */
function drawReference(row: ChartRow | undefined, name: string, columns: number): void {
  if (row === undefined) {
    return;
  }
  const { cells } = row;
  while (cells.length <= columns) {
    cells.push({ glyph: ' ', owner: null });
  }
  const free = (at: number): boolean => cells[at]!.owner === null || cells[at]!.owner === REFERENCE_OWNER;
  for (let at = 2; at <= columns; at += 1) {
    if (cells[at]!.owner === null && cells[at]!.glyph === ' ') {
      cells[at] = { glyph: '┄', owner: REFERENCE_OWNER };
    }
  }
  const label = [...` ${fit(name, Math.max(1, columns - 4))}`];
  const from = columns + 1 - label.reduce((width, char) => width + displayWidth(char), 0);
  if (from < 2) {
    return;
  }
  let at = from;
  for (const char of label) {
    if (!free(at)) {
      return;
    }
    at += displayWidth(char);
  }
  at = from;
  for (const char of label) {
    cells[at] = { glyph: char, owner: REFERENCE_OWNER };
    for (let extra = 1; extra < displayWidth(char); extra += 1) {
      cells[at + extra] = { glyph: '', owner: REFERENCE_OWNER };
    }
    at += displayWidth(char);
  }
}

/** Each path's letter just after its last point; a second path ending in the same place goes one further, up to lastColumn. */
function placeMarkers(grid: readonly ChartRow[], sampled: readonly number[][], frame: { min: number; max: number; height: number }, lastColumn: number): void {
  const taken = new Set<string>();
  sampled.forEach((path, j) => {
    const row = rowOf(path.at(-1)!, frame);
    const cells = grid[row]?.cells;
    let column = 1 + path.length;
    while (taken.has(`${row}:${column}`)) {
      column += 1;
    }
    if (cells === undefined || column > lastColumn) {
      return;
    }
    taken.add(`${row}:${column}`);
    while (cells.length <= column) {
      cells.push({ glyph: ' ', owner: null });
    }
    cells[column] = { glyph: MARKERS[j] ?? '*', owner: j };
  });
}

/** A row as text: the label dimmed, then one colour code per run of a path's cells, not one per cell. */
function paintRow({ label, cells }: ChartRow, chalk: ChalkInstance, paint: (j: number, text: string) => string): string {
  const runs: { owner: number | null; text: string }[] = [];
  for (const cell of cells) {
    const run = runs.at(-1);
    if (run !== undefined && run.owner === cell.owner) {
      run.text += cell.glyph;
    } else {
      runs.push({ owner: cell.owner, text: cell.glyph });
    }
  }
  const body = runs.map((run) => (run.owner === null ? run.text : paint(run.owner, run.text))).join('');
  return `${chalk.dim(label)}${body}`.replace(/ +$/, '');
}

/**
 * The row labels as compact amounts: 3 significant digits, or 4 when 3 would repeat a label;
 * a label that would still repeat the one above is left blank (a narrow range over many rows).
 */
function yLabels(values: readonly D[], options: ChartOptions): string[] {
  const at = (significant: number): string[] => values.map((value) => formatAmount(value, options.unit, options.locale, significant));
  const repeats = (labels: readonly string[]): boolean => labels.some((label, i) => i > 0 && label === labels[i - 1]);
  const three = at(3);
  const labels = repeats(three) ? at(4) : three;
  return labels.map((label, i) => (i > 0 && label === labels[i - 1] ? '' : label));
}

/**
 * The row (0 at the top) in which asciichart draws a value: its own arithmetic, repeated here to
 * place each path's end letter.
 */
function rowOf(value: number, frame: { readonly min: number; readonly max: number; readonly height: number }): number {
  const range = Math.abs(frame.max - frame.min);
  const ratio = range !== 0 ? frame.height / range : 1;
  const min2 = Math.round(frame.min * ratio);
  const rows = Math.abs(Math.round(frame.max * ratio) - min2);
  return rows - (Math.round(value * ratio) - min2);
}

/**
 * A path of `points` periods drawn over `columns` columns: each column's value interpolated
 * linearly between the periods around it. A path shorter than the longest ends early.
 */
function resample(values: readonly number[], points: number, columns: number, low: number, high: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < columns; c += 1) {
    const t = (c * (points - 1)) / (columns - 1);
    if (t > values.length - 1) {
      break;
    }
    const i = Math.floor(t);
    const a = values[i]!;
    const b = values[Math.min(i + 1, values.length - 1)]!;
    out.push(Math.min(high, Math.max(low, a + (b - a) * (t - i))));
  }
  return out;
}

/** `──a rounded   ──b exact`, wrapped to the width; one path unnamed is `── TVL`. */
function legend(drawn: readonly ChartSeries[], width: number, paint: (j: number, text: string) => string): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  drawn.forEach((s, j) => {
    const key = drawn.length === 1 ? '──' : `──${MARKERS[j] ?? '*'}`;
    const room = width - displayWidth(key) - 1;
    const name = fit(visible(s.name ?? 'TVL'), room);
    const entryWidth = displayWidth(key) + 1 + displayWidth(name);
    const entry = `${paint(j, key)} ${name}`;
    if (used > 0 && used + 3 + entryWidth > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += used > 0 ? `   ${entry}` : entry;
    used += (used > 0 ? 3 : 0) + entryWidth;
  });
  lines.push(line);
  return lines;
}

/** The text cut to `room` columns, with … where it was cut. */
function fit(text: string, room: number): string {
  if (displayWidth(text) <= room) {
    return text;
  }
  let cut = '';
  for (const char of text) {
    if (displayWidth(`${cut}${char}…`) > room) {
      break;
    }
    cut += char;
  }
  return `${cut}…`;
}

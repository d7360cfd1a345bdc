import type { D } from '../../engine/decimal.js';
import { AXIS_COLOUR, GRID_COLOUR, MUTED_TEXT } from './palette.js';
import type { Frame } from './frame.js';
import { linearAxis, logAxis, type ValueAxis } from './niceTicks.js';
import { px } from './svgNumber.js';
import { centreWithin, svgText, textWidth, TICK_FONT_SIZE } from './svgText.js';
import type { TimeAxis } from './timeAxis.js';

/** Ticks on a figure axis: about this many. */
export const VALUE_TICKS = 5;

/**
 * The axis for these figures: log when asked and every figure is above zero, else linear from
 * zero (a TVL is drawn from nothing). `refused` says a log axis was asked for and could not be.
 */
export function figureAxis(values: readonly D[], log: boolean): { axis: ValueAxis; refused: boolean } {
  let low = values[0]!;
  let high = values[0]!;
  for (const value of values) {
    low = value.lt(low) ? value : low;
    high = value.gt(high) ? value : high;
  }
  if (log && low.gt(0)) {
    return { axis: logAxis(low, high, VALUE_TICKS), refused: false };
  }
  return { axis: linearAxis(low, high, VALUE_TICKS, true), refused: log };
}

/** Pixels a column of tick labels needs, with a gap to the plot. */
export function labelColumn(labels: readonly string[]): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => textWidth(label, TICK_FONT_SIZE)))) + 10;
}

/** Horizontal grid lines at the ticks, each labelled at the left of the plot. */
export function drawValueTicks(axis: ValueAxis, frame: Frame, y: (value: D) => number, label: (value: D) => string): string {
  const right = frame.left + frame.width;
  const lines = axis.ticks.map((tick) => `M${px(frame.left)} ${px(y(tick))}H${px(right)}`).join('');
  const labels = axis.ticks.map((tick) => svgText(frame.left - 6, y(tick) + 4, label(tick), { size: TICK_FONT_SIZE, anchor: 'end', fill: MUTED_TEXT, className: 'tick' }));
  return [`<path class="grid" d="${lines}" stroke="${GRID_COLOUR}" stroke-width="1" fill="none"/>`, ...labels].join('\n');
}

/** The x axis line under the plot, with a tick mark and label at each of its ticks (kept within a chart `width` pixels wide). */
export function drawTimeTicks(axis: TimeAxis, frame: Frame, x: (time: number) => number, width: number): string {
  const bottom = frame.top + frame.height;
  const marks = axis.ticks.map((tick) => `M${px(x(tick.time))} ${px(bottom)}v4`).join('');
  const labels = axis.ticks.map((tick) => svgText(centreWithin(x(tick.time), tick.label, TICK_FONT_SIZE, width), bottom + 17, tick.label, { size: TICK_FONT_SIZE, anchor: 'middle', fill: MUTED_TEXT, className: 'tick' }));
  return [`<path class="axis" d="M${px(frame.left)} ${px(bottom)}H${px(frame.left + frame.width)}${marks}" stroke="${AXIS_COLOUR}" stroke-width="1" fill="none"/>`, ...labels].join('\n');
}

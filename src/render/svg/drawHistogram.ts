import { D } from '../../engine/decimal.js';
import type { FinalDistribution } from '../../report/types.js';
import { group } from '../formatEnUs.js';
import { formatRate } from '../formatNumber.js';
import { drawValueTicks, labelColumn } from './drawAxes.js';
import type { Block, Frame } from './frame.js';
import { axisScale, linearAxis } from './niceTicks.js';
import { AXIS_COLOUR, MUTED_TEXT, REFERENCE_COLOUR, seriesColour } from './palette.js';
import type { SvgLine } from './svgOptions.js';
import { px } from './svgNumber.js';
import { centreWithin, fitText, svgText, textWidth, TICK_FONT_SIZE } from './svgText.js';

const PLOT_HEIGHT = 110;
const MARGIN = 16;

export interface HistogramStyle {
  readonly width: number;
  /** The case's colour: its place among the scenario's cases. */
  readonly k: number;
  readonly name: string | null;
  readonly amount: (value: D) => string;
  readonly tickLabel: (value: D) => string;
  readonly locale: string;
  /** Targets and references: those within the bins are drawn across them. */
  readonly lines: readonly SvgLine[];
}

/**
 * The last period's TVL over a sampled case's paths: a bar per bin, as high as its share of the
 * paths (ticks at round shares), round-figure ticks under it, targets and references that fall
 * within it as dashed lines, and a note of the paths beyond the bins.
 */
export function histogramBlock(distribution: FinalDistribution, style: HistogramStyle): Block {
  const { edges, counts, samples } = distribution;
  const total = new D(samples);
  const shares = counts.map((count) => new D(count).div(total));
  const shareAxis = linearAxis(new D(0), D.max(...shares), 3, true);
  const shareLabel = (value: D): string => formatRate(value, style.locale);
  const left = MARGIN + labelColumn(shareAxis.ticks.map(shareLabel));
  const single = edges[0]!.eq(edges.at(-1)!);
  const valueAxis = linearAxis(edges[0]!, edges.at(-1)!, 6, false);
  const tail = distribution.below + distribution.above;
  return {
    height: PLOT_HEIGHT + 78 + (tail > 0 ? 16 : 0),
    draw: (top) => {
      const frame: Frame = { left, top: top + 42, width: style.width - left - MARGIN, height: PLOT_HEIGHT };
      const heading = `TVL in ${distribution.period} over ${group(String(samples))} paths${style.name === null ? '' : ` · ${style.name}`}`;
      const yOf = axisScale(shareAxis);
      const xOf = axisScale(valueAxis);
      const y = (value: D): number => frame.top + frame.height * (1 - yOf(value));
      const x = (value: D): number => frame.left + frame.width * xOf(value);
      const bottom = frame.top + frame.height;
      const parts = [
        svgText(MARGIN, top + 26, fitText(heading, style.width - 2 * MARGIN, 12, 'bold'), { size: 12, weight: 'bold', fill: '#222222', className: 'histogram-title' }),
        drawValueTicks(shareAxis, frame, y, shareLabel),
      ];
      const bars = single
        ? `M${px(x(edges[0]!) - 6)} ${px(bottom)}V${px(y(shares[0]!))}h12V${px(bottom)}Z`
        : counts.map((_, i) => `M${px(x(edges[i]!))} ${px(bottom)}V${px(y(shares[i]!))}H${px(x(edges[i + 1]!))}V${px(bottom)}Z`).join('');
      parts.push(`<path class="histogram-bars" d="${bars}" fill="${seriesColour(style.k)}" fill-opacity="0.7" stroke="#ffffff" stroke-width="0.5"/>`);
      const marks = valueAxis.ticks.map((tick) => `M${px(x(tick))} ${px(bottom)}v4`).join('');
      parts.push(`<path class="axis" d="M${px(frame.left)} ${px(bottom)}H${px(frame.left + frame.width)}${marks}" stroke="${AXIS_COLOUR}" stroke-width="1" fill="none"/>`);
      parts.push(...valueAxis.ticks.map((tick) => svgText(centreWithin(x(tick), style.tickLabel(tick), TICK_FONT_SIZE, style.width), bottom + 17, style.tickLabel(tick), { size: TICK_FONT_SIZE, anchor: 'middle', fill: MUTED_TEXT, className: 'tick' })));
      parts.push(...drawLinesAcross(style.lines, valueAxis.low, valueAxis.high, x, { frame, width: style.width }));
      if (tail > 0) {
        const share = (count: number): string => formatRate(new D(count).div(total), style.locale, false, 3);
        const note = `Beyond the bins: ${share(distribution.below)} of paths below ${style.amount(edges[0]!)}, ${share(distribution.above)} above ${style.amount(edges.at(-1)!)}.`;
        parts.push(svgText(MARGIN, bottom + 38, fitText(note, style.width - 2 * MARGIN, TICK_FONT_SIZE), { size: TICK_FONT_SIZE, fill: MUTED_TEXT, className: 'note' }));
      }
      return `<g class="histogram">\n${parts.join('\n')}\n</g>`;
    },
  };
}

/**
 * The targets and references within the axis as vertical dashed lines, labelled at their top: right
 * of the line, or left of it when the label would run past the chart's right edge (cut to fit there).
 */
function drawLinesAcross(lines: readonly SvgLine[], low: D, high: D, x: (value: D) => number, chart: { frame: Frame; width: number }): string[] {
  const { frame, width } = chart;
  const style = { size: TICK_FONT_SIZE, fill: REFERENCE_COLOUR, className: 'reference-label' };
  return lines
    .filter((line) => line.value.gte(low) && line.value.lte(high))
    .flatMap((line) => {
      const at = x(line.value);
      const right = at + 4 + textWidth(line.label, TICK_FONT_SIZE) <= width - 4;
      return [
        `<path class="reference" d="M${px(at)} ${px(frame.top)}V${px(frame.top + frame.height)}" stroke="${REFERENCE_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4" fill="none"/>`,
        right
          ? svgText(at + 4, frame.top + 10, line.label, style)
          : svgText(at - 4, frame.top + 10, fitText(line.label, at - 8, TICK_FONT_SIZE), { ...style, anchor: 'end' }),
      ];
    });
}

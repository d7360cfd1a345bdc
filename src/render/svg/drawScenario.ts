import type { D } from '../../engine/decimal.js';
import type { ScenarioReport } from '../../report/types.js';
import { group } from '../formatEnUs.js';
import { formatAmount } from '../formatNumber.js';
import { collectSeries, type Series } from './collectSeries.js';
import { drawTimeTicks, drawValueTicks, figureAxis, labelColumn } from './drawAxes.js';
import { drawBars } from './drawBars.js';
import { drawReferences, targetLines } from './drawReferences.js';
import { drawSeries } from './drawSeries.js';
import { histogramBlock } from './drawHistogram.js';
import { stackBlocks, type Block, type Frame } from './frame.js';
import { legendBlock } from './legend.js';
import { axisScale, tickDigits, type ValueAxis } from './niceTicks.js';
import { MUTED_TEXT } from './palette.js';
import type { Drawing } from './svgDocument.js';
import { DEFAULT_WIDTH, type SvgLine, type SvgOptions } from './svgOptions.js';
import { fitText, svgText, TICK_FONT_SIZE, wrapText } from './svgText.js';
import { timeAxis } from './timeAxis.js';

const MARGIN = 16;
const PLOT_HEIGHT = 260;
/** Room over the plot for the labels of bars and lines at its top. */
const PLOT_ROOM = 22;
const TITLE_FONT = 16;
const NOTE_ROW = 16;

/**
 * A scenario as a chart: its title and source over a plot of every case's TVL by period (a line
 * per case; a fan of percentile bands for a sampled case; bars when the scenario has a single
 * period), the targets and `references` as labelled dashed lines, then a legend and notes.
 */
export function drawScenario(scenario: ScenarioReport, options: SvgOptions = {}): Drawing {
  const width = options.width ?? DEFAULT_WIDTH;
  const locale = options.locale ?? 'en-US';
  const series = collectSeries(scenario.cases).filter((s) => s.points.length > 0);
  const lines = [...targetLines(scenario), ...(options.references ?? [])];
  const amount = (value: D): string => formatAmount(value, scenario.unit, locale);
  // A tick is a round figure: printed with every digit it has, never rounded to 4.
  const tickLabel = (value: D): string => formatAmount(value, scenario.unit, locale, tickDigits(value));
  const figures = [...series.flatMap((s) => s.points.flatMap((p) => (p.band === null ? [p.value] : [p.value, p.band.p5, p.band.p95]))), ...lines.map((line) => line.value)];
  const blocks: Block[] = [headerBlock(scenario, width)];
  const notes: string[] = [];
  if (figures.length > 0) {
    const { axis, refused } = figureAxis(figures, options.log === true);
    const bars = series.every((s) => s.points.length === 1);
    blocks.push(plotBlock(series, lines, axis, { width, bars, amount, tickLabel }));
    if (!bars) {
      blocks.push(legendBlock(series, MARGIN, width - 2 * MARGIN));
    }
    if (refused) {
      notes.push('A log scale was asked for, but a figure is zero or below: drawn on a linear scale.');
    } else if (axis.log) {
      notes.push('Log scale.');
    }
  }
  const sampled = scenario.cases.find((c) => c.simulation !== null)?.simulation ?? null;
  if (sampled !== null) {
    notes.push(`Sampled: ${group(String(sampled.samples))} paths, seed ${sampled.seed}.`);
    notes.push(
      series.every((s) => s.points.length === 1)
        ? 'Sampled cases: the median; the box spans the 25th to the 75th percentile, the whiskers the 5th to the 95th.'
        : 'Sampled cases: the median, shaded from the 25th to the 75th and from the 5th to the 95th percentile.',
    );
  }
  blocks.push(notesBlock(notes, width));
  scenario.cases.forEach((c, k) => {
    if (c.distribution != null) {
      blocks.push(histogramBlock(c.distribution, { width, k, name: c.name, amount, tickLabel, locale, lines }));
    }
  });
  const { height, body } = stackBlocks(blocks);
  return { width, height: height + MARGIN / 2, body: `<g class="scenario">\n${body}\n</g>` };
}

function headerBlock(scenario: ScenarioReport, width: number): Block {
  const room = width - 2 * MARGIN;
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null).join(' · ');
  const rows: { text: string; size: number; className: string }[] = [
    ...wrapText(scenario.title ?? scenario.name, room, TITLE_FONT, 2, 'bold').map((text) => ({ text, size: TITLE_FONT, className: 'title' })),
    ...wrapText(details, room, 12, 3).map((text) => ({ text, size: 12, className: 'subtitle' })),
  ];
  if (scenario.whatIf.length > 0) {
    rows.push(...wrapText(`what-if: ${scenario.whatIf.join(', ')}`, room, 12, 2).map((text) => ({ text, size: 12, className: 'what-if' })));
  }
  return {
    height: 14 + rows.reduce((sum, row) => sum + row.size + 5, 0),
    draw: (top) => {
      let y = top + 8;
      return rows
        .map(({ text, size, className }) => {
          y += size + 5;
          const title = className === 'title';
          return svgText(MARGIN, y, text, { size, ...(title ? { weight: 'bold' as const } : {}), fill: title ? '#111111' : MUTED_TEXT, className });
        })
        .join('\n');
    },
  };
}

interface PlotStyle {
  readonly width: number;
  readonly bars: boolean;
  readonly amount: (value: D) => string;
  readonly tickLabel: (value: D) => string;
}

function plotBlock(series: readonly Series[], lines: readonly SvgLine[], axis: ValueAxis, style: PlotStyle): Block {
  const left = MARGIN + labelColumn(axis.ticks.map(style.tickLabel));
  const position = axisScale(axis);
  return {
    height: PLOT_HEIGHT + PLOT_ROOM + 34,
    draw: (top) => {
      const frame: Frame = { left, top: top + PLOT_ROOM, width: style.width - left - MARGIN, height: PLOT_HEIGHT };
      const y = (value: D): number => frame.top + frame.height * (1 - position(value));
      const parts = [drawValueTicks(axis, frame, y, style.tickLabel)];
      if (style.bars) {
        parts.push(drawBars(series, frame, y, axis.log ? null : y(axis.low), { amount: style.amount, width: style.width }));
      } else {
        const time = timeAxis(series, Math.floor(frame.width / 60));
        const x = (t: number): number => frame.left + (frame.width * (t - time.low)) / (time.high - time.low);
        parts.push(drawTimeTicks(time, frame, x, style.width));
        series.forEach((s, k) => parts.push(drawSeries(s, k, (point) => x(point.time), y)));
      }
      parts.push(drawReferences(lines, frame, y, style.amount));
      return `<g class="plot">\n${parts.filter((part) => part !== '').join('\n')}\n</g>`;
    },
  };
}

/** Notes under the chart, each cut to one line of the width. */
function notesBlock(notes: readonly string[], width: number): Block {
  return {
    height: notes.length * NOTE_ROW,
    draw: (top) => notes.map((note, i) => svgText(MARGIN, top + 12 + i * NOTE_ROW, fitText(note, width - 2 * MARGIN, TICK_FONT_SIZE), { size: TICK_FONT_SIZE, fill: MUTED_TEXT, className: 'note' })).join('\n'),
  };
}


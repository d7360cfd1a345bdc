import type { D } from '../../engine/decimal.js';
import type { MarketSolveReport, SolveReport } from '../../report/solveTypes.js';
import type { Unit } from '../../core/unit.js';
import { formatAmount, formatRate, formatYears, plainFigure, TABLE_DIGITS } from '../formatNumber.js';
import { escapeMarkdown, escapeMarkdownLine, markdownTable } from '../markdownText.js';
import type { RenderOptions } from '../options.js';
import { formatExactAmount, formatExactRate } from './formatSolveFigures.js';
import { linesOf } from './renderSolveText.js';

/** A figure of a solve: its name, what kind of figure it is, and its value (null for an answer that does not exist). */
type Figure = readonly [name: string, kind: 'amount' | 'rate' | 'years', value: D | null, unit?: Unit];

/**
 * A solve as GitHub-flavoured markdown: the unknown as a heading, a table of the answer and the
 * figures given (rounded, then every digit, right-aligned), then the equation solved and any
 * reason or note as a list, in the words of the text output.
 */
export function renderSolveMarkdown(report: SolveReport, options: RenderOptions): string {
  const digits = options.digits ?? TABLE_DIGITS;
  const readable = ([, kind, value, unit]: Figure): string =>
    value === null ? 'no answer' : kind === 'amount' ? formatAmount(value, unit ?? report.unit, options.locale, digits) : kind === 'rate' ? formatRate(value, options.locale, false, digits) : formatYears(value, options.locale);
  const exact = ([, kind, value, unit]: Figure): string => (value === null ? '' : kind === 'amount' ? formatExactAmount(value, unit ?? report.unit) : kind === 'rate' ? formatExactRate(value) : plainFigure(value));
  const figures = figuresOf(report);
  const rows = figures.map((figure, i) => [i === 0 ? `**${figure[0]}**` : figure[0], readable(figure), exact(figure)]);
  const unknown = report.solve === 'growth-history' ? 'growth' : report.solve;
  const heading = `## btcfi solve ${unknown}: ${escapeMarkdown(readable(figures[0]!))}`;
  // Table cells are escaped; the bold answer's name is ours, written after escaping.
  const table = markdownTable(['Figure', 'Value', 'Exact'], ['left', 'right', 'right'], rows).replace(/\\\*\\\*(\w[\w -]*)\\\*\\\*/, '**$1**');
  // The text's lines after the answer and its digits: the equation, and why or a note.
  const notes = linesOf(report, options)
    .filter(([label], i) => i > 0 && !(i === 1 && label === 'exact'))
    .map(([label, text]) => (label === '' ? `  ${escapeMarkdown(text)}` : `- ${escapeMarkdownLine(`${label}: ${text}`)}`));
  return `${[heading, table, notes.join('\n')].join('\n\n')}\n`;
}

function figuresOf(report: SolveReport): Figure[] {
  switch (report.solve) {
    case 'growth':
      return [['growth', 'rate', report.value], ['from', 'amount', report.from.value], ['to', 'amount', report.to.value], ['years', 'years', report.years.value]];
    case 'growth-history': {
      const { history } = report;
      return [
        ['growth', 'rate', report.value],
        ['log-linear growth', 'rate', report.logLinear],
        ['first', 'amount', history.points[0]!.value],
        ['last', 'amount', history.points.at(-1)!.value],
        ['years', 'years', history.spanYears],
      ];
    }
    case 'years':
      return [['years', 'years', report.value], ['from', 'amount', report.from.value], ['to', 'amount', report.to.value], ['growth', 'rate', report.growth.value]];
    case 'end':
      return [['end', 'amount', report.value], ['from', 'amount', report.from.value], ['growth', 'rate', report.growth.value], ['years', 'years', report.years.value]];
    case 'start':
      return [['start', 'amount', report.value], ['to', 'amount', report.to.value], ['growth', 'rate', report.growth.value], ['years', 'years', report.years.value]];
    case 'utilization':
      return [
        ['utilization', 'rate', report.value],
        ['market cap', 'amount', report.marketCap.value],
        ['tvl', 'amount', report.tvl.value],
        ...(report.growth === null || report.years === null
          ? []
          : ([['growth', 'rate', report.growth.value], ['years', 'years', report.years.value], ['market cap at the horizon', 'amount', report.marketCapAtHorizon]] as const)),
      ];
    default:
      return marketFigures(report);
  }
}

/** tvl, market-cap, price or supply: the answer, the figures given, and the market cap found on the way; each amount in its own unit. */
function marketFigures(report: MarketSolveReport): Figure[] {
  const { inputs } = report;
  const given = (name: string, kind: Figure[1], figure: { readonly value: D } | null, unit?: Unit): Figure[] => (figure === null ? [] : [[name, kind, figure.value, unit]]);
  return [
    [report.solve === 'market-cap' ? 'market cap' : report.solve, 'amount', report.value, report.unit],
    ...given('market cap', 'amount', inputs.marketCap, report.amountUnit),
    ...given('tvl', 'amount', inputs.tvl, report.amountUnit),
    ...given('utilization', 'rate', inputs.utilization),
    ...given('price', 'amount', inputs.price, 'USD'),
    ...given('supply', 'amount', inputs.supply, 'BTC'),
    ...given('growth', 'rate', inputs.growth),
    ...given('years', 'years', inputs.years),
    ...(report.marketCap === null ? [] : [['market cap found', 'amount', report.marketCap, report.amountUnit] as const]),
  ];
}

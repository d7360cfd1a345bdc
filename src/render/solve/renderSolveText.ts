import { D } from '../../engine/decimal.js';
import type { MarketSolveReport } from '../../report/solveTypes.js';
import { describeMarketReason, marketEquation } from './describeMarket.js';
import type { EndReport, GrowthReport, HistoryGrowthReport, SolveReport, StartReport, UtilizationReport, YearsReport } from '../../report/solveTypes.js';
import { formatAmount, formatRate, formatYears, plainFigure } from '../formatNumber.js';
import type { RenderOptions } from '../options.js';
import { describeGrowthReason, describeStartReason, describeUtilizationReason, describeYearsReason } from './describeReason.js';
import { formatExactAmount, formatExactRate, formatGrowthFactor } from './formatSolveFigures.js';
import { visible } from '../../core/visibleText.js';
import { wrapText } from '../wrapText.js';

/** One labelled line; a label of '' continues the line above. */
type Line = readonly [label: string, text: string];

/**
 * The answer for people (4 significant digits), then every digit of it, then the equation
 * solved, in general and with the figures given. Where there is no answer, why not.
 */
export function renderSolveText(report: SolveReport, options: RenderOptions): string {
  const lines = linesOf(report, options);
  const width = Math.max(...lines.map(([label]) => label.length)) + 2;
  // A text too long for the width wraps at spaces, continued under itself.
  const indent = ' '.repeat(width);
  return `${lines.flatMap(([label, text]) => wrapText(`${label.padEnd(width)}${text}`.trimEnd(), options.width, indent)).join('\n')}\n`;
}

/** The labelled lines of a solve's answer, as the text shows them. */
export function linesOf(report: SolveReport, options: RenderOptions): Line[] {
  switch (report.solve) {
    case 'growth':
      return growthLines(report, options);
    case 'growth-history':
      return historyLines(report, options);
    case 'years':
      return yearsLines(report, options);
    case 'end':
      return endLines(report, options);
    case 'start':
      return startLines(report, options);
    case 'utilization':
      return utilizationLines(report, options);
    case 'tvl':
    case 'market-cap':
    case 'price':
    case 'supply':
      return marketLines(report, options);
  }
}

const NO_ANSWER = 'no answer';

/** Intl reads decimal strings of any length but shows ∞ past about 1e308: beyond this, an exponent is clearer. */
const INTL_LIMIT = new D('1e300');

function readableRate(value: D, options: RenderOptions): string {
  return value.abs().gte(INTL_LIMIT) ? `${value.times(100).toSignificantDigits(4).toExponential()}%` : formatRate(value, options.locale);
}

function readableAmount(value: D, unit: 'USD' | 'BTC', options: RenderOptions): string {
  if (value.abs().lt(INTL_LIMIT)) {
    return formatAmount(value, unit, options.locale);
  }
  const digits = value.toSignificantDigits(4).toExponential();
  return unit === 'USD' ? `$${digits}` : `${digits} BTC`;
}

function readableYears(value: D, options: RenderOptions): string {
  return value.abs().gte(INTL_LIMIT) ? value.toSignificantDigits(4).toExponential() : formatYears(value, options.locale);
}

function answerLines(label: string, readable: string, exact: string, options: RenderOptions): Line[] {
  return [
    [label, options.chalk.bold(readable)],
    ['exact', exact],
  ];
}

function noAnswerLines(label: string, why: string, options: RenderOptions): Line[] {
  return [
    [label, options.chalk.bold(NO_ANSWER)],
    ['why', why],
  ];
}

function rateAnswer(label: string, value: D, options: RenderOptions): Line[] {
  return answerLines(label, `${readableRate(value, options)} a year`, formatExactRate(value), options);
}

function amountAnswer(label: string, value: D, report: { readonly unit: 'USD' | 'BTC' }, options: RenderOptions): Line[] {
  return answerLines(label, readableAmount(value, report.unit, options), `${formatExactAmount(value, report.unit)} = ${plainFigure(value)}`, options);
}

function growthLines(report: GrowthReport, options: RenderOptions): Line[] {
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  const head = report.value === null ? noAnswerLines('growth', describeGrowthReason(report), options) : rateAnswer('growth', report.value, options);
  return [
    ...head,
    ['solves', 'to = from × (1 + growth)^years'],
    ['', `${amount(report.to.value)} = ${amount(report.from.value)} × (1 + growth)^${plainFigure(report.years.value)}`],
  ];
}

/** How the span became years: plain years, anniversaries and days left over, or days / 365.25. */
function describeSpan(history: HistoryGrowthReport['history'], options: RenderOptions): string {
  const exact = `${formatYears(history.spanYears, options.locale)} years (exact ${plainFigure(history.spanYears)})`;
  if (history.spanDays === null) {
    return `a span of ${plainFigure(history.spanYears)} years`;
  }
  const { anniversary } = history;
  if (anniversary === null) {
    return `${plainFigure(history.spanDays)} days / 365.25 = ${exact}`;
  }
  const whole = `${anniversary.wholeYears} ${anniversary.wholeYears === 1 ? 'year' : 'years'} by anniversary`;
  return anniversary.days.isZero() ? whole : `${whole} + ${plainFigure(anniversary.days)} days of ${plainFigure(anniversary.yearDays)} = ${exact}`;
}

function historyLines(report: HistoryGrowthReport, options: RenderOptions): Line[] {
  const { history } = report;
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  const first = history.points[0]!;
  const last = history.points.at(-1)!;
  const span = describeSpan(history, options);
  return [
    ['growth', `${options.chalk.bold(`${readableRate(report.value, options)} a year`)}, the endpoint CAGR`],
    ['exact', formatExactRate(report.value)],
    ['solves', 'last = first × (1 + growth)^span'],
    ['', `${amount(last.value)} = ${amount(first.value)} × (1 + growth)^${plainFigure(history.spanYears)}`],
    ['log-linear', `${options.chalk.bold(`${readableRate(report.logLinear, options)} a year`)}, the least-squares CAGR of all ${history.points.length} points`],
    ['exact', formatExactRate(report.logLinear)],
    ['solves', 'ln(value) = a + b × years, least squares; growth = e^b - 1'],
    ['history', `${history.points.length} points from ${visible(first.label)} to ${visible(last.label)}, ${span}`],
    // The file name and the column headers are data: shown in their visible form.
    ['', `${visible(history.file)}: ${visible(history.dateColumn)} and ${visible(history.valueColumn)}`],
  ];
}

function yearsLines(report: YearsReport, options: RenderOptions): Line[] {
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  const equation: Line[] = [
    ['solves', 'to = from × (1 + growth)^years'],
    ['', `${amount(report.to.value)} = ${amount(report.from.value)} × ${formatGrowthFactor(report.growth.value)}^years`],
  ];
  if (report.value === null) {
    return [...noAnswerLines('years', describeYearsReason(report), options), ...equation];
  }
  const whole = report.wholeYears!;
  const count = `${plainFigure(whole)} whole ${whole.eq(1) ? 'year' : 'years'}`;
  const reached = whole.isZero()
    ? `at the start${report.start === null ? '' : `, ${report.start}`}: the target is where the path begins`
    : `${report.start === null ? `after ${count}` : `in ${plainFigure(whole.plus(report.start))}, ${count} after ${report.start}`}: ` +
      `the first whole year ${report.to.value.gt(report.from.value) ? 'at or above' : 'at or below'} ${amount(report.to.value)}`;
  return [...answerLines('years', readableYears(report.value, options), plainFigure(report.value), options), ...equation, ['reached', reached]];
}

function endLines(report: EndReport, options: RenderOptions): Line[] {
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  return [
    ...amountAnswer('end', report.value, report, options),
    ['solves', 'end = from × (1 + growth)^years'],
    ['', `end = ${amount(report.from.value)} × ${formatGrowthFactor(report.growth.value)}^${plainFigure(report.years.value)}`],
  ];
}

function startLines(report: StartReport, options: RenderOptions): Line[] {
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  const head = report.value === null ? noAnswerLines('start', describeStartReason(report), options) : amountAnswer('start', report.value, report, options);
  return [
    ...head,
    ['solves', 'to = start × (1 + growth)^years'],
    ['', `${amount(report.to.value)} = start × ${formatGrowthFactor(report.growth.value)}^${plainFigure(report.years.value)}`],
  ];
}

function utilizationLines(report: UtilizationReport, options: RenderOptions): Line[] {
  const amount = (value: D): string => formatExactAmount(value, report.unit);
  const grows = report.growth !== null && report.years !== null;
  const head =
    report.value === null
      ? noAnswerLines('utilization', describeUtilizationReason(report), options)
      : answerLines('utilization', readableRate(report.value, options), `${formatExactRate(report.value)} = ${plainFigure(report.value)}`, options);
  const lines: Line[] = [...head];
  if (grows) {
    lines.push(
      ['solves', 'tvl = market cap × (1 + growth)^years × utilization'],
      ['', `${amount(report.tvl.value)} = ${amount(report.marketCap.value)} × ${formatGrowthFactor(report.growth!.value)}^${plainFigure(report.years!.value)} × utilization`],
      ['market cap', `${readableAmount(report.marketCapAtHorizon, report.unit, options)} at the horizon (exact ${formatExactAmount(report.marketCapAtHorizon, report.unit)})`],
    );
  } else {
    lines.push(['solves', 'tvl = market cap × utilization'], ['', `${amount(report.tvl.value)} = ${amount(report.marketCap.value)} × utilization`]);
  }
  if (report.value !== null && report.value.gt(1)) {
    lines.push(['note', 'more than 100%: the TVL is larger than the whole market cap, so no share of it is enough']);
  }
  return lines;
}

function marketLines(report: MarketSolveReport, options: RenderOptions): Line[] {
  const label = report.solve === 'market-cap' ? 'market cap' : report.solve;
  const head =
    report.value === null
      ? noAnswerLines(label, describeMarketReason(report), options)
      : amountAnswer(label, report.value, report, options);
  const [general, figures] = marketEquation(report);
  const lines: Line[] = [...head, ['solves', general], ['', figures]];
  if (report.marketCap !== null) {
    lines.push(['market cap', `${readableAmount(report.marketCap, report.amountUnit, options)} (exact ${formatExactAmount(report.marketCap, report.amountUnit)})`]);
  }
  return lines;
}

import type { D } from '../engine/decimal.js';
import { visible } from '../core/visibleText.js';
import type { CaseReport, ProjectReport, ReferenceStanding, ReportRow, ScenarioReport } from '../report/types.js';
import { formatAmount, formatRate, formatYears, TABLE_DIGITS } from './formatNumber.js';
import { renderChart } from './chart/renderChart.js';
import { renderHistogram } from './chart/renderHistogram.js';
import { group } from './formatEnUs.js';
import { displayWidth } from './displayWidth.js';
import { fitColumns, layoutLine, layoutRule, type Align } from './layoutTable.js';
import type { RenderOptions } from './options.js';
import { tableText } from './tableText.js';
import { solvedEndLines } from './solvedEndLines.js';
import { wrapText } from './wrapText.js';

/**
 * One table per scenario under its title: periods down, market cap and utilization, then TVL and
 * change per case. Written a few lines at a time as they are laid out: a table keeps the text of
 * its cells (one string a row), never its rows.
 */
export function* renderTable(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  let separator = '';
  for (const scenario of report.scenarios) {
    yield separator;
    yield* renderScenario(scenario, options);
    separator = '\n\n';
  }
  yield '\n';
}

function* renderScenario(scenario: ScenarioReport, options: RenderOptions): Generator<string, void, undefined> {
  const { chalk } = options;
  // The title, source, case names and what-if texts are data: shown in their visible form.
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null).map(visible);
  // Each line wraps at spaces to fit the width, then takes its colour.
  const fit = (text: string, colour: (line: string) => string): string[] => wrapText(text, options.width).map((line) => colour(line));
  const heading = [...fit(visible(scenario.title ?? scenario.name), chalk.bold), ...fit(details.join(' · '), chalk.dim)];
  heading.push(...solvedEndLines(scenario, options).flatMap((line) => wrapText(line, options.width, '  ')));
  if (scenario.whatIf.length > 0) {
    heading.push(...fit(`${tableText(options.locale).whatIf}: ${scenario.whatIf.map(visible).join(', ')}`, chalk.yellow));
  }
  // Cases that share their periods share one table; a case that changes the horizon or step gets its own.
  const groups = groupBySamePeriods(scenario.cases);
  let before = `${heading.join('\n')}\n`;
  for (const cases of groups) {
    const caption = groups.length > 1 ? `${wrapText(`${chalk.dim(tableText(options.locale).case)} ${cases.map((c) => visible(c.name ?? '')).join(', ')}`, options.width).join('\n')}\n` : '';
    yield before + caption;
    yield* renderCases(cases, scenario, options);
    before = '\n\n';
  }
}

/** The figure fields of a case's row, each a column of the table (or none). */
type Field = 'marketCap' | 'utilization' | 'tvl' | 'band' | 'chance' | 'change' | 'other';

/** What walking a case learns of it: the widest text of each of its fields, and whether it shares the first case's market cap and utilization. */
interface CaseShape {
  readonly widths: Record<Field, number>;
  sameMarketCap: boolean;
  sameUtilization: boolean;
  /** The TVLs, for a chart; empty without one. */
  readonly values: D[];
  /** The first and last rows, for the line that states a price or a supply. */
  ends: [ReportRow, ReportRow] | null;
}

/** What the columns of a table depend on, learnt by walking its cases once. */
export interface TableShape {
  readonly periodWidth: number;
  readonly last: string;
  /** The periods, for a chart; empty without one. */
  readonly periods: string[];
  readonly cases: CaseShape[];
  readonly hasMarketCap: boolean;
  readonly hasUtilization: boolean;
  readonly hasChange: boolean;
  /** Each row's text: its period, then every field of every case (FIELDS order), joined by CELL_END. */
  readonly lines: string[];
}

/**
 * Ends each cell in a row's text. A table keeps one flat string per row rather than a string per
 * cell: 100 cases of 2,401 months are some megabytes of text, where a quarter of a million small
 * strings and their arrays took a hundred.
 */
const CELL_END = '\u0000';

/** A column of figures: its header, and whose field it shows. */
export interface Column {
  readonly header: string;
  readonly k: number;
  readonly field: Field;
}

/** Lines of table text handed on at once. */
const LINES_PER_PIECE = 64;

/**
 * The cases' rows are walked side by side once, keeping each row's text as one string and
 * learning the columns and their widths; then each line is laid out as it is written. A table
 * holds neither its rows nor a string per cell: its memory is the size of its text.
 */
function* renderCases(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): Generator<string, void, undefined> {
  const { chalk, locale } = options;
  const { shape, columns, header, cellsOf } = measureTable(cases, scenario, options);
  const head = header.map((text) => chalk.bold(text));
  const widths = [Math.max(displayWidth(head[0]!), shape.periodWidth), ...columns.map((column, j) => Math.max(displayWidth(head[j + 1]!), shape.cases[column.k]!.widths[column.field]))];
  // Too wide for the width: blocks of columns one under another, each repeating the period.
  const blocks = fitColumns(widths, options.width, caseUnits(columns));
  yield* layoutBlocks(blocks, widths, head, shape.lines, cellsOf);
  const targets = cases.flatMap((c) => (c.target === null ? [] : wrapText(describeTarget(c, shape.last, scenario, options), options.width, '  ')));
  const references = describeReferences(cases, scenario, options).flatMap((line) => wrapText(line, options.width, '  '));
  const markets = cases.flatMap((c, k) => describeMarket(c, shape.cases[k]!.ends, scenario, options)).flatMap((line) => wrapText(line, options.width, '  '));
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note = sampled === null ? [] : wrapText(tableText(locale).sampled(group(String(sampled.samples)), sampled.seed), options.width).map((line) => chalk.dim(line));
  const chart =
    options.chartWidth == null
      ? ''
      : renderChart(
          cases.map((c, k) => ({ name: c.name, periods: shape.periods, values: shape.cases[k]!.values })),
          { width: options.chartWidth, chalk, unit: scenario.unit, locale, references: scenario.references.map((r) => ({ name: r.name, value: r.value })) },
        );
  const histograms = options.chartWidth == null ? [] : distributions(cases, scenario, options);
  // The lines under the table, each after a line feed.
  yield ['', ...markets, ...targets, ...references, ...note, ...(chart === '' ? [] : ['', chart]), ...histograms].join('\n');
}

/** Under a chart, the last period's spread of each sampled case: a blank line, then its histogram. */
function distributions(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string[] {
  return cases.flatMap((c) => {
    const text = c.distribution == null ? '' : renderHistogram(c.distribution, { width: options.chartWidth!, chalk: options.chalk, unit: scenario.unit, locale: options.locale, name: c.name });
    return text === '' ? [] : ['', text];
  });
}

/**
 * The lines of a table laid out in its blocks of columns, a piece at a time. One block streams
 * as its lines are laid out; several are laid out in one pass over the lines (each line's cells
 * split once), each block's text kept, then written one under another.
 */
function* layoutBlocks(blocks: readonly number[][], widths: readonly number[], head: readonly string[], lines: readonly string[], cellsOf: (line: string) => string[]): Generator<string, void, undefined> {
  const layouts = blocks.map((block) => {
    const pick = <T>(row: readonly T[]): T[] => [row[0]!, ...block.map((j) => row[j]!)];
    return { pick, widths: pick(widths), aligns: ['left', ...block.map(() => 'right' as const)] as Align[] };
  });
  const texts = layouts.map((layout) => [`${layoutLine(layout.pick(head), layout.widths, layout.aligns)}\n${layoutRule(layout.widths)}`]);
  if (layouts.length === 1) {
    const [layout] = layouts;
    let piece = texts[0]![0]!;
    let count = 0;
    for (const line of lines) {
      piece += `\n${layoutLine(layout!.pick(cellsOf(line)), layout!.widths, layout!.aligns)}`;
      count += 1;
      if (count === LINES_PER_PIECE) {
        yield piece;
        piece = '';
        count = 0;
      }
    }
    yield piece;
    return;
  }
  for (const line of lines) {
    const cells = cellsOf(line);
    layouts.forEach((layout, b) => texts[b]!.push(layoutLine(layout.pick(cells), layout.widths, layout.aligns)));
  }
  yield texts.map((text) => text.join('\n')).join('\n\n');
}

/** A table of cases measured: its header texts and, for each of its row texts, the cells in the header's order. */
export interface MeasuredTable {
  readonly shape: TableShape;
  readonly columns: readonly Column[];
  /** The period, then a header for each figure column. */
  readonly header: readonly string[];
  readonly cellsOf: (line: string) => string[];
}

/** The columns and cell texts of cases that share their periods, as the table shows them (and markdown, from the same texts). */
export function measureTable(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): MeasuredTable {
  const text = tableText(options.locale);
  const shape = measureCases(cases, makeCellText(scenario, options), options.chartWidth != null);
  const columns = tableColumns(cases, shape, text, scenario.unit);
  const cellsOf = (line: string): string[] => {
    const cells = line.split(CELL_END);
    return [cells[0]!, ...columns.map((column) => cells[1 + column.k * FIELDS.length + FIELDS.indexOf(column.field)]!)];
  };
  return { shape, columns, header: [text.period, ...columns.map((column) => column.header)], cellsOf };
}

/** Runs of columns kept in one block where they fit: each shared column alone, each case's own columns together. */
function caseUnits(columns: readonly Column[]): number[][] {
  const units: number[][] = [];
  columns.forEach((column, i) => {
    const own = CASE_FIELDS.includes(column.field);
    const previous = columns[i - 1];
    if (own && previous !== undefined && CASE_FIELDS.includes(previous.field) && previous.k === column.k) {
      units.at(-1)!.push(i + 1);
    } else {
      units.push([i + 1]);
    }
  });
  return units;
}

/** Fields shown once per case, side by side. */
const CASE_FIELDS: readonly Field[] = ['tvl', 'band', 'chance', 'change'];

/** The rows of the cases, period by period: the first case's rows set the length. */
function* sideBySide(cases: readonly CaseReport[]): Generator<ReportRow[], void, undefined> {
  const iterators = cases.map((c) => c.walk()[Symbol.iterator]());
  for (let next = iterators.map((it) => it.next()); next[0]!.done !== true; next = iterators.map((it) => it.next())) {
    yield next.map((item) => item.value as ReportRow);
  }
}

/** The text of each field of a case's row that the table shows (an empty text for the others). */
type CellText = (row: ReportRow, c: CaseReport, shape: Pick<TableShape, 'hasMarketCap' | 'hasUtilization' | 'hasChange'>) => Record<Field, string>;

function makeCellText(scenario: ScenarioReport, options: RenderOptions): CellText {
  const { chalk, locale } = options;
  // Figures rounded once from the exact value, to 4 significant digits or --digits.
  const digits = options.digits ?? TABLE_DIGITS;
  const amount = (value: D | null, unit = scenario.unit): string => (value === null ? '' : formatAmount(value, unit, locale, digits));
  const rate = (value: D | null): string => (value === null ? '' : formatRate(value, locale, false, digits));
  const change = (value: D | null): string => {
    if (value === null) {
      return '';
    }
    const text = formatRate(value, locale, true, digits);
    return value.isNegative() && !value.isZero() ? chalk.red(text) : value.isZero() ? text : chalk.green(text);
  };
  const otherUnit = (row: ReportRow, c: CaseReport): string =>
    c.market?.otherUnit === true ? amount(scenario.unit === 'USD' ? (row.tvlBtc ?? null) : (row.tvlUsd ?? null), scenario.unit === 'USD' ? 'BTC' : 'USD') : '';
  return (row, c, shape) => {
    // A sampled case: the median, and the band the middle 90% of paths fall in.
    const q = c.simulation === null ? null : row.quantiles!;
    return {
      marketCap: shape.hasMarketCap ? amount(row.marketCap) : '',
      utilization: shape.hasUtilization ? rate(row.utilization) : '',
      tvl: amount(row.tvl),
      band: q === null ? '' : `${amount(q.tvl.p5)} – ${amount(q.tvl.p95)}`,
      chance: q !== null && c.target !== null ? rate(q.targetProbability) : '',
      change: shape.hasChange ? change(row.change) : '',
      other: otherUnit(row, c),
    };
  };
}

/** Walks the cases' rows side by side once, keeping each row's text and the widest text of each field (and the TVLs for a chart). */
function measureCases(cases: readonly CaseReport[], cellText: CellText, charted: boolean): TableShape {
  const hasChange = cases[0]!.rowCount > 1;
  const periods: string[] = [];
  let periodWidth = 0;
  let last = '';
  let shape: TableShape | null = null;
  const lines: string[] = [];
  const shapes: CaseShape[] = cases.map(() => ({
    widths: { marketCap: 0, utilization: 0, tvl: 0, band: 0, chance: 0, change: 0, other: 0 },
    sameMarketCap: true,
    sameUtilization: true,
    values: [],
    ends: null,
  }));
  for (const rows of sideBySide(cases)) {
    const firstRow = rows[0]!;
    shape ??= { periodWidth: 0, last: '', periods, cases: shapes, hasMarketCap: firstRow.marketCap !== null, hasUtilization: firstRow.utilization !== null, hasChange, lines };
    periodWidth = Math.max(periodWidth, displayWidth(firstRow.period));
    last = firstRow.period;
    if (charted) {
      periods.push(firstRow.period);
    }
    const texts = rows.map((row, k) => cellText(row, cases[k]!, shape!));
    lines.push([firstRow.period, ...texts.flatMap((cells) => FIELDS.map((field) => cells[field]))].join(CELL_END));
    rows.forEach((row, k) => {
      const caseShape = shapes[k]!;
      const cells = texts[k]!;
      for (const field of FIELDS) {
        caseShape.widths[field] = Math.max(caseShape.widths[field], displayWidth(cells[field]));
      }
      caseShape.sameMarketCap &&= !shape!.hasMarketCap || same(row.marketCap, firstRow.marketCap);
      caseShape.sameUtilization &&= !shape!.hasUtilization || same(row.utilization, firstRow.utilization);
      if (charted) {
        caseShape.values.push(row.tvl);
      }
      if (cases[k]!.market != null) {
        caseShape.ends = [caseShape.ends?.[0] ?? row, row];
      }
    });
  }
  return { ...shape!, periodWidth, last };
}

const FIELDS: readonly Field[] = ['marketCap', 'utilization', 'tvl', 'band', 'chance', 'change', 'other'];

/** The figure columns: market cap and utilization once when every case shares them, then each case's TVL (or median, band and chance) and change. */
function tableColumns(cases: readonly CaseReport[], table: TableShape, text: ReturnType<typeof tableText>, unit: ScenarioReport['unit']): Column[] {
  const { hasMarketCap, hasUtilization, hasChange } = table;
  const shapes = table.cases;
  const suffix = (c: CaseReport): string => (cases.length > 1 || c.name !== null ? ` · ${visible(c.name ?? '')}` : '');
  const columns: Column[] = [];
  for (const [header, has, field, sameField] of [
    [text.marketCap, hasMarketCap, 'marketCap', 'sameMarketCap'],
    [text.utilization, hasUtilization, 'utilization', 'sameUtilization'],
  ] as const) {
    if (!has) {
      continue;
    }
    if (shapes.every((shape) => shape[sameField])) {
      columns.push({ header, k: 0, field });
    } else {
      cases.forEach((c, k) => columns.push({ header: `${header}${suffix(c)}`, k, field }));
    }
  }
  cases.forEach((c, k) => {
    if (c.simulation === null) {
      columns.push({ header: `${text.tvl}${suffix(c)}`, k, field: 'tvl' });
    } else {
      columns.push({ header: `${text.median}${suffix(c)}`, k, field: 'tvl' });
      columns.push({ header: `${text.band}${suffix(c)}`, k, field: 'band' });
      if (c.target !== null) {
        columns.push({ header: `${text.chance}${suffix(c)}`, k, field: 'chance' });
      }
    }
    if (c.market?.otherUnit === true) {
      columns.push({ header: `${text.tvlIn(unit === 'USD' ? 'BTC' : 'USD')}${suffix(c)}`, k, field: 'other' });
    }
    if (hasChange) {
      columns.push({ header: `${text.change}${suffix(c)}`, k, field: 'change' });
    }
  });
  return columns;
}

function same(a: D | null, b: D | null): boolean {
  return a === null ? b === null : b !== null && a.eq(b);
}

/** Cases with the same number of rows and the same first period (its label shows the start and the step) have the same periods. */
export function groupBySamePeriods(cases: readonly CaseReport[]): CaseReport[][] {
  const groups = new Map<string, CaseReport[]>();
  for (const c of cases) {
    const firstRow = c.walk()[Symbol.iterator]().next().value as ReportRow;
    const key = `${c.rowCount}|${firstRow.period}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** `Target $100B (rounded): reached in 2029 · growth needed 20.11% a year · utilization needed 5%`. */
export function describeTarget(c: CaseReport, last: string, scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const text = tableText(locale);
  const target = c.target!;
  const digits = options.digits ?? TABLE_DIGITS;
  const parts = [
    target.reached === null ? chalk.yellow(text.notReachedBy(last)) : chalk.green(text.reachedIn(target.reached)),
  ];
  if (target.growthNeeded !== null) {
    parts.push(text.growthNeeded(formatRate(target.growthNeeded, locale, false, digits)));
  }
  if (target.utilizationNeeded !== null) {
    parts.push(text.utilizationNeeded(formatRate(target.utilizationNeeded, locale, false, digits), target.utilizationNeeded.gt(1)));
  }
  return `${text.target(formatAmount(target.value, scenario.unit, locale), c.name === null ? null : visible(c.name))} ${parts.join(' · ')}`;
}

/**
 * A line per reference: where each case of the table stands against it. `Reference eth-defi
 * $238B (2025): 5% below through 2026 (utilization needed 11.9%) · 11.9% equals it from the start`.
 */
export function describeReferences(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string[] {
  const text = tableText(options.locale);
  const named = cases.length > 1 || cases.some((c) => c.name !== null);
  return scenario.references.map((reference) => {
    const standings = cases.map((c) => reference.cases[scenario.cases.indexOf(c)]!);
    const parts = standings.map((standing) => {
      const words = describeStanding(standing, options);
      return named ? `${visible(standing.case ?? '')} ${words}` : words;
    });
    const heading = text.reference(visible(reference.name), formatAmount(reference.value, reference.unit, options.locale), reference.period === null ? null : visible(reference.period));
    return `${heading} ${parts.join(' · ')}`;
  });
}

/** `crosses it in 2029 (at 2.844 years)`, `below through 2031 (growth needed 20.11% a year)`. */
function describeStanding(standing: ReferenceStanding, options: RenderOptions): string {
  const { chalk, locale } = options;
  const text = tableText(locale);
  const { crossing } = standing;
  const words: string[] = [];
  if (crossing !== null) {
    const years = formatYears(crossing.years, locale);
    words.push(crossing.direction === 'up' ? chalk.green(text.crossesIn(crossing.period, years)) : chalk.red(text.fallsBelowIn(crossing.period, years)));
    if (crossing.direction === 'up' && standing.end === 'below') {
      words.push(chalk.red(text.belowAgainBy(standing.last)));
    } else if (crossing.direction === 'down' && standing.end !== 'below') {
      words.push(chalk.green(text.backUpBy(standing.last)));
    }
  } else if (standing.start === 'below') {
    words.push(chalk.yellow(text.belowThrough(standing.last)));
  } else {
    words.push(chalk.green(standing.start === 'at' ? text.atFromStart : text.aboveFromStart));
  }
  const needed: string[] = [];
  if (standing.growthNeeded !== null) {
    needed.push(text.growthNeeded(formatRate(standing.growthNeeded, locale)));
  }
  if (standing.utilizationNeeded !== null) {
    needed.push(text.utilizationNeeded(formatRate(standing.utilizationNeeded, locale), standing.utilizationNeeded.gt(1)));
  }
  return [...words, ...needed].join(', ');
}

/**
 * `Price of a bitcoin: $100K in 2026, $161.1K in 2031 · supply: 19.85M BTC in 2026, 20.69M BTC in 2031 (rounded)`:
 * the figures a price and a supply add, at the first and last periods; none for a case without them.
 */
export function describeMarket(c: CaseReport, ends: [ReportRow, ReportRow] | null, scenario: ScenarioReport, options: RenderOptions): string[] {
  if (ends === null || c.market == null || (!c.market.price && !c.market.supply)) {
    return [];
  }
  const { chalk, locale } = options;
  const text = tableText(locale);
  const [first, last] = ends;
  const along = (value: (row: ReportRow) => D | null | undefined, unit: ScenarioReport['unit']): string => {
    const at = (row: ReportRow): string => `${formatAmount(value(row)!, unit, locale)} (${visible(row.period)})`;
    return first === last || same(value(first) ?? null, value(last) ?? null) ? formatAmount(value(first)!, unit, locale) : `${at(first)} to ${at(last)}`;
  };
  const parts: string[] = [];
  if (c.market.price && first.price != null) {
    parts.push(`${text.price} ${along((row) => row.price, 'USD')}`);
  }
  // In bitcoin the supply is the market cap, which the table shows already.
  if (c.market.supply && first.supply != null && scenario.unit === 'USD') {
    parts.push(`${text.supply} ${along((row) => row.supply, 'BTC')}`);
  }
  const which = c.name === null ? '' : ` (${visible(c.name)})`;
  return parts.length === 0 ? [] : [chalk.dim(`${parts.join(' · ')}${which}`)];
}

import type { D } from '../engine/decimal.js';
import { visible } from '../core/visibleText.js';
import type { CaseReport, ProjectReport, ReportRow, ScenarioReport } from '../report/types.js';
import { formatAmount, formatRate } from './formatNumber.js';
import { renderChart } from './chart/renderChart.js';
import { renderHistogram } from './chart/renderHistogram.js';
import { group } from './formatEnUs.js';
import { displayWidth } from './displayWidth.js';
import { layoutLine, layoutRule, type Align } from './layoutTable.js';
import type { RenderOptions } from './options.js';
import { tableText } from './tableText.js';

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
  const heading = [chalk.bold(visible(scenario.title ?? scenario.name)), chalk.dim(details.join(' · '))];
  if (scenario.whatIf.length > 0) {
    heading.push(chalk.yellow(`${tableText(options.locale).whatIf}: ${scenario.whatIf.map(visible).join(', ')}`));
  }
  // Cases that share their periods share one table; a case that changes the horizon or step gets its own.
  const groups = groupBySamePeriods(scenario.cases);
  let before = `${heading.join('\n')}\n`;
  for (const cases of groups) {
    const caption = groups.length > 1 ? `${chalk.dim(tableText(options.locale).case)} ${cases.map((c) => visible(c.name ?? '')).join(', ')}\n` : '';
    yield before + caption;
    yield* renderCases(cases, scenario, options);
    before = '\n\n';
  }
}

/** The figure fields of a case's row, each a column of the table (or none). */
type Field = 'marketCap' | 'utilization' | 'tvl' | 'band' | 'chance' | 'change';

/** What walking a case learns of it: the widest text of each of its fields, and whether it shares the first case's market cap and utilization. */
interface CaseShape {
  readonly widths: Record<Field, number>;
  sameMarketCap: boolean;
  sameUtilization: boolean;
  /** The TVLs, for a chart; empty without one. */
  readonly values: D[];
}

/** What the columns of a table depend on, learnt by walking its cases once. */
interface TableShape {
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
interface Column {
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
  const cellText = makeCellText(scenario, options);
  const shape = measureCases(cases, cellText, options.chartWidth != null);
  const columns = tableColumns(cases, shape, tableText(locale));
  const head = [tableText(locale).period, ...columns.map((column) => column.header)].map((header) => chalk.bold(header));
  const widths = [Math.max(displayWidth(head[0]!), shape.periodWidth), ...columns.map((column, j) => Math.max(displayWidth(head[j + 1]!), shape.cases[column.k]!.widths[column.field]))];
  const aligns: Align[] = ['left', ...columns.map(() => 'right' as const)];
  let piece = `${layoutLine(head, widths, aligns)}\n${layoutRule(widths)}`;
  let count = 0;
  for (const line of shape.lines) {
    const cells = line.split(CELL_END);
    const cellOf = (column: Column): string => cells[1 + column.k * FIELDS.length + FIELDS.indexOf(column.field)]!;
    piece += `\n${layoutLine([cells[0]!, ...columns.map(cellOf)], widths, aligns)}`;
    count += 1;
    if (count === LINES_PER_PIECE) {
      yield piece;
      piece = '';
      count = 0;
    }
  }
  const targets = cases.flatMap((c) => (c.target === null ? [] : [describeTarget(c, shape.last, scenario, options)]));
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note = sampled === null ? [] : [chalk.dim(tableText(locale).sampled(group(String(sampled.samples)), sampled.seed))];
  const chart =
    options.chartWidth == null
      ? ''
      : renderChart(
          cases.map((c, k) => ({ name: c.name, periods: shape.periods, values: shape.cases[k]!.values })),
          { width: options.chartWidth, chalk, unit: scenario.unit, locale },
        );
  const histograms = options.chartWidth == null ? [] : distributions(cases, scenario, options);
  yield [piece, ...targets, ...note, ...(chart === '' ? [] : ['', chart]), ...histograms].join('\n');
}

/** Under a chart, the last period's spread of each sampled case: a blank line, then its histogram. */
function distributions(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string[] {
  return cases.flatMap((c) => {
    const text = c.distribution == null ? '' : renderHistogram(c.distribution, { width: options.chartWidth!, chalk: options.chalk, unit: scenario.unit, locale: options.locale, name: c.name });
    return text === '' ? [] : ['', text];
  });
}

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
  const amount = (value: D | null): string => (value === null ? '' : formatAmount(value, scenario.unit, locale));
  const rate = (value: D | null): string => (value === null ? '' : formatRate(value, locale));
  const change = (value: D | null): string => {
    if (value === null) {
      return '';
    }
    const text = formatRate(value, locale, true);
    return value.isNegative() && !value.isZero() ? chalk.red(text) : value.isZero() ? text : chalk.green(text);
  };
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
    widths: { marketCap: 0, utilization: 0, tvl: 0, band: 0, chance: 0, change: 0 },
    sameMarketCap: true,
    sameUtilization: true,
    values: [],
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
    });
  }
  return { ...shape!, periodWidth, last };
}

const FIELDS: readonly Field[] = ['marketCap', 'utilization', 'tvl', 'band', 'chance', 'change'];

/** The figure columns: market cap and utilization once when every case shares them, then each case's TVL (or median, band and chance) and change. */
function tableColumns(cases: readonly CaseReport[], table: TableShape, text: ReturnType<typeof tableText>): Column[] {
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
function groupBySamePeriods(cases: readonly CaseReport[]): CaseReport[][] {
  const groups = new Map<string, CaseReport[]>();
  for (const c of cases) {
    const firstRow = c.walk()[Symbol.iterator]().next().value as ReportRow;
    const key = `${c.rowCount}|${firstRow.period}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** `Target $100B (rounded): reached in 2029 · growth needed 20.11% a year · utilization needed 5%`. */
function describeTarget(c: CaseReport, last: string, scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const text = tableText(locale);
  const target = c.target!;
  const parts = [
    target.reached === null ? chalk.yellow(text.notReachedBy(last)) : chalk.green(text.reachedIn(target.reached)),
  ];
  if (target.growthNeeded !== null) {
    parts.push(text.growthNeeded(formatRate(target.growthNeeded, locale)));
  }
  if (target.utilizationNeeded !== null) {
    parts.push(text.utilizationNeeded(formatRate(target.utilizationNeeded, locale), target.utilizationNeeded.gt(1)));
  }
  return `${text.target(formatAmount(target.value, scenario.unit, locale), c.name === null ? null : visible(c.name))} ${parts.join(' · ')}`;
}

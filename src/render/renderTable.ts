import type { D } from '../engine/decimal.js';
import { visible } from '../core/visibleText.js';
import type { CaseReport, ProjectReport, ReportRow, ScenarioReport } from '../report/types.js';
import { formatAmount, formatRate } from './formatNumber.js';
import { renderChart } from './chart/renderChart.js';
import { group } from './formatEnUs.js';
import { layoutTable } from './layoutTable.js';
import type { RenderOptions } from './options.js';
import { tableText } from './tableText.js';

/**
 * One table per scenario under its title: periods down, market cap and utilization, then TVL and
 * change per case. Written a scenario at a time: only one scenario's rows are held at once.
 */
export function* renderTable(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  let separator = '';
  for (const scenario of report.scenarios) {
    yield separator + renderScenario(scenario, options);
    separator = '\n\n';
  }
  yield '\n';
}

function renderScenario(scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk } = options;
  // The title, source, case names and what-if texts are data: shown in their visible form.
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null).map(visible);
  const heading = [chalk.bold(visible(scenario.title ?? scenario.name)), chalk.dim(details.join(' · '))];
  if (scenario.whatIf.length > 0) {
    heading.push(chalk.yellow(`${tableText(options.locale).whatIf}: ${scenario.whatIf.map(visible).join(', ')}`));
  }
  // Cases that share their periods share one table; a case that changes the horizon or step gets its own.
  const groups = groupBySamePeriods(scenario.cases);
  const tables = groups.map((cases) => {
    const caption = groups.length > 1 ? `${chalk.dim(tableText(options.locale).case)} ${cases.map((c) => visible(c.name ?? '')).join(', ')}\n` : '';
    return caption + renderCases(cases, scenario, options);
  });
  return `${heading.join('\n')}\n${tables.join('\n\n')}`;
}

/** The text of a case's cells, column by column, and what the table needs to know of its rows. */
interface CaseCells {
  readonly marketCap: string[];
  readonly utilization: string[];
  readonly tvl: string[];
  readonly band: string[];
  readonly chance: string[];
  readonly change: string[];
  /** The TVLs, for a chart; empty without one. */
  readonly values: D[];
  /** Whether the market cap and utilization are those of the first case in every row. */
  sameMarketCap: boolean;
  sameUtilization: boolean;
}

/** A table's cells, and what its columns depend on. */
interface TableCells {
  readonly periods: string[];
  readonly cells: CaseCells[];
  readonly hasMarketCap: boolean;
  readonly hasUtilization: boolean;
  readonly hasChange: boolean;
}

/**
 * The cases' rows are walked side by side and each is turned into the text of its cells at once,
 * so a table holds text, not the rows: a scenario of 100 cases of 2,401 months stays small.
 */
function renderCases(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const table = collectCells(cases, scenario, options);
  const columns = tableColumns(cases, table, tableText(locale));
  const head = [tableText(locale).period, ...columns.map((column) => column.header)].map((header) => chalk.bold(header));
  const body = table.periods.map((period, i) => [period, ...columns.map((column) => column.cells[i]!)]);
  const laidOut = layoutTable(head, body, ['left', ...columns.map(() => 'right' as const)]);
  const last = table.periods.at(-1)!;
  const targets = cases.flatMap((c) => (c.target === null ? [] : [describeTarget(c, last, scenario, options)]));
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note = sampled === null ? [] : [chalk.dim(tableText(locale).sampled(group(String(sampled.samples)), sampled.seed))];
  const chart =
    options.chartWidth == null
      ? ''
      : renderChart(
          cases.map((c, k) => ({ name: c.name, periods: table.periods, values: table.cells[k]!.values })),
          { width: options.chartWidth, chalk, unit: scenario.unit, locale },
        );
  return [laidOut, ...targets, ...note, ...(chart === '' ? [] : ['', chart])].join('\n');
}

/** Walks the cases' rows side by side, keeping only the text of each cell (and the TVLs for a chart). */
function collectCells(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): TableCells {
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
  const hasChange = cases[0]!.rowCount > 1;
  const charted = options.chartWidth != null;
  const periods: string[] = [];
  let hasMarketCap = false;
  let hasUtilization = false;
  const cells: CaseCells[] = cases.map(() => ({ marketCap: [], utilization: [], tvl: [], band: [], chance: [], change: [], values: [], sameMarketCap: true, sameUtilization: true }));
  const iterators = cases.map((c) => c.walk()[Symbol.iterator]());
  for (let next = iterators.map((it) => it.next()); next[0]!.done !== true; next = iterators.map((it) => it.next())) {
    const firstRow = next[0]!.value as ReportRow;
    if (periods.length === 0) {
      hasMarketCap = firstRow.marketCap !== null;
      hasUtilization = firstRow.utilization !== null;
    }
    periods.push(firstRow.period);
    next.forEach((item, k) => {
      const row = item.value as ReportRow;
      const cell = cells[k]!;
      const c = cases[k]!;
      if (hasMarketCap) {
        cell.marketCap.push(amount(row.marketCap));
        cell.sameMarketCap &&= same(row.marketCap, firstRow.marketCap);
      }
      if (hasUtilization) {
        cell.utilization.push(rate(row.utilization));
        cell.sameUtilization &&= same(row.utilization, firstRow.utilization);
      }
      cell.tvl.push(amount(row.tvl));
      if (c.simulation !== null) {
        // A sampled case: the median, and the band the middle 90% of paths fall in.
        const q = row.quantiles!;
        cell.band.push(`${amount(q.tvl.p5)} – ${amount(q.tvl.p95)}`);
        if (c.target !== null) {
          cell.chance.push(rate(q.targetProbability));
        }
      }
      if (hasChange) {
        cell.change.push(change(row.change));
      }
      if (charted) {
        cell.values.push(row.tvl);
      }
    });
  }
  return { periods, cells, hasMarketCap, hasUtilization, hasChange };
}

/** The figure columns: market cap and utilization once when every case shares them, then each case's TVL (or median, band and chance) and change. */
function tableColumns(cases: readonly CaseReport[], table: TableCells, text: ReturnType<typeof tableText>): { readonly header: string; readonly cells: readonly string[] }[] {
  const { cells, hasMarketCap, hasUtilization, hasChange } = table;
  const suffix = (c: CaseReport): string => (cases.length > 1 || c.name !== null ? ` · ${visible(c.name ?? '')}` : '');
  const columns: { readonly header: string; readonly cells: readonly string[] }[] = [];
  for (const [header, has, field, sameField] of [
    [text.marketCap, hasMarketCap, 'marketCap', 'sameMarketCap'],
    [text.utilization, hasUtilization, 'utilization', 'sameUtilization'],
  ] as const) {
    if (!has) {
      continue;
    }
    if (cells.every((cell) => cell[sameField])) {
      columns.push({ header, cells: cells[0]![field] });
    } else {
      cases.forEach((c, k) => columns.push({ header: `${header}${suffix(c)}`, cells: cells[k]![field] }));
    }
  }
  cases.forEach((c, k) => {
    const cell = cells[k]!;
    if (c.simulation === null) {
      columns.push({ header: `${text.tvl}${suffix(c)}`, cells: cell.tvl });
    } else {
      columns.push({ header: `${text.median}${suffix(c)}`, cells: cell.tvl });
      columns.push({ header: `${text.band}${suffix(c)}`, cells: cell.band });
      if (c.target !== null) {
        columns.push({ header: `${text.chance}${suffix(c)}`, cells: cell.chance });
      }
    }
    if (hasChange) {
      columns.push({ header: `${text.change}${suffix(c)}`, cells: cell.change });
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

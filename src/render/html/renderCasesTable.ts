import { PRINTED_DIGITS, type D } from '../../engine/decimal.js';
import type { Fixed } from '../../core/fixed.js';
import type { CaseReport, ReportRow, ScenarioReport } from '../../report/types.js';
import { formatAmount, formatRate, plainFigure } from '../formatNumber.js';
import { plainFixed } from '../plainDigits.js';
import { tableText, type TableText } from '../tableText.js';
import { attributes, html, type Html } from './html.js';

/** A figure of a row that the table may show, named as `btcfi project --format json` names it. */
type Field = 'market_cap' | 'utilization' | 'tvl' | 'band' | 'target_probability' | 'change';

/** A column: whose figure it shows (a case, or every case when they share it) and its header. */
interface Column {
  readonly field: Field;
  /** The case's position, or null for a column that every case of the table shares. */
  readonly k: number | null;
  readonly header: string;
}

/** Which columns a table of these cases has, learnt by walking their rows once. */
interface Shape {
  readonly hasMarketCap: boolean;
  readonly hasUtilization: boolean;
  readonly sharedMarketCap: boolean;
  readonly sharedUtilization: boolean;
  readonly hasChange: boolean;
}

/** The rows of the cases, period by period: the first case's rows set the length. */
function* sideBySide(cases: readonly CaseReport[]): Generator<ReportRow[], void, undefined> {
  const iterators = cases.map((c) => c.walk()[Symbol.iterator]());
  for (let next = iterators.map((it) => it.next()); next[0]!.done !== true; next = iterators.map((it) => it.next())) {
    yield next.map((item) => item.value as ReportRow);
  }
}

function same(a: D | null, b: D | null): boolean {
  return a === null ? b === null : b !== null && a.eq(b);
}

/** Market cap and utilization are shown once when every case has the same at each period (as the terminal table does). */
function measure(cases: readonly CaseReport[]): Shape {
  let first: ReportRow | null = null;
  let sharedMarketCap = true;
  let sharedUtilization = true;
  for (const rows of sideBySide(cases)) {
    first ??= rows[0]!;
    for (const row of rows) {
      sharedMarketCap &&= same(row.marketCap, rows[0]!.marketCap);
      sharedUtilization &&= same(row.utilization, rows[0]!.utilization);
    }
  }
  return {
    hasMarketCap: first?.marketCap != null,
    hasUtilization: first?.utilization != null,
    sharedMarketCap,
    sharedUtilization,
    hasChange: cases[0]!.rowCount > 1,
  };
}

/**
 * The columns: market cap and utilization first when the cases share them, then each case's own:
 * its market cap and utilization when they differ, its TVL (for a sampled case the median, the
 * 5th to 95th percentile and, with a target, the chance of reaching it) and its change.
 */
function makeColumns(cases: readonly CaseReport[], shape: Shape, text: TableText): Column[] {
  const shared: Column[] = [];
  const perCase: Column[] = [];
  const figures: [Field, boolean, boolean, string][] = [
    ['market_cap', shape.hasMarketCap, shape.sharedMarketCap, text.marketCap],
    ['utilization', shape.hasUtilization, shape.sharedUtilization, text.utilization],
  ];
  for (const [field, has, isShared, header] of figures) {
    if (has && isShared) {
      shared.push({ field, k: null, header });
    }
  }
  cases.forEach((c, k) => {
    for (const [field, has, isShared, header] of figures) {
      if (has && !isShared) {
        perCase.push({ field, k, header });
      }
    }
    perCase.push({ field: 'tvl', k, header: c.simulation === null ? text.tvl : text.median });
    if (c.simulation !== null) {
      perCase.push({ field: 'band', k, header: text.band });
      if (c.target !== null) {
        perCase.push({ field: 'target_probability', k, header: text.chance });
      }
    }
    if (shape.hasChange) {
      perCase.push({ field: 'change', k, header: text.change });
    }
  });
  return [...shared, ...perCase];
}

/**
 * A figure as `btcfi project --format json` writes it: the engine's own figures for an exact
 * case, rounded once to 40 significant digits.
 */
function jsonFigure(value: D | null, exact: Fixed | null | undefined): string | null {
  if (exact !== undefined && exact !== null) {
    return plainFixed(exact, PRINTED_DIGITS);
  }
  return value === null ? null : plainFigure(value);
}

interface CellContext {
  readonly scenario: ScenarioReport;
  readonly cases: readonly CaseReport[];
  readonly locale: string;
  /** The header each cell repeats, for a narrow screen where a row is shown as a list. */
  readonly labels: readonly string[];
}

/** A figure: shown rounded for reading, with its exact value (the JSON's) in data-value for anything that reads the page. */
function figure(field: string, value: D | null, exact: Fixed | null | undefined, shown: (value: D) => string): Html {
  return html`<span${attributes({ 'data-field': field, 'data-value': jsonFigure(value, exact) })}>${value === null ? '' : shown(value)}</span>`;
}

function cell(column: Column, j: number, rows: readonly ReportRow[], context: CellContext): Html {
  const k = column.k ?? 0;
  const row = rows[k]!;
  const c = context.cases[k]!;
  const amount = (value: D): string => formatAmount(value, context.scenario.unit, context.locale);
  const rate = (value: D): string => formatRate(value, context.locale);
  const q = row.quantiles;
  let content: Html;
  switch (column.field) {
    case 'market_cap':
      content = figure('market_cap', row.marketCap, row.exact?.marketCap, amount);
      break;
    case 'utilization':
      content = figure('utilization', row.utilization, row.exact?.utilization, rate);
      break;
    case 'tvl':
      content = figure('tvl', row.tvl, row.exact?.tvl, amount);
      break;
    case 'band':
      content = html`${figure('p5', q!.tvl.p5, null, amount)} ${'–'} ${figure('p95', q!.tvl.p95, null, amount)}`;
      break;
    case 'target_probability':
      content = figure('target_probability', q!.targetProbability, null, rate);
      break;
    case 'change':
      content = figure('change', row.change, null, (value) => formatRate(value, context.locale, true));
      break;
  }
  // A change has no value at the first period: the cell stays empty, and a narrow screen leaves it out.
  const trend = column.field !== 'change' ? null : row.change === null ? 'empty' : row.change.isZero() ? null : row.change.isNegative() ? 'fall' : 'rise';
  return html`<td${attributes({ 'data-label': context.labels[j], 'data-case': column.k === null ? null : c.name, class: trend })}>${content}</td>`;
}

/** The header: one row, or with named cases a row of case names over the columns of each. */
function renderHead(columns: readonly Column[], cases: readonly CaseReport[], text: TableText): Html {
  const named = cases.length > 1 || cases[0]!.name !== null;
  if (!named) {
    return html`<thead><tr><th scope="col" class="period">${text.period}</th>${columns.map((column) => html`<th scope="col">${column.header}</th>`)}</tr></thead>`;
  }
  const shared = columns.filter((column) => column.k === null);
  const groups = cases.map((c, k) => {
    const span = columns.filter((column) => column.k === k).length;
    return html`<th scope="colgroup" colspan="${span}" class="case">${c.name ?? ''}</th>`;
  });
  const sub = columns.filter((column) => column.k !== null).map((column) => html`<th scope="col">${column.header}</th>`);
  return html`<thead><tr><th scope="col" rowspan="2" class="period">${text.period}</th>${shared.map((column) => html`<th scope="col" rowspan="2">${column.header}</th>`)}${groups}</tr><tr>${sub}</tr></thead>`;
}

/**
 * One table of cases that share their periods: a row per period, every figure marked with its
 * field, case and exact value. Rows are written as they are computed. Returns the last period.
 */
export function* renderCasesTable(cases: readonly CaseReport[], scenario: ScenarioReport, locale: string): Generator<Html, string, undefined> {
  const text = tableText(locale);
  const columns = makeColumns(cases, measure(cases), text);
  const labels = columns.map((column) => (column.k === null || (cases.length === 1 && cases[0]!.name === null) ? column.header : `${column.header} · ${cases[column.k]!.name ?? ''}`));
  const context: CellContext = { scenario, cases, locale, labels };
  // The cases the table holds, for a reader of the page: a column without data-case is every one's.
  const holds = JSON.stringify(cases.map((c) => c.name));
  yield html`<div class="table"><table data-cases="${holds}">${renderHead(columns, cases, text)}<tbody>\n`;
  let period = '';
  for (const rows of sideBySide(cases)) {
    period = rows[0]!.period;
    yield html`<tr data-period="${period}"><th scope="row">${period}</th>${columns.map((column, j) => cell(column, j, rows, context))}</tr>\n`;
  }
  yield html`</tbody></table></div>`;
  return period;
}

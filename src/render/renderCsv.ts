import { stringify } from 'csv-stringify/sync';
import { PRINTED_DIGITS, type D } from '../engine/decimal.js';
import type { Fixed } from '../core/fixed.js';
import { plainFixed } from './plainDigits.js';
import type { CaseReport, ProjectReport, ReportRow, ScenarioReport } from '../report/types.js';
import { CSV_COLUMNS, WIDE_EXACT, WIDE_SAMPLED, type CsvCells, type CsvColumn, type CsvFill } from './csvColumns.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

/** A figure as plainFigure writes it: what a spreadsheet reads as a number, and never runs. */
const PLAIN_FIGURE = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * RFC 4180 rows (CRLF, a header, quotes only where needed). A text cell that a spreadsheet would
 * run as a formula (one that starts with =, +, -, @, a tab or a CR, or their full-width forms,
 * as OWASP lists them) gets a leading `'`; a cell of a figure column is left as it is only when
 * it is a plain figure, so a negative figure stays a number and nothing else can pass as one.
 */
export function toCsv(rows: readonly (readonly string[])[], figureColumns: ReadonlySet<number>): string {
  return stringify(rows as string[][], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      string: (value, context) =>
        context.header !== true && typeof context.index === 'number' && figureColumns.has(context.index) && PLAIN_FIGURE.test(value)
          ? { value, escape_formulas: false }
          : value,
    },
  });
}

/**
 * One text cell as toCsv writes it (formula-escaped, quoted where needed), remembered: a run
 * writes the same few texts (names, units, periods) on every row.
 */
function makeTextCell(): (value: string) => string {
  const cells = new Map<string, string>();
  return (value) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      cell = value === '' || PLAIN_TEXT.test(value) ? value : toCsv([[value]], new Set()).slice(0, -CRLF.length);
      cells.set(value, cell);
    }
    return cell;
  };
}

const CRLF = '\r\n';

/** A text toCsv writes as it is: nothing to quote, and no first character a spreadsheet would run. */
const PLAIN_TEXT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** How each cell is written in this run: texts and shared figures are written once and remembered. */
function makeCells(options: RenderOptions): CsvCells {
  const text = makeTextCell();
  const significant = options.digits ?? PRINTED_DIGITS;
  // plainFigure writes a plain figure (digits, a point, maybe a minus), never escaped or quoted.
  const figure = (value: D | null): string => (value === null ? '' : plainFigure(value, options.digits));
  const exact = (value: Fixed | null): string => (value === null ? '' : plainFixed(value, significant));
  // A utilization is often the same value for every row of a case; a growth rate's change is one object per rate and step.
  const known = new WeakMap<Fixed, string>();
  const shared = (value: Fixed | null): string => {
    if (value === null) {
      return '';
    }
    let cell = known.get(value);
    if (cell === undefined) {
      cell = plainFixed(value, significant);
      known.set(value, cell);
    }
    return cell;
  };
  const periods = new Map<string, string>();
  const period = (label: string): string => {
    let cell = periods.get(label);
    if (cell === undefined) {
      cell = text(spreadsheetPeriod(label));
      periods.set(label, cell);
    }
    return cell;
  };
  return { text, period, figure, exact, shared };
}

/** A period without a start year, `+1-Q3`, as years from the start, `1-Q3`: no leading sign for a spreadsheet to read as a formula. */
export function spreadsheetPeriod(label: string): string {
  return OFFSET_PERIOD.test(label) ? label.slice(1) : label;
}

const OFFSET_PERIOD = /^\+[0-9]+(-Q[1-4]|-[0-9]{2})?$/;

/** The columns a run writes: --columns, or every column. */
function chosenColumns(options: RenderOptions): readonly CsvColumn[] {
  const names = options.csv?.columns ?? null;
  return names === null ? CSV_COLUMNS : names.map((name) => CSV_COLUMNS.find((column) => column.name === name)!);
}

/** A case's row as text pieces: the cells every row shares, joined once, between the cells each row fills. */
interface CompiledRow {
  readonly pieces: readonly string[];
  readonly fills: readonly ((row: ReportRow) => string)[];
}

function compileRow(columns: readonly CsvColumn[], cells: CsvCells, scenario: ScenarioReport, c: CaseReport): CompiledRow {
  const pieces = [''];
  const fills: ((row: ReportRow) => string)[] = [];
  columns.forEach((column, i) => {
    const fill = column.fill(cells, scenario, c);
    pieces[pieces.length - 1] += i === 0 ? '' : ',';
    if (typeof fill === 'string') {
      pieces[pieces.length - 1] += fill;
    } else {
      fills.push(fill);
      pieces.push('');
    }
  });
  pieces[pieces.length - 1] += CRLF;
  return { pieces, fills };
}

/**
 * The CSV of `project`: one row per scenario, case and period, with the columns of CSV_COLUMNS
 * (or those --columns names), an empty cell where a column does not apply, written as the rows are
 * computed; or, with --layout wide, one row per period and a column per case (renderWideCsv).
 * Text cells go through toCsv's rules once per distinct text; a figure is a plain number, which
 * needs no quoting and is never escaped.
 */
export function* renderCsv(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  if (options.csv?.layout === 'wide') {
    yield* renderWideCsv(report, options);
    return;
  }
  const cells = makeCells(options);
  const columns = chosenColumns(options);
  yield toCsv([columns.map((column) => column.name)], new Set());
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      const { pieces, fills } = compileRow(columns, cells, scenario, c);
      const first = pieces[0]!;
      const count = fills.length;
      let batch = '';
      let rows = 0;
      for (const row of c.walk()) {
        let line = first;
        for (let i = 0; i < count; i += 1) {
          line += fills[i]!(row) + pieces[i + 1]!;
        }
        batch += line;
        rows += 1;
        if (rows === ROWS_PER_PIECE) {
          yield batch;
          batch = '';
          rows = 0;
        }
      }
      if (batch !== '') {
        yield batch;
      }
    }
  }
}

/** Rows joined into one piece of output: fewer, larger pieces cost less to pass along. */
const ROWS_PER_PIECE = 1024;

/** A column of the wide layout: its header and how each row of its case fills it. */
interface WideColumn {
  readonly header: string;
  readonly fill: CsvFill;
}

/**
 * One row per period and one column per case (per figure of a case): `period`, then
 * `SCENARIO/CASE` (or `SCENARIO` without cases) for a case's TVL, or `SCENARIO/CASE/p5` ... `/p95`
 * for a sampled case's percentiles; with --columns, a column per case and named figure,
 * `SCENARIO/CASE/FIGURE`. The periods of every case, in time order, each once: a cell is empty
 * where its case has no such period. The cases are read one after the other, so the cells are
 * kept until the last case is read.
 */
function* renderWideCsv(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  const cells = makeCells(options);
  const named = options.csv?.columns ?? null;
  const byPeriod = new Map<string, string[]>();
  const header = ['period'];
  const figureColumns = new Set<number>();
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      const columns = wideColumns(named, cells, scenario, c);
      const at = header.length - 1;
      for (const column of columns) {
        header.push(column.header);
        figureColumns.add(header.length - 1);
      }
      for (const row of c.walk()) {
        let line = byPeriod.get(row.period);
        if (line === undefined) {
          line = [];
          byPeriod.set(row.period, line);
        }
        columns.forEach((column, k) => {
          line[at + k] = typeof column.fill === 'string' ? column.fill : column.fill(row);
        });
      }
    }
  }
  yield toCsv([header], new Set());
  const width = header.length - 1;
  let batch = '';
  for (const label of sortPeriods([...byPeriod.keys()])) {
    const line = byPeriod.get(label)!;
    let text = cells.period(label);
    for (let k = 0; k < width; k += 1) {
      text += ',' + (line[k] ?? '');
    }
    batch += text + CRLF;
    if (batch.length > WIDE_PIECE) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') {
    yield batch;
  }
}

const WIDE_PIECE = 1 << 16;

function wideColumns(named: readonly string[] | null, cells: CsvCells, scenario: ScenarioReport, c: CaseReport): WideColumn[] {
  const figures = named ?? (c.simulation === null ? WIDE_EXACT : WIDE_SAMPLED);
  const base = c.name === null ? scenario.name : `${scenario.name}/${c.name}`;
  return figures.map((name) => {
    const column = CSV_COLUMNS.find((candidate) => candidate.name === name)!;
    return { header: named === null && figures.length === 1 ? base : `${base}/${name}`, fill: column.fill(cells, scenario, c) };
  });
}

/**
 * Period labels in time order (`+1` a year after `+0`, `2026-Q2` a quarter after `2026`): years
 * from a start before calendar years, and a label of no known form after both, each group in
 * the order first seen.
 */
export function sortPeriods(labels: readonly string[]): string[] {
  const key = (label: string): readonly [number, number] => {
    const match = PERIOD_FORM.exec(label);
    if (match === null) {
      return [2, 0];
    }
    const part = match[3] !== undefined ? (Number(match[3]) - 1) / 4 : match[4] !== undefined ? (Number(match[4]) - 1) / 12 : 0;
    return [match[1] === '+' ? 0 : 1, Number(match[2]) + part];
  };
  return labels
    .map((label, order) => ({ label, order, key: key(label) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.order - b.order)
    .map((entry) => entry.label);
}

/** `2026`, `2026-Q3`, `2026-07`, and the same with a leading `+` for years from the start. */
const PERIOD_FORM = /^(\+?)([0-9]+)(?:-Q([1-4])|-([0-9]{2}))?$/;
